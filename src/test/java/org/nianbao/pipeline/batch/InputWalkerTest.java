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
    new InputWalker(SMALL).walk(List.of(inputs), new InputWalker.Visitor() {
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
    assertArrayEquals(utf8("<html>REPORT</html>"),
        ((Input.Document) walk.get("归档.zip!/县政府/内层.zip!/年报/2021年报告.html")).bytes());
    assertEquals(2, walk.total());
  }

  @Test
  void refusesEntriesThatPointOutsideTheArchive() throws Exception {
    Path archive = dir.resolve("evil.zip");
    Files.write(archive, Fixtures.zip(entries("../evil.txt", utf8("x"), "/etc/passwd", utf8("y"), "ok.txt", utf8("z"))));
    Walk walk = walk(archive);
    Input.Refused evil = assertInstanceOf(Input.Refused.class, walk.get("evil.zip!/evil.txt"));
    assertTrue(evil.reason().contains("\"../evil.txt\" points outside the archive"), evil.reason());
    assertInstanceOf(Input.Refused.class, walk.get("evil.zip!/etc/passwd"));
    assertInstanceOf(Input.Document.class, walk.get("evil.zip!/ok.txt"));
  }

  @Test
  void refusesAZipBombByItsCompressionRatio() throws Exception {
    Path archive = dir.resolve("bomb.zip");
    Files.write(archive, Fixtures.bomb(900 << 10));
    Input.Refused bomb = assertInstanceOf(Input.Refused.class, walk(archive).get("bomb.zip!/zeros.html"));
    assertEquals("refused: possible zip bomb: compression ratio over 100:1", bomb.reason());
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
    assertEquals("refused: possible zip bomb: entry larger than 1 MB uncompressed",
        ((Input.Refused) walk.get("big.zip!/big.bin")).reason());
    assertEquals("refused: possible zip bomb: archives nested more than 3 deep",
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
}
