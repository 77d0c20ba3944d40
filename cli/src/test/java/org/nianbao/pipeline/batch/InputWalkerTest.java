package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.pipeline.batch.Fixtures.entries;
import static org.nianbao.pipeline.batch.Fixtures.utf8;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputWalkerTest {
  private static final ZipLimits SMALL = new ZipLimits(1 << 20, 3 << 20, 100, 64 << 10, 3, 1000);

  @TempDir
  Path dir;

  private record Walk(List<Input> inputs, int total) {
    Input get(String source) {
      return inputs.stream().filter(i -> i.source().equals(source)).findFirst()
          .orElseThrow(() -> new AssertionError("no input " + source + " in " + sources()));
    }

    List<String> sources() {
      return inputs.stream().map(Input::source).toList();
    }
  }

  private Walk walk(Path... inputs) throws InterruptedException {
    List<Input> found = new ArrayList<>();
    int[] total = {InputWalker.count(List.of(inputs))};
    new InputWalker(SMALL, dir.resolve("spool")).walk(List.of(inputs), new InputWalker.Visitor() {
      @Override
      public void adjustTotal(int delta) {
        total[0] += delta;
      }

      @Override
      public void accept(Input input) {
        found.add(input);
      }
    });
    return new Walk(found, total[0]);
  }

  @Test
  void inputsOfTheSameNameInDifferentFoldersKeepThePathThatTellsThemApart() throws Exception {
    Files.createDirectories(dir.resolve("a/reports"));
    Files.createDirectories(dir.resolve("b/reports"));
    Files.write(dir.resolve("a/reports/report.html"), utf8("a"));
    Files.write(dir.resolve("b/reports/report.html"), utf8("b"));
    assertEquals(List.of("a/reports/report.html", "b/reports/report.html"),
        walk(dir.resolve("a/reports"), dir.resolve("b/reports")).sources());
    assertEquals(List.of("reports/report.html"), walk(dir.resolve("a/reports")).sources());
    assertEquals(List.of("a/reports/report.html", "b/reports/report.html"),
        walk(dir.resolve("a"), dir.resolve("b/reports/report.html")).sources());
  }

  @Test
  void walksFoldersInNameOrderAndSkipsHiddenNames() throws Exception {
    Path root = dir.resolve("batch");
    Files.createDirectories(root.resolve("b/.git"));
    Files.write(root.resolve("b/z.html"), utf8("z"));
    Files.write(root.resolve("b/.git/config"), utf8("x"));
    Files.write(root.resolve("a.pdf"), utf8("a"));
    Files.write(root.resolve(".DS_Store"), utf8("x"));
    Walk walk = walk(root);
    assertEquals(List.of("batch/a.pdf", "batch/b/z.html"), walk.sources());
    assertEquals(2, walk.total());
  }

  @Test
  void readsNestedZipsWithGbkNamesInPlace() throws Exception {
    Charset gbk = Charset.forName("GBK");
    byte[] inner = Fixtures.zip(gbk, entries("年报/2021年报告.html", utf8("<html>REPORT</html>")));
    byte[] outer = Fixtures.zip(gbk, entries("县政府/内层.zip", inner, "说明.txt", utf8("hello")));
    Path archive = dir.resolve("归档.zip");
    Files.write(archive, outer);
    Walk walk = walk(archive);
    assertEquals(List.of("归档.zip!/县政府/内层.zip!/年报/2021年报告.html", "归档.zip!/说明.txt"), walk.sources());
    try (DocumentReads reads = new DocumentReads(SMALL)) {
      assertArrayEquals(utf8("<html>REPORT</html>"),
          reads.read(((Input.Document) walk.get("归档.zip!/县政府/内层.zip!/年报/2021年报告.html")).location()));
    }
    assertEquals(2, walk.total());
  }

  @Test
  void refusesEntriesThatPointOutsideTheArchive() throws Exception {
    Path archive = dir.resolve("evil.zip");
    Files.write(archive, Fixtures.zip(entries("../evil.txt", utf8("x"), "/etc/passwd", utf8("y"), "ok.txt", utf8("z"))));
    Walk walk = walk(archive);
    Input.Refused evil = assertInstanceOf(Input.Refused.class, walk.get("evil.zip!/evil.txt"));
    assertTrue(evil.reason().contains("“../evil.txt”指向压缩包之外"), evil.reason());
    assertInstanceOf(Input.Refused.class, walk.get("evil.zip!/etc/passwd"));
    assertInstanceOf(Input.Document.class, walk.get("evil.zip!/ok.txt"));
  }

  @Test
  void refusesAZipBombByItsCompressionRatio() throws Exception {
    Path archive = dir.resolve("bomb.zip");
    Files.write(archive, Fixtures.bomb(900 << 10));
    Input.Refused bomb = assertInstanceOf(Input.Refused.class, walk(archive).get("bomb.zip!/zeros.html"));
    assertEquals("已拒绝：疑似压缩炸弹：压缩比超过 100:1", bomb.reason());
  }

  @Test
  void refusesEntriesOverTheSizeLimitAndArchivesNestedTooDeep() throws Exception {
    byte[] random = new byte[(1 << 20) + 10];
    new java.util.Random(1).nextBytes(random);
    byte[] deep = Fixtures.zip(entries("d.txt", utf8("deep")));
    for (int i = 0; i < 3; i++) {
      deep = Fixtures.zip(entries("level" + i + ".zip", deep));
    }
    Path archive = dir.resolve("big.zip");
    Files.write(archive, Fixtures.zip(entries("big.bin", random, "deep.zip", deep)));
    Walk walk = walk(archive);
    assertEquals("已拒绝：疑似压缩炸弹：条目解压后大于 1 MB",
        ((Input.Refused) walk.get("big.zip!/big.bin")).reason());
    assertEquals("已拒绝：疑似压缩炸弹：压缩包嵌套超过 3 层",
        ((Input.Refused) walk.get("big.zip!/deep.zip!/level2.zip!/level1.zip")).reason());
  }

  @Test
  void readsAZipBasedDocumentAsOneDocument() throws Exception {
    Path docx = dir.resolve("report.docx");
    Files.write(docx, Fixtures.zip(entries("[Content_Types].xml", utf8("<Types/>"), "word/document.xml", utf8("<w/>"))));
    Walk walk = walk(docx);
    assertEquals(List.of("report.docx"), walk.sources());
    assertInstanceOf(Input.Document.class, walk.get("report.docx"));
  }

  /** Regression (batch probe): a damaged zip passed as one unsupported file, its reports never mentioned. */
  @Test
  void aDamagedZipKeepsTheEntriesBeforeTheDamageAndSaysWhatIsWrong() throws Exception {
    StringBuilder digits = new StringBuilder("REPORT c ");
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 4000; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    byte[] whole = Fixtures.zip(entries("a.html", utf8("<html>REPORT a</html>"), "b.txt", utf8("REPORT b"),
        "c.txt", utf8(digits.toString())));
    Path archive = dir.resolve("broken.zip");
    // cut inside the last entry's data: no central directory, the first two entries whole
    Files.write(archive, java.util.Arrays.copyOf(whole, whole.length - 700));
    Walk walk = walk(archive);
    assertEquals(List.of("broken.zip!/a.html", "broken.zip!/b.txt", "broken.zip!/c.txt", "broken.zip"), walk.sources());
    assertEquals("无法读取压缩包条目：Truncated ZIP file", ((Input.Refused) walk.get("broken.zip!/c.txt")).reason());
    try (DocumentReads reads = new DocumentReads(SMALL)) {
      assertArrayEquals(utf8("REPORT b"), reads.read(((Input.Document) walk.get("broken.zip!/b.txt")).location()));
    }
    Input.Refused broken = assertInstanceOf(Input.Refused.class, walk.get("broken.zip"));
    assertTrue(broken.reason().startsWith("压缩包损坏："), broken.reason());
    assertTrue(broken.reason().endsWith("（损坏之前已读出 2 个条目）"), broken.reason());
    assertEquals(4, walk.total());
  }

  @Test
  void aZipWithNothingReadableIsADamagedArchive() throws Exception {
    Path archive = dir.resolve("junk.zip");
    Files.write(archive, utf8("PK\u0003\u0004 this is not a zip at all"));
    Walk walk = walk(archive);
    Input.Refused junk = assertInstanceOf(Input.Refused.class, walk.get("junk.zip"));
    assertTrue(junk.reason().startsWith("压缩包损坏：") && junk.reason().contains("已读出 0 个条目"), junk.reason());
  }

  /**
   * Regression (batch probe): links were followed to files outside the input folder, and a link to a folder
   * gave a failed row (exit status 1).
   */
  @Test
  void linksAreFollowedOnlyToFilesInsideTheInputFolder() throws Exception {
    Path outside = dir.resolve("outside");
    Files.createDirectories(outside);
    Files.write(outside.resolve("secret.txt"), utf8("secret"));
    Path root = dir.resolve("in");
    Files.createDirectories(root.resolve("sub"));
    Files.write(root.resolve("sub/report.html"), utf8("<html>REPORT</html>"));
    Files.createSymbolicLink(root.resolve("to-outside.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("to-inside.html"), root.resolve("sub/report.html"));
    Files.createSymbolicLink(root.resolve("folder-link"), outside);
    Files.createSymbolicLink(root.resolve("loop"), root);
    Files.createSymbolicLink(root.resolve("dangling.txt"), dir.resolve("gone.txt"));
    Walk walk = walk(root);
    assertEquals(List.of("in/dangling.txt", "in/sub/report.html", "in/to-inside.html", "in/to-outside.txt"),
        walk.sources());
    assertEquals(4, walk.total());
    assertInstanceOf(Input.Document.class, walk.get("in/to-inside.html"));
    assertTrue(((Input.Refused) walk.get("in/to-outside.txt")).reason()
        .startsWith("已拒绝：指向输入文件夹之外文件的符号链接"));
    assertEquals("符号链接已断开（指向的文件不存在）", ((Input.Refused) walk.get("in/dangling.txt")).reason());
  }

  @Test
  void documentsAreHashedWhileStreamedAndNeverHeld() throws Exception {
    byte[] text = utf8("<html>REPORT 报告</html>");
    Path file = dir.resolve("r.html");
    Files.write(file, text);
    Input.Document d = assertInstanceOf(Input.Document.class, walk(file).get("r.html"));
    assertEquals(org.nianbao.model.ReportId.of(text), d.id());
    assertEquals(text.length, d.size());
    assertArrayEquals(text, d.head());
    Location.InFile at = assertInstanceOf(Location.InFile.class, d.location());
    assertEquals(file, at.path());
    assertTrue(at.unchanged(), "the stamp taken before hashing still holds");
  }
}
