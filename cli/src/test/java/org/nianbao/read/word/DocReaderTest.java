package org.nianbao.read.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hwpf.HWPFDocument;
import org.junit.jupiter.api.Test;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.NotAReportException;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

class DocReaderTest {
  private final DocReader reader = new DocReader();

  private static byte[] fixture() throws IOException {
    try (InputStream in = DocReaderTest.class.getResourceAsStream("/word/section3.doc")) {
      assertNotNull(in, "src/test/resources/word/section3.doc");
      return in.readAllBytes();
    }
  }

  private SourceDocument readFixture() throws IOException, DocumentReadException {
    return reader.read(fixture(), "section3.doc", "doc");
  }

  @Test
  void section3MatrixIsExpandedFromCellEdgesAndVerticalMerges() throws Exception {
    SourceDocument doc = readFixture();

    TableBlock table = doc.tables().get(0);
    assertTrue(table.exactGrid());
    DocxReaderTest.assertSection3Grid(table);
  }

  @Test
  void sameTablesAsTheDocxItWasConvertedFrom() throws Exception {
    SourceDocument doc = readFixture();
    SourceDocument docx = new DocxReader().read(WordFixtures.bytes(WordFixtures.docSource()), "s.docx", "docx");

    assertEquals(docx.tables().stream().map(DocReaderTest::grid).toList(),
        doc.tables().stream().map(DocReaderTest::grid).toList());
  }

  @Test
  void paragraphsHeadingsFieldsAndTitle() throws Exception {
    SourceDocument doc = readFixture();

    List<Block> blocks = doc.blocks();
    Heading heading = assertInstanceOf(Heading.class, blocks.get(0));
    assertEquals("三、收到和处理政府信息公开申请情况", heading.text());
    assertEquals(1, heading.level());
    assertEquals("p 1", heading.ref().locator());
    assertEquals(0, heading.ref().page());
    assertEquals("本年度收到申请如下表。", ((Paragraph) blocks.get(1)).text());
    assertEquals("table 1", blocks.get(2).ref().locator());
    // the hyperlink is a HYPERLINK field in DOC: only its result text is kept
    assertTrue(
        blocks.stream().anyMatch(b -> b instanceof Paragraph p && p.text().equals("详见政府网站。")), blocks::toString);
    assertEquals("完", ((Paragraph) blocks.get(blocks.size() - 1)).text());
    assertEquals("测试区2021年政府信息公开工作年度报告", doc.metadata().get("title"));
  }

  @Test
  void nestedTableIsItsOwnBlockAfterTheOuterOne() throws Exception {
    List<TableBlock> tables = readFixture().tables();

    assertEquals(3, tables.size());
    assertEquals(List.of("外", "右\n表后"), texts(tables.get(1), 0));
    assertEquals(List.of("内1", "内2"), texts(tables.get(2), 0));
    assertEquals("table 3 r1c2", tables.get(2).rows().get(0).get(1).ref().locator());
  }

  @Test
  void controlCharactersAreStripped() {
    assertEquals("共3件", DocReader.clean("共\u0013 = 1 + 2 \u00143\u0015件\r"));
    assertEquals("外层", DocReader.clean("外\u0013 IF \u0013 PAGE \u00141\u0015 = 1 \u0014层\u0015\u0007"));
    assertEquals("甲\n乙-丙", DocReader.clean("甲\u000b乙\u001e丙\u0001\u0008"));
    assertEquals("a\nb", DocReader.clean("a\rb\r"));
  }

  @Test
  void garbageIsCorrupt() {
    byte[] garbage = "definitely not a Word document".getBytes(StandardCharsets.US_ASCII);

    DocumentReadException e =
        assertThrows(DocumentReadException.class, () -> reader.read(garbage, "junk.doc", "doc"));

    assertTrue(e.getMessage().startsWith("DOC 文件损坏："), e.getMessage());
    assertNotNull(e.getCause());
  }

  @Test
  void truncatedDocIsCorrupt() throws IOException {
    byte[] whole = fixture();
    byte[] truncated = Arrays.copyOf(whole, whole.length / 3);

    DocumentReadException e =
        assertThrows(DocumentReadException.class, () -> reader.read(truncated, "cut.doc", "doc"));

    assertFalse(e instanceof NotAReportException);
    assertTrue(e.getMessage().startsWith("DOC 文件损坏："), e.getMessage());
  }

  @Test
  void encryptedDocNeedsAPassword() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(fixture()))) {
      Biff8EncryptionKey.setCurrentUserPassword("secret");
      try {
        doc.write(out);
      } finally {
        Biff8EncryptionKey.setCurrentUserPassword(null);
      }
    }

    DocumentReadException e =
        assertThrows(DocumentReadException.class, () -> reader.read(out.toByteArray(), "locked.doc", "doc"));

    assertEquals("文档已加密：需要密码", e.getMessage());
    assertInstanceOf(EncryptedDocumentException.class, e.getCause());
  }

  @Test
  void docxHandedToTheDocReaderIsCorrupt() {
    byte[] docx = WordFixtures.bytes(WordFixtures.section3Document());

    DocumentReadException e = assertThrows(DocumentReadException.class, () -> reader.read(docx, "x.doc", "doc"));

    assertTrue(e.getMessage().startsWith("DOC 文件损坏："), e.getMessage());
  }

  /** Text and anchor of every grid position, comparable across formats. */
  private static List<List<String>> grid(TableBlock table) {
    return table.rows().stream()
        .map(row -> row.stream().map(c -> c.text() + "@" + c.anchorRow() + "," + c.anchorCol()).toList())
        .toList();
  }

  private static List<String> texts(TableBlock table, int row) {
    return table.rows().get(row).stream().map(Cell::text).toList();
  }
}
