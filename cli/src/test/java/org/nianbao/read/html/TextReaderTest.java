package org.nianbao.read.html;

import org.nianbao.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.NotAReportException;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

class TextReaderTest {
  /** The charset guess as made before the detector was limited to the Chinese charsets: every guess asked. */
  private static Charset guessWithEveryCharset(byte[] bytes) {
    org.apache.tika.parser.txt.CharsetDetector detector = new org.apache.tika.parser.txt.CharsetDetector();
    detector.setText(bytes);
    for (org.apache.tika.parser.txt.CharsetMatch match : detector.detectAll()) {
      if (match.getName().equals("GB18030") || match.getName().equals("Big5")) {
        return Charsets.named(match.getName()).orElse(Charsets.GB18030);
      }
    }
    return Charsets.GB18030;
  }

  @Test
  void askingOnlyTheChineseCharsetsGuessesAsAskingEveryOne() throws Exception {
    List<byte[]> inputs = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(20261203);
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(TestData.corpus())) {
      for (java.nio.file.Path p : files.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".html"))
          .sorted().toList()) {
        String text = new String(java.nio.file.Files.readAllBytes(p), StandardCharsets.UTF_8);
        for (String name : List.of("GBK", "GB18030", "Big5", "ISO-8859-1")) {
          inputs.add(text.getBytes(Charset.forName(name)));
        }
        // a piece from the middle, as short texts are where guesses are closest
        int from = random.nextInt(Math.max(1, text.length() - 200));
        inputs.add(text.substring(from, Math.min(text.length(), from + 10 + random.nextInt(190)))
            .getBytes(Charset.forName(random.nextBoolean() ? "GBK" : "Big5")));
      }
    }
    inputs.add("Café déjà vu, naïve façade".getBytes(StandardCharsets.ISO_8859_1));
    int nonUtf8 = 0;
    for (byte[] bytes : inputs) {
      if (Charsets.bom(bytes).isPresent() || Charsets.isUtf8(bytes, 0)) {
        continue;
      }
      nonUtf8++;
      assertEquals(guessWithEveryCharset(bytes), TextReader.charsetOf(bytes));
    }
    assertTrue(nonUtf8 > 100, "too few inputs that need a guess: " + nonUtf8);
  }

  private static final String SEED = "seeds/000_cba99305fd9fd5d3.txt";
  private static final TextReader READER = new TextReader();

  private static SourceDocument read(byte[] bytes) throws DocumentReadException {
    return READER.read(bytes, "seed.txt", "txt");
  }

  private static String seedText() {
    return new String(TestData.realBytes(SEED), StandardCharsets.UTF_8);
  }

  private static byte[] withUtf8Bom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    return bytes;
  }

  private static List<String> texts(List<Cell> cells) {
    return cells.stream().map(Cell::text).toList();
  }

  private static TableBlock tableAfter(SourceDocument doc, String paragraph) {
    List<Block> blocks = doc.blocks();
    for (int i = 0; i + 1 < blocks.size(); i++) {
      if (blocks.get(i) instanceof Paragraph p && p.text().equals(paragraph)) {
        return assertInstanceOf(TableBlock.class, blocks.get(i + 1));
      }
    }
    throw new AssertionError("no paragraph " + paragraph);
  }

  @Test
  void seedSectionThreeRowsKeepTheirOrderedCells() throws DocumentReadException {
    SourceDocument doc = read(TestData.realBytes(SEED));
    assertEquals("UTF-8", doc.metadata().get("charset"));
    TableBlock t3 = tableAfter(doc, "三、收到和处理政府信息公开申请情况");
    assertFalse(t3.exactGrid());
    assertEquals("line 60", t3.ref().locator());
    assertEquals(28, t3.rowCount());

    List<Cell> received = t3.rows().stream()
        .filter(r -> r.get(0).text().equals("一、本年新收政府信息公开申请数量")).findFirst().orElseThrow();
    assertEquals(8, received.size());
    assertEquals("\u00a00", received.get(1).text());
    assertEquals("0\u00a0", received.get(6).text());

    // the group label is printed once; the group's later rows start with empty cells
    List<Cell> granted = t3.rows().get(5);
    assertEquals("三、本年度办理结果", granted.get(0).text());
    assertEquals("（一）予以公开", granted.get(1).text());
    List<Cell> secret = t3.rows().get(7);
    assertEquals(List.of("", "（三）不予公开", "1.属于国家秘密\u00a0"), texts(secret.subList(0, 3)));
    assertEquals(10, secret.size());
    assertEquals("\u00a0", secret.get(9).text());
    List<Cell> lawBanned = t3.rows().get(8);
    assertEquals(List.of("", "", "2.其他法律行政法规禁止公开\u00a0"), texts(lawBanned.subList(0, 3)));

    // header rows: an empty leading cell, then 自然人 …
    assertEquals(List.of("", "自然人", "法人或其他组织", "总计"), texts(t3.rows().get(1)));
    assertEquals("line 64", t3.rows().get(1).get(1).ref().locator());

    List<Cell> carried = t3.rows().get(27);
    assertEquals("四、结转下年度继续办理", carried.get(0).text());
    assertEquals("00", carried.get(5).text());
  }

  @Test
  void seedParagraphsAndTablesAlternateInReadingOrder() throws DocumentReadException {
    SourceDocument doc = read(TestData.realBytes(SEED));
    Paragraph first = assertInstanceOf(Paragraph.class, doc.blocks().get(0));
    assertEquals(" 拦隆口镇人民政府2021年度", first.text());
    assertEquals("line 1", first.ref().locator());
    assertEquals(0, first.ref().page());
    assertEquals(3, doc.tables().size());
    TableBlock t2 = tableAfter(doc, "二、主动公开政府信息情况");
    assertEquals(List.of("第二十条第（一）项"), texts(t2.rows().get(0)));
    assertEquals(List.of("规章", "\u3000\u30000", "\u00a00", "\u30000"), texts(t2.rows().get(2)));
    TableBlock t4 = tableAfter(doc, "四、政府信息公开行政复议、行政诉讼情况");
    assertEquals(15, t4.rows().get(3).size());
    assertTrue(doc.blocks().stream().anyMatch(b -> b instanceof Paragraph p && p.text().equals("六、其他需要报告的事项")));
    // the trailing line holding one space is no paragraph
    Block last = doc.blocks().get(doc.blocks().size() - 1);
    assertTrue(((Paragraph) last).text().startsWith("深入贯彻落实"));
  }

  @Test
  void seedReadsTheSameInEveryEncoding() throws DocumentReadException {
    String seed = seedText();
    List<Block> utf8 = read(seed.getBytes(StandardCharsets.UTF_8)).blocks();
    assertEquals(utf8, read(withUtf8Bom(seed)).blocks());
    SourceDocument gb18030 = read(seed.getBytes(Charset.forName("GB18030")));
    assertEquals("GB18030", gb18030.metadata().get("charset"));
    assertEquals(utf8, gb18030.blocks());

    // GBK has no U+00A0; a GBK file of this report would carry plain spaces there
    String gbkable = seed.replace('\u00a0', ' ');
    SourceDocument gbk = read(gbkable.getBytes(Charset.forName("GBK")));
    assertEquals("GB18030", gbk.metadata().get("charset"));
    assertEquals(read(withUtf8Bom(gbkable)).blocks(), gbk.blocks());
  }

  @Test
  void utf16WithBomIsRead() throws DocumentReadException {
    byte[] body = "一、总体情况\r\n\t规章\r\n\t0\r\n".getBytes(StandardCharsets.UTF_16BE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFE;
    bytes[1] = (byte) 0xFF;
    System.arraycopy(body, 0, bytes, 2, body.length);
    SourceDocument doc = read(bytes);
    assertEquals("一、总体情况", ((Paragraph) doc.blocks().get(0)).text());
    assertEquals(List.of("规章", "0"), texts(doc.tables().get(0).rows().get(0)));
  }

  @Test
  void webDumpHeaderBecomesMetadataAndGluedDigitsStayText() throws DocumentReadException {
    SourceDocument doc = READER.read(TestData.realBytes("corpus-glued/pingtan-2022-flat.txt"), "flat.txt", "txt");
    assertEquals("平潭综合实验区2022年度政府信息公开工作年度报告", doc.metadata().get("title"));
    assertEquals("2023-02-20 15:07", doc.metadata().get("published"));
    assertFalse(doc.metadata().containsKey("publisher"), "发布机构 is empty in this dump");
    assertTrue(doc.tables().isEmpty());
    assertEquals(1, doc.blocks().size());
    Paragraph body = assertInstanceOf(Paragraph.class, doc.blocks().get(0));
    assertEquals("line 10", body.ref().locator());
    assertTrue(body.text().contains("本年新收政府信息公开申请数量 713000074"));
  }

  @Test
  void emptyTextIsNotAReport() {
    for (String text : List.of("", "   \n\n \t \r\n", "\u3000\n", "\t\n\t \n\n\t\u00a0\n")) {
      NotAReportException e = assertThrows(NotAReportException.class,
          () -> read(text.getBytes(StandardCharsets.UTF_8)));
      assertEquals("txt", e.fileType());
      assertEquals("文档为空：没有文字", e.getMessage());
    }
  }
}
