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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.NotAReportException;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

class HtmlReaderTest {
  private static final HtmlReader READER = new HtmlReader();

  private static SourceDocument read(byte[] bytes) throws DocumentReadException {
    return READER.read(bytes, "test.html", "html");
  }

  private static SourceDocument real(String name) throws DocumentReadException {
    return READER.read(TestData.realBytes("corpus-real/" + name), name, "html");
  }

  private static List<String> texts(List<Cell> cells) {
    return cells.stream().map(Cell::text).toList();
  }

  /** The first grid row whose first cell's text starts with the prefix. */
  private static Optional<List<Cell>> rowStartingWith(SourceDocument doc, String prefix) {
    return doc.tables().stream()
        .flatMap(t -> t.rows().stream())
        .filter(r -> !r.isEmpty() && r.get(0).text().startsWith(prefix))
        .findFirst();
  }

  private static Optional<Cell> cellWithText(SourceDocument doc, String text) {
    return doc.tables().stream()
        .flatMap(t -> t.rows().stream())
        .flatMap(List::stream)
        .filter(c -> c.text().equals(text))
        .findFirst();
  }

  @Test
  void pingtan2022RebuildsTheMergedSectionThreeGrid() throws DocumentReadException {
    SourceDocument doc = real("pingtan-2022.html");
    assertEquals("平潭综合实验区2022年度政府信息公开工作年度报告", doc.metadata().get("title"));
    assertEquals("UTF-8", doc.metadata().get("charset"));
    assertEquals(3, doc.tables().size());
    TableBlock t3 = doc.tables().get(1);
    assertTrue(t3.exactGrid());
    int width = t3.rows().get(0).size();
    assertTrue(t3.rows().stream().allMatch(r -> r.size() == width));

    Cell anchor = t3.rows().stream().flatMap(List::stream)
        .filter(c -> !c.isCopy() && c.text().startsWith("三、本年度办理结果"))
        .findFirst().orElseThrow();
    long spanned = t3.rows().stream()
        .filter(r -> r.get(anchor.col()).anchorRow() == anchor.row() && r.get(anchor.col()).anchorCol() == anchor.col())
        .count();
    assertEquals(22, spanned);

    List<Cell> received = rowStartingWith(doc, "一、本年新收政府信息公开申请数量").orElseThrow();
    List<String> values = received.stream().filter(c -> !c.isCopy()).skip(1).map(Cell::text).toList();
    assertEquals(List.of("71", "3", "0", "0", "0", "0", "74"), values);
    assertEquals("table 2 r" + (received.get(3).row() + 1) + "c4", received.get(3).ref().locator());
    assertEquals(0, received.get(3).ref().page());
  }

  @Test
  void pingtan2022KeepsNbspAndCellLineBreaksRaw() throws DocumentReadException {
    SourceDocument doc = real("pingtan-2022.html");
    assertTrue(cellWithText(doc, "第二十条第（一）项\u00a0").isPresent());
    // the header cell of section 四 is written one character per <p>
    assertTrue(cellWithText(doc, "结\n果\n纠\n正").isPresent());
    assertTrue(cellWithText(doc, "商业\u00a0\n企业\u00a0").isPresent());
  }

  @Test
  void pingtanLegacyTablesRebuildLabelsSplitOverSpansAndParagraphs() throws DocumentReadException {
    SourceDocument y2016 = real("pingtan-2016.html");
    assertEquals(List.of("指标名称", "计量单位", "2016年度", "历年累计"), texts(y2016.tables().get(0).rows().get(0)));
    assertEquals(List.of("主动公开文件数", "条", "3460", "85376"), texts(y2016.tables().get(0).rows().get(1)));

    SourceDocument y2015 = real("pingtan-2015.html");
    assertEquals(List.of("主动公开文件数", "条", "2949", "81916"), texts(y2015.tables().get(0).rows().get(1)));
    assertEquals("2015年度", y2015.tables().get(0).rows().get(0).get(2).text());

    // 2011 writes 计量/单位 and 2011/年度 as two <p> in one cell
    SourceDocument y2011 = real("pingtan-2011-zone.html");
    assertEquals(List.of("指标名称", "计量\n单位", "2011\n年度", "历年累计"), texts(y2011.tables().get(0).rows().get(0)));
    assertEquals(List.of("主动公开信息数", "条", "425", "1516"), texts(y2011.tables().get(0).rows().get(1)));
  }

  @Test
  void pingtanPagesAreUtf8AndDecodeChinese() throws DocumentReadException {
    for (String name : List.of("pingtan-2011-zone.html", "pingtan-2015.html", "pingtan-2016.html")) {
      SourceDocument doc = real(name);
      assertEquals("UTF-8", doc.metadata().get("charset"), name);
      assertTrue(doc.metadata().get("title").startsWith("平潭综合实验区"), name);
      assertTrue(doc.blocks().stream().anyMatch(b -> b instanceof Paragraph p && p.text().contains("政府信息公开")), name);
    }
  }

  @Test
  void pageWithoutTablesGivesParagraphsOnly() throws DocumentReadException {
    SourceDocument doc = real("pingtan-2013-tax.html");
    assertTrue(doc.tables().isEmpty());
    assertTrue(doc.blocks().stream().anyMatch(b -> b instanceof Paragraph p && p.text().equals("二、主动公开政府信息情况")));
  }

  @Test
  void spansExpandIntoARectangularGridOfAnchoredCopies() throws DocumentReadException {
    SourceDocument doc = read(TestData.resource("/html/spans.html"));
    List<List<Cell>> g = doc.tables().get(0).rows();
    assertEquals(List.of("A", "B", "B", "C"), texts(g.get(0)));
    assertEquals(List.of("A", "D", "E", ""), texts(g.get(1)));
    assertEquals(List.of("A", "F", "E", ""), texts(g.get(2)));
    // rowspan=99 is cut at the table end; colspan=7 yields to E's rowspan and its overshoot is dropped
    assertEquals(List.of("G", "H", "E", "H"), texts(g.get(3)));
    Cell aCopy = g.get(2).get(0);
    assertTrue(aCopy.isCopy());
    assertEquals(0, aCopy.anchorRow());
    assertEquals(0, aCopy.anchorCol());
    assertEquals("table 1 r3c1", aCopy.ref().locator());
    Cell hCopy = g.get(3).get(3);
    assertEquals(3, hCopy.anchorRow());
    assertEquals(1, hCopy.anchorCol());
    Cell padding = g.get(1).get(3);
    assertFalse(padding.isCopy());
    assertTrue(padding.isBlank());

    List<List<Cell>> second = doc.tables().get(1).rows();
    assertEquals(List.of("only", "", ""), texts(second.get(0)));
    assertEquals(List.of("x", "y", "z"), texts(second.get(1)));
    assertEquals(List.of("bad spans", "", ""), texts(second.get(2)));
  }

  @Test
  void nestedTablesBecomeTheirOwnBlocksInDocumentOrder() throws DocumentReadException {
    SourceDocument doc = read(TestData.resource("/html/nested.html"));
    List<Block> b = doc.blocks();
    assertEquals(10, b.size());
    Heading h1 = assertInstanceOf(Heading.class, b.get(0));
    assertEquals("标题\n第二行", h1.text());
    assertEquals(1, h1.level());
    assertEquals("p 1", assertInstanceOf(Paragraph.class, b.get(1)).ref().locator());
    TableBlock outer = assertInstanceOf(TableBlock.class, b.get(2));
    assertEquals("table 1", outer.ref().locator());
    assertEquals(List.of("外层\n说明", "右"), texts(outer.rows().get(0)));
    TableBlock inner = assertInstanceOf(TableBlock.class, b.get(3));
    assertEquals("table 2", inner.ref().locator());
    assertEquals(List.of("内层一", "内层二"), texts(inner.rows().get(0)));
    assertEquals(List.of("正文一", "正文二", "正文三"),
        b.subList(4, 7).stream().map(x -> assertInstanceOf(Paragraph.class, x).text()).toList());
    assertEquals(3, assertInstanceOf(Heading.class, b.get(7)).level());
    assertEquals("表题", assertInstanceOf(Paragraph.class, b.get(8)).text());
    TableBlock headed = assertInstanceOf(TableBlock.class, b.get(9));
    assertEquals(List.of(List.of("头"), List.of("身")), headed.rows().stream().map(HtmlReaderTest::texts).toList());
  }

  @Test
  void wordPastedMarkupYieldsCleanText() throws DocumentReadException {
    SourceDocument doc = read(TestData.resource("/html/word-paste.html"));
    assertEquals("某区2020年政府信息公开工作年度报告", doc.metadata().get("title"));
    assertEquals("某区人民政府办公室", doc.metadata().get("publisher"));
    List<Paragraph> paragraphs = doc.blocks().stream()
        .filter(Paragraph.class::isInstance).map(Paragraph.class::cast).toList();
    // the &nbsp;-only Word paragraph carries no text and is not a block
    assertEquals(List.of("二、主动公开政府信息情况"), paragraphs.stream().map(Paragraph::text).toList());
    List<List<Cell>> g = doc.tables().get(0).rows();
    assertEquals(List.of("本年新制作数量", "1.本年新公开数量", "本年新\n制作数量"), texts(g.get(0)));
    assertEquals(List.of("\u00a0", "73802895.90元", "-15\n\u00a0"), texts(g.get(1)));
  }

  @Test
  void declaredGb2312IsDecodedAsGb18030() throws DocumentReadException {
    // 啰 (U+5570) is in GBK but not in GB2312: pages labelled gb2312 carry such characters
    String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        + "<title>年报</title></head><body><table><tr><td>啰嗦</td><td>规章</td></tr></table></body></html>";
    SourceDocument doc = read(html.getBytes(Charset.forName("GBK")));
    assertEquals("GB18030", doc.metadata().get("charset"));
    assertEquals(List.of("啰嗦", "规章"), texts(doc.tables().get(0).rows().get(0)));
  }

  @Test
  void undeclaredGbkIsDetected() throws DocumentReadException {
    String html = "<html><body><p>三、收到和处理政府信息公开申请情况</p></body></html>";
    SourceDocument doc = read(html.getBytes(Charset.forName("GBK")));
    assertEquals("三、收到和处理政府信息公开申请情况", ((Paragraph) doc.blocks().get(0)).text());
  }

  @Test
  void validUtf8OverridesAStaleGbDeclaration() throws DocumentReadException {
    String html = "<html><head><meta charset=\"gbk\"></head><body><p>主动公开</p></body></html>";
    SourceDocument doc = read(html.getBytes(StandardCharsets.UTF_8));
    assertEquals("UTF-8", doc.metadata().get("charset"));
    assertEquals("主动公开", ((Paragraph) doc.blocks().get(0)).text());
  }

  @Test
  void bomWinsOverTheDeclaration() throws DocumentReadException {
    byte[] body = "<html><head><meta charset=\"gb2312\"></head><body><p>依申请公开</p></body></html>"
        .getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    assertEquals("依申请公开", ((Paragraph) read(bytes).blocks().get(0)).text());
  }

  @Test
  void pageWithoutTextIsNotAReport() {
    for (String html : List.of("", "<html><head><title>x</title></head><body> &nbsp; <p>\u3000</p></body></html>",
        "<table><tr><td>&nbsp;</td></tr></table>")) {
      NotAReportException e = assertThrows(NotAReportException.class, () -> read(html.getBytes(StandardCharsets.UTF_8)));
      assertEquals("html", e.fileType());
      assertEquals("文档为空：没有文字", e.getMessage());
    }
  }

  @Test
  void sourceWhitespaceCollapsesLikeABrowser() {
    assertEquals("a b", TextRuns.collapse("  a \n\t b  "));
    assertEquals("本年新公开", TextRuns.collapse("本年新\n   公开"));
    assertEquals("本年 新", TextRuns.collapse("本年 新"));
    assertEquals("2021 年", TextRuns.collapse("2021\n年"));
    assertEquals("\u00a00\u00a0", TextRuns.collapse(" \u00a00\u00a0 "));
  }
}
