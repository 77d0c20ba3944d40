package org.nianbao.read.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.nianbao.read.DocumentReadException;
import org.nianbao.pipeline.batch.Fixtures;
import org.nianbao.read.NotAReportException;
import org.nianbao.read.word.WordFixtures.Tc;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

class DocxReaderTest {
  private final DocxReader reader = new DocxReader();

  private SourceDocument read(XWPFDocument doc) throws DocumentReadException {
    return reader.read(WordFixtures.bytes(doc), "fixture.docx", "docx");
  }

  @Test
  void section3MatrixIsExpandedToTheFullGrid() throws DocumentReadException {
    SourceDocument doc = read(WordFixtures.section3Document());

    assertEquals(1, doc.tables().size());
    TableBlock table = doc.tables().get(0);
    assertTrue(table.exactGrid());
    assertSection3Grid(table);
  }

  /** Shared with the DOC test: the same layout must come out of both formats. */
  static void assertSection3Grid(TableBlock table) {
    List<List<Cell>> g = table.rows();
    assertEquals(28, g.size());
    g.forEach(row -> assertEquals(10, row.size()));
    assertCopiesCarryTheirAnchor(table);

    // the formula cell: 3 label columns x 3 header rows
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        assertAnchor(g, r, c, 0, 0, WordFixtures.T3_HEADER);
      }
    }
    for (int c = 3; c < 10; c++) {
      assertAnchor(g, 0, c, 0, 3, "申请人情况");
    }
    assertAnchor(g, 1, 3, 1, 3, "自然人");
    assertAnchor(g, 2, 3, 1, 3, "自然人");
    for (int c = 4; c < 9; c++) {
      assertAnchor(g, 1, c, 1, 4, "法人或其他组织");
      assertAnchor(g, 2, c, 2, c, WordFixtures.APPLICANTS[c - 4]);
    }
    assertAnchor(g, 1, 9, 1, 9, "总计");
    assertAnchor(g, 2, 9, 1, 9, "总计");

    // rows 一 and 二 span all three label columns
    for (int c = 0; c < 3; c++) {
      assertAnchor(g, 3, c, 3, 0, "一、本年新收政府信息公开申请数量");
      assertAnchor(g, 27, c, 27, 0, "四、结转下年度继续办理");
    }
    // 三、本年度办理结果 covers data rows 3..24 (grid rows 5..26)
    for (int r = 5; r <= 26; r++) {
      assertAnchor(g, r, 0, 5, 0, "三、本年度办理结果");
    }
    assertEquals("二、上年结转政府信息公开申请数量", g.get(4).get(0).text());
    assertAnchor(g, 5, 2, 5, 1, "（一）予以公开");
    for (int r = 7; r <= 14; r++) {
      assertAnchor(g, r, 1, 7, 1, "（三）不予公开");
    }
    assertAnchor(g, 7, 2, 7, 2, "1.属于国家秘密");
    assertAnchor(g, 14, 2, 14, 2, "8.属于行政查询事项");
    for (int r = 15; r <= 17; r++) {
      assertAnchor(g, r, 1, 15, 1, "（四）无法提供");
    }
    for (int r = 23; r <= 25; r++) {
      assertAnchor(g, r, 1, 23, 1, "（六）其他处理");
    }
    assertAnchor(g, 25, 2, 25, 2, "3.其他");
    assertAnchor(g, 26, 2, 26, 1, "（七）总计");

    // numbers land under their columns: data row d at grid row d+2 holds d*100+j in column 3+j
    for (int d = 1; d <= 25; d++) {
      for (int j = 0; j < 7; j++) {
        assertAnchor(g, d + 2, 3 + j, d + 2, 3 + j, Integer.toString(d * 100 + j));
      }
    }
    assertEquals("table 1 r8c4", g.get(7).get(3).ref().locator());
    assertEquals(0, g.get(7).get(3).ref().page());
  }

  private static void assertAnchor(List<List<Cell>> g, int r, int c, int anchorRow, int anchorCol, String text) {
    Cell cell = g.get(r).get(c);
    String at = "r" + r + "c" + c;
    assertEquals(text, cell.text(), at);
    assertEquals(anchorRow, cell.anchorRow(), at + " anchor row");
    assertEquals(anchorCol, cell.anchorCol(), at + " anchor col");
    assertEquals(r, cell.row(), at);
    assertEquals(c, cell.col(), at);
  }

  static void assertCopiesCarryTheirAnchor(TableBlock table) {
    for (List<Cell> row : table.rows()) {
      for (Cell cell : row) {
        Cell anchor = table.rows().get(cell.anchorRow()).get(cell.anchorCol());
        assertFalse(anchor.isCopy(), "anchor of " + cell.ref().locator() + " is itself a copy");
        assertEquals(anchor.text(), cell.text(), cell.ref().locator());
      }
    }
  }

  @Test
  void blocksComeInDocumentOrderWithHeadingsAndLocators() throws DocumentReadException {
    SourceDocument doc = read(WordFixtures.section3Document());

    List<Block> blocks = doc.blocks();
    assertEquals(4, blocks.size());
    Heading heading = assertInstanceOf(Heading.class, blocks.get(0));
    assertEquals("三、收到和处理政府信息公开申请情况", heading.text());
    assertEquals(1, heading.level());
    assertEquals("p 1", heading.ref().locator());
    assertInstanceOf(Paragraph.class, blocks.get(1));
    assertEquals("table 1", blocks.get(2).ref().locator());
    assertEquals("p 3", assertInstanceOf(Paragraph.class, blocks.get(3)).ref().locator());
    assertEquals("fixture.docx", blocks.get(3).ref().source());
    assertEquals("docx", doc.fileType());
  }

  @Test
  void titleOutlineLevelsAndCorePropertyTitle() throws DocumentReadException {
    XWPFDocument docx = new XWPFDocument();
    docx.getProperties().getCoreProperties().setTitle(" 某某区2023年政府信息公开工作年度报告 ");
    WordFixtures.style(docx, "a5", "Title");
    WordFixtures.style(docx, "2", "heading 2");
    WordFixtures.styled(docx, "a5", "年度报告");
    WordFixtures.styled(docx, "2", "（一）主动公开");
    XWPFParagraph outlined = docx.createParagraph();
    outlined.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(2));
    outlined.createRun().setText("按大纲级别");
    docx.createParagraph().createRun().setText("正文");

    SourceDocument doc = read(docx);

    assertEquals("某某区2023年政府信息公开工作年度报告", doc.metadata().get("title"));
    assertEquals(1, ((Heading) doc.blocks().get(0)).level());
    assertEquals(2, ((Heading) doc.blocks().get(1)).level());
    assertEquals(3, ((Heading) doc.blocks().get(2)).level());
    assertInstanceOf(Paragraph.class, doc.blocks().get(3));
  }

  @Test
  void fieldCodesAndDeletedRevisionsAreNotText() throws DocumentReadException {
    XWPFDocument docx = new XWPFDocument();
    CTP p = docx.createParagraph().getCTP();
    p.addNewR().addNewT().setStringValue("共");
    p.addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
    p.addNewR().addNewInstrText().setStringValue(" = 1 + 2 ");
    p.addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
    p.addNewR().addNewT().setStringValue("3");
    p.addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
    CTR deleted = p.addNewDel().addNewR();
    deleted.addNewDelText().setStringValue("删去");
    CTR tabbed = p.addNewIns().addNewR();
    tabbed.addNewTab();
    tabbed.addNewT().setStringValue("件");

    SourceDocument doc = read(docx);

    assertEquals("共3\t件", ((Paragraph) doc.blocks().get(0)).text());
  }

  @Test
  void gridBeforeGridAfterAndShortRowsArePaddedToARectangle() throws DocumentReadException {
    XWPFDocument docx = new XWPFDocument();
    CTTbl tbl = WordFixtures.table(docx, 4, List.of(
        List.of(Tc.of("a"), Tc.of("b"), Tc.of("c"), Tc.of("d")),
        List.of(Tc.of("x"), Tc.of("y")),
        List.of(Tc.of("m"))));
    CTRow shifted = tbl.getTrArray(2);
    shifted.addNewTrPr().addNewGridBefore().setVal(BigInteger.valueOf(2));
    shifted.getTrPr().addNewGridAfter().setVal(BigInteger.valueOf(2));

    TableBlock table = read(docx).tables().get(0);

    // gridBefore 2 + one cell + gridAfter 2 makes the table one column wider than tblGrid says
    assertEquals(List.of("a", "b", "c", "d", ""), texts(table, 0));
    assertEquals(List.of("x", "y", "", "", ""), texts(table, 1));
    assertEquals(List.of("", "", "m", "", ""), texts(table, 2));
    assertFalse(table.rows().get(1).get(3).isCopy());
  }

  @Test
  void legacyHorizontalMergeIsExpanded() throws DocumentReadException {
    XWPFDocument docx = new XWPFDocument();
    CTTbl tbl = WordFixtures.table(docx, 3, List.of(
        List.of(Tc.of("合并"), Tc.of(""), Tc.of("z")),
        List.of(Tc.of("1"), Tc.of("2"), Tc.of("3"))));
    CTRow first = tbl.getTrArray(0);
    first.getTcArray(0).getTcPr().addNewHMerge().setVal(STMerge.RESTART);
    first.getTcArray(1).getTcPr().addNewHMerge();

    TableBlock table = read(docx).tables().get(0);

    Cell copy = table.rows().get(0).get(1);
    assertEquals("合并", copy.text());
    assertTrue(copy.isCopy());
    assertEquals(0, copy.anchorCol());
  }

  @Test
  void nestedTableIsItsOwnBlockAfterTheOuterOne() throws DocumentReadException {
    XWPFDocument docx = new XWPFDocument();
    CTTbl outer = WordFixtures.table(docx, 2, List.of(List.of(Tc.of("外\n层"), Tc.of("右"))));
    CTTc host = outer.getTrArray(0).getTcArray(1);
    WordFixtures.fill(host.addNewTbl(), 2, List.of(List.of(Tc.of("内1"), Tc.of("内2"))));
    host.addNewP().addNewR().addNewT().setStringValue("表后");
    WordFixtures.table(docx, 1, List.of(List.of(Tc.of("末表"))));

    List<TableBlock> tables = read(docx).tables();

    assertEquals(3, tables.size());
    assertEquals(List.of("外\n层", "右\n表后"), texts(tables.get(0), 0));
    assertEquals(List.of("内1", "内2"), texts(tables.get(1), 0));
    assertEquals("table 2 r1c2", tables.get(1).rows().get(0).get(1).ref().locator());
    assertEquals(List.of("末表"), texts(tables.get(2), 0));
    assertEquals("table 3", tables.get(2).ref().locator());
  }

  @Test
  void headerTablesAreIgnored() throws DocumentReadException {
    XWPFDocument docx = new XWPFDocument();
    docx.createHeader(HeaderFooterType.DEFAULT).createTable(1, 1).getRow(0).getCell(0)
        .setText("页眉表");
    docx.createParagraph().createRun().setText("正文");

    SourceDocument doc = read(docx);

    assertTrue(doc.tables().isEmpty());
    assertEquals(1, doc.blocks().size());
  }

  @Test
  void documentWithoutTextIsNotAReport() {
    XWPFDocument docx = new XWPFDocument();
    docx.createParagraph();
    docx.createParagraph().createRun().setText("\u00a0\u3000");
    WordFixtures.table(docx, 2, List.of(List.of(Tc.of(" "), Tc.of("\u00a0"))));

    NotAReportException e = assertThrows(NotAReportException.class, () -> read(docx));

    assertEquals("文档为空：没有文字", e.getMessage());
    assertEquals("docx", e.fileType());
  }

  @Test
  void truncatedDocxIsCorrupt() {
    byte[] whole = WordFixtures.bytes(WordFixtures.section3Document());
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    DocumentReadException e =
        assertThrows(DocumentReadException.class, () -> reader.read(truncated, "cut.docx", "docx"));

    assertTrue(e.getMessage().startsWith("DOCX 文件损坏："), e.getMessage());
    assertFalse(e instanceof NotAReportException);
    assertTrue(e.getCause() != null);
  }

  @Test
  void garbageIsCorrupt() {
    byte[] garbage = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);

    DocumentReadException e =
        assertThrows(DocumentReadException.class, () -> reader.read(garbage, "junk.docx", "docx"));

    assertTrue(e.getMessage().startsWith("DOCX 文件损坏："), e.getMessage());
  }

  @Test
  void encryptedDocxNeedsAPassword() throws Exception {
    byte[] plain = WordFixtures.bytes(WordFixtures.section3Document());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("secret");
      try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(plain));
          OutputStream data = encryptor.getDataStream(fs)) {
        opc.save(data);
      }
      fs.writeFilesystem(out);
    }

    DocumentReadException e =
        assertThrows(DocumentReadException.class, () -> reader.read(out.toByteArray(), "locked.docx", "docx"));

    assertEquals("文档已加密：需要密码", e.getMessage());
  }

  @Test
  void emptyInputIsCorrupt() {
    DocumentReadException e =
        assertThrows(DocumentReadException.class, () -> reader.read(new byte[0], "empty.docx", "docx"));

    assertTrue(e.getMessage().startsWith("DOCX 文件损坏："), e.getMessage());
  }

  private static final String CONTENT_TYPES = "<?xml version=\"1.0\"?><Types"
      + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
      + "wordprocessingml.document.main+xml\"/></Types>";
  private static final String DOC_OPEN = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
      + "wordprocessingml/2006/main\" xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\""
      + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>";
  private static final String DOC_CLOSE = "</w:body></w:document>";
  private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

  private static String rels(String... typeThenTarget) {
    StringBuilder out = new StringBuilder(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (int i = 0; i < typeThenTarget.length; i += 2) {
      out.append("<Relationship Id=\"rId").append(i / 2 + 1).append("\" Type=\"").append(typeThenTarget[i])
          .append("\" Target=\"").append(typeThenTarget[i + 1]).append("\"/>");
    }
    return out.append("</Relationships>").toString();
  }

  /** A package of only the main part, at {@code word/document.xml}, holding {@code body}. */
  private static byte[] minimal(String body) throws IOException {
    return Fixtures.zip(Fixtures.entries(
        "[Content_Types].xml", Fixtures.utf8(CONTENT_TYPES),
        "_rels/.rels", Fixtures.utf8(rels(REL + "officeDocument", "word/document.xml")),
        "word/document.xml", Fixtures.utf8(DOC_OPEN + body + DOC_CLOSE)));
  }

  private static String para(String text) {
    return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  }

  @Test
  void mainPartIsFoundThroughThePackageRelationshipsWhereverItLives() throws Exception {
    String styles = "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:style w:styleId=\"H\"><w:name w:val=\"heading 2\"/></w:style>"
        + "<w:style w:styleId=\"Sub\"><w:name w:val=\"Sub\"/><w:basedOn w:val=\"H\"/></w:style></w:styles>";
    String core = "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
        + "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title> 某县年报 </dc:title>"
        + "</cp:coreProperties>";
    byte[] bytes = Fixtures.zip(Fixtures.entries(
        "[Content_Types].xml", Fixtures.utf8(CONTENT_TYPES),
        "_rels/.rels", Fixtures.utf8(rels(
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "meta/props.xml",
            REL + "officeDocument", "/Content/Main.XML")),
        // not named by any relationship: must not be read
        "word/document.xml", Fixtures.utf8(DOC_OPEN + para("诱饵") + DOC_CLOSE),
        "content/main.xml", Fixtures.utf8(DOC_OPEN
            + "<w:p><w:pPr><w:pStyle w:val=\"Sub\"/></w:pPr><w:r><w:t>（一）主动公开</w:t></w:r></w:p>"
            + para("正文") + DOC_CLOSE),
        "content/_rels/main.xml.rels", Fixtures.utf8(rels(REL + "styles", "../styling/s.xml")),
        "styling/s.xml", Fixtures.utf8(styles),
        "meta/props.xml", Fixtures.utf8(core)));

    SourceDocument doc = reader.read(bytes, "moved.docx", "docx");

    assertEquals(2, doc.blocks().size());
    Heading heading = assertInstanceOf(Heading.class, doc.blocks().get(0));
    assertEquals("（一）主动公开", heading.text());
    assertEquals(2, heading.level());
    assertEquals("正文", ((Paragraph) doc.blocks().get(1)).text());
    assertEquals("某县年报", doc.metadata().get("title"));
  }

  @Test
  void packageWithoutStylesAndCorePropertiesStillReads() throws Exception {
    byte[] bytes = minimal("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>一、概述</w:t></w:r></w:p>"
        + para("本年度"));

    SourceDocument doc = reader.read(bytes, "bare.docx", "docx");

    // without styles.xml the style id stands for the name
    assertEquals(1, assertInstanceOf(Heading.class, doc.blocks().get(0)).level());
    assertEquals("本年度", ((Paragraph) doc.blocks().get(1)).text());
    assertTrue(doc.metadata().isEmpty());
  }

  @Test
  void contentControlsMathAlternateContentAndSpecialRunsKeepTheirText() throws Exception {
    byte[] bytes = minimal("<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>"
        + "<w:p><w:r><w:t xml:space=\"preserve\"> 共 </w:t><w:tab/><w:ptab/><w:noBreakHyphen/><w:cr/>"
        + "<w:br/></w:r><m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>"
        + "<mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>新</w:t></w:r></mc:Choice>"
        + "<mc:Fallback><w:r><w:t>旧</w:t></w:r></mc:Fallback></mc:AlternateContent>"
        + "<w:r><w:rPr><w:t>属性</w:t></w:rPr><w:drawing><w:t>图</w:t></w:drawing><w:t>完</w:t></w:r></w:p>"
        + "</w:sdtContent></w:sdt>"
        + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:sdt><w:sdtContent><w:tr>"
        + "<w:customXml><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + para("跨两列") + "</w:tc></w:customXml>"
        + "</w:tr></w:sdtContent></w:sdt><w:tr><w:tc>" + para("1") + "</w:tc><w:tc>" + para("2")
        + "</w:tc></w:tr></w:tbl>");

    SourceDocument doc = reader.read(bytes, "wrapped.docx", "docx");

    assertEquals(" 共 \t\t-\n\nx+1新完", ((Paragraph) doc.blocks().get(0)).text());
    TableBlock table = doc.tables().get(0);
    assertEquals(List.of("跨两列", "跨两列"), texts(table, 0));
    assertTrue(table.rows().get(0).get(1).isCopy());
    assertEquals(List.of("1", "2"), texts(table, 1));
  }

  @Test
  void doctypeAndEntitiesAreRefusedNotExpanded() throws Exception {
    for (String doctype : List.of(
        "<!DOCTYPE w:document [<!ENTITY x \"EXPANDED\">]>",
        "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>")) {
      byte[] bytes = Fixtures.zip(Fixtures.entries(
          "[Content_Types].xml", Fixtures.utf8(CONTENT_TYPES),
          "_rels/.rels", Fixtures.utf8(rels(REL + "officeDocument", "word/document.xml")),
          "word/document.xml", Fixtures.utf8("<?xml version=\"1.0\"?>" + doctype + DOC_OPEN + para("&x;")
              + DOC_CLOSE)));

      DocumentReadException e =
          assertThrows(DocumentReadException.class, () -> reader.read(bytes, "xxe.docx", "docx"));

      assertTrue(e.getMessage().startsWith("DOCX 文件损坏：部件 word/document.xml 不是合格的 XML"), e.getMessage());
      assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
      assertFalse(e.getMessage().contains("EXPANDED"), e.getMessage());
    }
  }

  @Test
  void inflationBombIsCorruptWithoutFillingMemory() throws Exception {
    // 64 MB of spaces in the main part, or of zeros in an image nobody reads: about 64 KB each on disk
    for (String entry : List.of("word/document.xml", "word/media/image1.png")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry("_rels/.rels"));
        zip.write(Fixtures.utf8(rels(REL + "officeDocument", "word/document.xml")));
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(Fixtures.utf8(DOC_OPEN + "<w:p><w:r><w:t>"));
        byte[] filler = new byte[1 << 20];
        Arrays.fill(filler, entry.endsWith(".xml") ? (byte) ' ' : 0);
        for (int i = 0; i < 64; i++) {
          zip.write(filler);
        }
        zip.write(Fixtures.utf8("</w:t></w:r></w:p>" + DOC_CLOSE));
        zip.closeEntry();
      }
      assertTrue(bytes.size() < 1 << 20, "fixture is small on disk: " + bytes.size());

      DocumentReadException e = assertThrows(DocumentReadException.class,
          () -> reader.read(bytes.toByteArray(), "bomb.docx", "docx"));

      assertTrue(e.getMessage().startsWith("DOCX 文件损坏：疑似 ZIP 炸弹：条目 " + entry), e.getMessage());
    }
  }

  @Test
  void packageWithoutMainPartIsCorrupt() throws Exception {
    byte[] noRelationship = Fixtures.zip(Fixtures.entries(
        "_rels/.rels", Fixtures.utf8(rels(REL + "styles", "word/styles.xml")),
        "word/document.xml", Fixtures.utf8(DOC_OPEN + para("孤立") + DOC_CLOSE)));
    byte[] missingTarget = Fixtures.zip(Fixtures.entries(
        "_rels/.rels", Fixtures.utf8(rels(REL + "officeDocument", "word/document.xml"))));
    byte[] notWord = Fixtures.zip(Fixtures.entries(
        "_rels/.rels", Fixtures.utf8(rels(REL + "officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml", Fixtures.utf8("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
            + "2006/main\"/>")));

    Map<byte[], String> why = new java.util.LinkedHashMap<>();
    why.put(noRelationship, "DOCX 文件损坏：包中没有主文档：找不到指向它的关系");
    why.put(missingTarget, "DOCX 文件损坏：包中没有部件 word/document.xml");
    why.put(notWord, "DOCX 文件损坏：部件 xl/workbook.xml 的根元素应为 w:document，实为 workbook");
    for (Map.Entry<byte[], String> c : why.entrySet()) {
      DocumentReadException e =
          assertThrows(DocumentReadException.class, () -> reader.read(c.getKey(), "hollow.docx", "docx"));

      // the reason is the archivist's language, as the rest of the message
      assertEquals(c.getValue(), e.getMessage());
      assertFalse(e instanceof NotAReportException);
    }
  }

  private static List<String> texts(TableBlock table, int row) {
    return table.rows().get(row).stream().map(Cell::text).toList();
  }
}
