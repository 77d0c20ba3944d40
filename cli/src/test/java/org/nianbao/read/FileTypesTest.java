package org.nianbao.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.TestData;
import org.nianbao.pipeline.batch.Fixtures;

/**
 * Every case the hand-written sniffer decided, with the answer it gave; Tika's detector must give the same.
 */
class FileTypesTest {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ole(String streamName) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), streamName);
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  private static byte[] document(String name) throws IOException {
    return Files.readAllBytes(TestData.corpus().resolve("documents").resolve(name));
  }

  private static byte[] image(String format) throws IOException {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  @Test
  void emptyFile() {
    assertEquals(FileTypes.EMPTY, FileTypes.detect(new byte[0]));
  }

  @Test
  void pdfAtTheStartOrAfterJunkOrTruncated() {
    assertEquals(FileTypes.PDF, FileTypes.detect(utf8("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")));
    assertEquals(FileTypes.PDF, FileTypes.detect(utf8("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n")));
    assertEquals(FileTypes.PDF, FileTypes.detect(utf8("%PDF-1.7 TRUNCATED")));
  }

  @Test
  void zipBasedDocumentsAndPlainZips() throws IOException {
    assertEquals(FileTypes.DOCX, FileTypes.detect(document("docx-2021-quirks.docx")));
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("s").createRow(0).createCell(0).setCellValue("x");
      wb.write(out);
      assertEquals(FileTypes.XLSX, FileTypes.detect(out.toByteArray()));
    }
    assertEquals(FileTypes.ZIP, FileTypes.detect(Fixtures.zip(Fixtures.entries("a.html", utf8("<html>x</html>")))));
    assertEquals(FileTypes.ZIP, FileTypes.detect(Fixtures.zip(Map.of())));
    assertEquals(FileTypes.ZIP, FileTypes.detect(Fixtures.zip(Charset.forName("GBK"),
        Fixtures.entries("年报.txt", utf8("x")))));
  }

  @Test
  void oleDocumentsByTheirStreams() throws IOException {
    assertEquals(FileTypes.DOC, FileTypes.detect(document("doc-2021-converted.doc")));
    assertEquals(FileTypes.DOC, FileTypes.detect(ole("WordDocument")));
    try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("s");
      wb.write(out);
      assertEquals(FileTypes.XLS, FileTypes.detect(out.toByteArray()));
    }
    assertEquals(FileTypes.XLS, FileTypes.detect(ole("Book")));
    assertEquals("ole", FileTypes.detect(ole("SomethingElse")));
  }

  @Test
  void imagesExecutablesRtfAndArchivesByMagic() throws IOException {
    byte[] pad = new byte[64];
    // scans come as PNG, JPEG or TIFF and have a reader (OCR); other pictures are just images
    assertEquals(FileTypes.PNG, FileTypes.detect(image("png")));
    assertEquals(FileTypes.JPG, FileTypes.detect(image("jpeg")));
    assertEquals(FileTypes.TIFF, FileTypes.detect(image("tiff")));
    for (String format : java.util.List.of("gif", "bmp")) {
      assertEquals("image", FileTypes.detect(image(format)), format);
    }
    // the sniffer took any file starting with "BM" for a bitmap; Tika wants a bitmap's header
    assertEquals(FileTypes.TXT, FileTypes.detect(utf8("BMW 年度报告")));
    assertEquals("exe", FileTypes.detect(bytes('M', 'Z', 0, 0, 1, 2)));
    assertEquals("exe", FileTypes.detect(concat(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1), pad)));
    assertEquals("rtf", FileTypes.detect(utf8("{\\rtf1\\ansi hello}")));
    assertEquals("archive", FileTypes.detect(concat(bytes(0x1F, 0x8B, 0x08, 0x00), pad)));
    assertEquals("archive", FileTypes.detect(concat(utf8("Rar!\u001a\u0007\u0000"), pad)));
    assertEquals("archive", FileTypes.detect(concat(bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C), pad)));
  }

  @Test
  void binaryByNulOrControlBytes() {
    assertEquals("binary", FileTypes.detect(bytes('a', 'b', 0, 'c')));
    byte[] controls = new byte[200];
    java.util.Arrays.fill(controls, (byte) 0x02);
    assertEquals("binary", FileTypes.detect(controls));
  }

  @Test
  void htmlOnlyWhenMarkupComesFirst() {
    assertEquals(FileTypes.HTML, FileTypes.detect(utf8("<!DOCTYPE html><html><body>x</body></html>")));
    assertEquals(FileTypes.HTML, FileTypes.detect(utf8("\uFEFF\n  <html><body>报告</body></html>")));
    assertEquals(FileTypes.HTML, FileTypes.detect(utf8("<table><tr><td>1</td></tr></table>")));
    assertEquals(FileTypes.HTML, FileTypes.detect(utf8("<p>一、总体情况</p>")));
    assertEquals(FileTypes.HTML, FileTypes.detect(utf8("<meta charset=\"gbk\"><div>x</div>")));
    assertEquals(FileTypes.HTML, FileTypes.detect("<html><body>拦隆口镇</body></html>".getBytes(Charset.forName("GBK"))));
    assertEquals(FileTypes.TXT, FileTypes.detect(utf8("年度报告\n<html> is how a page starts")));
    assertEquals(FileTypes.TXT, FileTypes.detect(utf8("<unknown>tag</unknown>")));
  }

  @Test
  void textInAnyCharset() {
    assertEquals(FileTypes.TXT, FileTypes.detect(utf8("2021年政府信息公开工作年度报告\n\t1\n")));
    assertEquals(FileTypes.TXT, FileTypes.detect("2021年政府信息公开工作年度报告\r\n".getBytes(Charset.forName("GBK"))));
    assertEquals(FileTypes.TXT, FileTypes.detect(concat(bytes(0xFF, 0xFE), "年度报告".getBytes(StandardCharsets.UTF_16LE))));
    assertEquals(FileTypes.TXT, FileTypes.detect(utf8("plain ascii")));
    // pasted text that starts with blank lines or an indent takes the shortcut and gets Tika's answer
    byte[] indented = utf8("\n\n      梅岭县2021年政府信息公开工作年度报告\n一、总体情况");
    assertEquals(true, FileTypes.plainText(indented));
    assertEquals(FileTypes.tikaDetect(indented), FileTypes.detect(indented));
  }

  static Stream<Path> corpusDocuments() throws IOException {
    return Files.list(TestData.corpus().resolve("documents")).sorted();
  }

  /** The golden corpus by its extensions, which the generator chose to match the content. */
  @ParameterizedTest
  @MethodSource("corpusDocuments")
  void everyCorpusDocument(Path file) throws IOException {
    String name = file.getFileName().toString();
    assertEquals(name.substring(name.lastIndexOf('.') + 1), FileTypes.detect(Files.readAllBytes(file)), name);
  }

  /** Every file under corpus/, whatever it is: the shortcut answers exactly what Tika's detectors answer. */
  static Stream<Path> everyCorpusFile() throws IOException {
    return Files.walk(TestData.corpus()).filter(Files::isRegularFile).sorted();
  }

  @ParameterizedTest
  @MethodSource("everyCorpusFile")
  void shortcutAnswersAsTika(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    assertEquals(FileTypes.tikaDetect(b), FileTypes.detect(b), file.toString());
  }

  /** Text that starts like a report but carries a signature Tika looks for further in: no shortcut taken. */
  @Test
  void signaturesPastTheStartAreLeftToTika() {
    byte[] gbk = "二〇二一年政府信息公开工作年度报告 一、总体情况".getBytes(Charset.forName("GBK"));
    byte[] padding = new byte[2080 - gbk.length];
    java.util.Arrays.fill(padding, (byte) ' ');
    byte[] word6 = concat(concat(gbk, padding), utf8("Microsoft Word 6.0 Document and more text"));
    byte[] pdfAfterHeader = concat(utf8("<html><body>x</body></html>\n"), utf8("%PDF-1.4 rest"));
    byte[] inlineSvg = utf8("<html><body><svg xmlns=\"http://www.w3.org/2000/svg\"></svg></body></html>");
    byte[] controls = concat(gbk, bytes(0x01, 0x02, 0x03));
    for (byte[] b : new byte[][] {word6, pdfAfterHeader, controls}) {
      assertEquals(false, FileTypes.plainText(b));
      assertEquals(FileTypes.tikaDetect(b), FileTypes.detect(b));
    }
    assertEquals(true, FileTypes.plainText(gbk));
    assertEquals(FileTypes.TXT, FileTypes.detect(gbk));
    assertEquals(FileTypes.tikaDetect(inlineSvg), FileTypes.detect(inlineSvg));
  }
}
