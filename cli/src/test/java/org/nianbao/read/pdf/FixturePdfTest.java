package org.nianbao.read.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.read.pdf.PdfTestSupport.anchor;
import static org.nianbao.read.pdf.PdfTestSupport.compact;
import static org.nianbao.read.pdf.PdfTestSupport.fixture;
import static org.nianbao.read.pdf.PdfTestSupport.readFixture;
import static org.nianbao.read.pdf.PdfTestSupport.rowsCovered;
import static org.nianbao.read.pdf.PdfTestSupport.valuesAfter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.read.DocumentReadException;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

/** The generated fixtures under {@code src/test/resources/pdf/} (see the README there). */
class FixturePdfTest {
  @Test
  void ruledTableWithMergedHeaderVerticalAndWrappedLabels() throws Exception {
    SourceDocument doc = readFixture("ruled.pdf");
    TableBlock table = doc.tables().get(0);
    assertEquals(7, table.rowCount());
    assertEquals(5, table.rows().get(0).size());
    Cell header = table.rows().get(0).get(3);
    assertEquals("申请人情况", header.text());
    assertEquals(2, header.anchorCol(), "a copy of the header merged over three columns");
    Cell corner = table.rows().get(1).get(1);
    assertEquals("（本列数据）", corner.text());
    assertEquals(0, corner.anchorRow());
    assertEquals(List.of("3001", "53", "3054"), valuesAfter(doc, "一、本年新收政府信息公开申请数量"));
    Cell vertical = anchor(doc, "三、办理结果").orElseThrow();
    assertEquals("三、办理结果", vertical.text());
    assertEquals(4, rowsCovered(doc, vertical));
    assertEquals("（二）部分公开\n（区分处理的）", table.rows().get(4).get(1).text());
    assertTrue(table.rows().stream().flatMap(List::stream).allMatch(c -> c.ref().page() == 1));
  }

  @Test
  void headingAndParagraphStayOutsideTheTableInReadingOrder() throws Exception {
    List<Block> blocks = readFixture("ruled.pdf").blocks();
    assertEquals("三、收到和处理政府信息公开申请情况", ((Heading) blocks.get(0)).text());
    assertInstanceOf(Paragraph.class, blocks.get(1));
    assertInstanceOf(TableBlock.class, blocks.get(2));
    assertEquals("四、结束语", ((Heading) blocks.get(3)).text());
    assertEquals(4, blocks.size(), "the page number -1- is dropped");
  }

  @ParameterizedTest
  @ValueSource(strings = {"split.pdf", "split-header.pdf"})
  void tableSplitOverPagesIsJoinedWithItsCutLabel(String name) throws Exception {
    SourceDocument doc = readFixture(name);
    assertEquals(1, doc.tables().size());
    TableBlock table = doc.tables().get(0);
    assertEquals(7, table.rowCount(), "a repeated header row is dropped");
    assertEquals("项目", table.rows().get(0).get(0).text());
    Cell unable = anchor(doc, "（四）无法提供").orElseThrow();
    assertEquals("（四）无\n法提供", unable.text());
    assertEquals(3, rowsCovered(doc, unable));
    Cell result = anchor(doc, "三、办理结果").orElseThrow();
    assertEquals(6, rowsCovered(doc, result), "the vertical label's blank continuation joins it");
    assertEquals(List.of("11"), valuesAfter(doc, "2.没有现成信息"));
    assertEquals(2, table.rows().get(4).get(2).ref().page());
    assertEquals(1, table.rows().get(3).get(2).ref().page());
    assertEquals(2, table.rows().get(4).get(1).ref().page(), "a copy carries its own row's page");
  }

  @Test
  void borderlessTableSplitsOnlyAtRealGaps() throws Exception {
    SourceDocument doc = readFixture("borderless.pdf");
    assertEquals(1, doc.tables().size());
    TableBlock table = doc.tables().get(0);
    assertEquals(List.of("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        table.rows().get(0).stream().map(Cell::text).toList());
    assertEquals(List.of("447228", "3", "90210"), valuesAfter(doc, "行政许可"));
    assertEquals(List.of("8", "26", "66"), valuesAfter(doc, "行政规范性文件"));
    assertTrue(doc.blocks().stream().anyMatch(b -> b instanceof Heading h
        && compact(h.text()).equals("三、收到和处理政府信息公开申请情况")));
  }

  /** A page without a text layer is read by OCR: this one holds a box and no text, so nothing comes of it. */
  @Test
  void scannedPdfIsReadByOcr() throws Exception {
    SourceDocument doc = readFixture("scanned.pdf");
    assertEquals(java.util.Set.of(1), doc.scannedPages());
    assertTrue(doc.blocks().stream().noneMatch(b -> b instanceof TableBlock t
        && t.rows().stream().flatMap(List::stream).anyMatch(c -> !c.isBlank())));
  }

  @Test
  void encryptedWithEmptyUserPasswordIsReadNormally() throws Exception {
    SourceDocument doc = readFixture("encrypted-open.pdf");
    assertEquals(List.of("3001", "53", "3054"), valuesAfter(doc, "一、本年新收政府信息公开申请数量"));
    assertEquals("测试年度报告", doc.metadata().get("title"));
  }

  @Test
  void encryptedWithPasswordIsARefusal() {
    DocumentReadException e = assertThrows(DocumentReadException.class, () -> readFixture("encrypted-password.pdf"));
    assertEquals("PDF 已加密：需要密码", e.getMessage());
    assertNotNull(e.getCause());
  }

  @Test
  void truncatedPdfIsCorrupt() {
    byte[] whole = fixture("ruled.pdf");
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    DocumentReadException e =
        assertThrows(DocumentReadException.class, () -> new PdfReader().read(half, "half.pdf", "pdf"));
    assertTrue(e.getMessage().startsWith("PDF 文件损坏："), e.getMessage());
  }

  @Test
  void garbageAfterTheHeaderIsCorruptWithCause() {
    byte[] junk = "%PDF-1.7\nthis is not a PDF body\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    DocumentReadException e =
        assertThrows(DocumentReadException.class, () -> new PdfReader().read(junk, "junk.pdf", "pdf"));
    assertTrue(e.getMessage().startsWith("PDF 文件损坏："), e.getMessage());
    assertNotNull(e.getCause());
  }
}
