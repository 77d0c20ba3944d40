package org.nianbao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.pipeline.batch.Fixtures.utf8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.pipeline.batch.FakeProcessor;
import org.nianbao.pipeline.batch.Fixtures;

class MainTest {
  @TempDir
  Path dir;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Run extract(Path input, String... more) {
    List<String> args = new ArrayList<>(List.of("extract", "--out", dir.resolve("out").toString(), "--jobs", "1",
        "--processor", FakeProcessor.class.getName()));
    args.addAll(List.of(more));
    args.add(input.toString());
    return run(args.toArray(String[]::new));
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run().status());
    assertEquals(2, run("extract").status());
    assertEquals(2, run("extract", dir.resolve("missing").toString()).status());
    assertEquals(2, run("extract", "--jobs", "0", dir.toString()).status());
    assertEquals(2, run("extract", "--timeout", "soon", dir.toString()).status());
    assertEquals(2, run("extract", "--no-such-option", dir.toString()).status());
    Run missing = run("extract", dir.resolve("missing").toString());
    assertTrue(missing.err().contains("No such file or folder"), missing.err());
  }

  @Test
  void helpExitsWithZero() {
    Run help = run("extract", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--timeout"), help.out());
  }

  @Test
  void allInputsReadExitsWithZeroAndSummarizes() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a.html"), utf8("<html>REPORT a</html>"));
    Files.write(in.resolve("b.txt"), utf8("not a report"));
    Run run = extract(in, "--xlsx");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.err().contains("nianbao：共 2 份文档"), run.err());
    assertTrue(run.err().contains("按状态：ok 1，unrecognized 1"), run.err());
    assertTrue(run.err().contains("按文件类型：html 1，txt 1"), run.err());
    assertTrue(run.err().contains("nianbao.xlsx"), run.err());
    assertTrue(Files.size(dir.resolve("out/nianbao.xlsx")) > 0);
    assertTrue(Files.exists(dir.resolve("out/wide-2021.csv")));
    assertEquals(3, Fixtures.readCsv(dir.resolve("out/reports.csv")).size());
  }

  @Test
  void langEnSummarizesInEnglish() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a.html"), utf8("<html>REPORT a</html>"));
    Run run = extract(in, "--lang", "en");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.err().contains("nianbao: 1 documents in"), run.err());
    assertTrue(run.err().contains("by status: ok 1"), run.err());
    Run bad = extract(in, "--lang", "fr");
    assertEquals(2, bad.status(), bad.err());
  }

  @Test
  void jsonlBesideCsvAndARerunLeavesNoFileOfTheEarlierRun() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a.html"), utf8("<html>REPORT a</html>"));
    Files.write(in.resolve("b.txt"), utf8("not a report"));
    Run run = extract(in, "--xlsx", "--review", "--format", "jsonl");
    assertEquals(0, run.status(), run.err());
    List<String> lines = Files.readAllLines(dir.resolve("out/reports.jsonl"), StandardCharsets.UTF_8);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("{\"report_id\":\"sha256:") && lines.get(0).contains("\"source\":\"in/a.html\"")
        && lines.get(0).contains("\"cells\":[{\"key\":") && lines.get(0).contains("\"anomalies\":["), lines.get(0));
    assertTrue(Files.exists(dir.resolve("out/review/index.html")));
    assertTrue(Files.exists(dir.resolve("out/nianbao.xlsx")));
    Run again = extract(in);
    assertEquals(0, again.status(), again.err());
    for (String stale : List.of("reports.jsonl", "review", "nianbao.xlsx")) {
      assertTrue(!Files.exists(dir.resolve("out").resolve(stale)), stale + " of the earlier run is left");
    }
    assertTrue(Files.exists(dir.resolve("out/reports.csv")));
  }

  @Test
  void includeAndExcludeGlobsChooseTheInputs() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("old"));
    Files.write(in.resolve("a.html"), utf8("<html>REPORT a</html>"));
    Files.write(in.resolve("b.txt"), utf8("not a report"));
    Files.write(in.resolve("old/c.html"), utf8("<html>REPORT c</html>"));
    Run run = extract(in, "--include", "*.html", "--exclude", "in/old/**");
    assertEquals(0, run.status(), run.err());
    List<String[]> rows = Fixtures.readCsv(dir.resolve("out/reports.csv"));
    assertEquals(List.of("in/a.html"), rows.subList(1, rows.size()).stream().map(r -> r[1]).toList());
    assertEquals(2, extract(in, "--include", "[a").status());
  }

  @Test
  void unreadableInputsExitWithOne() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a.html"), utf8("<html>REPORT a</html>"));
    Files.write(in.resolve("b.pdf"), new byte[0]);
    Run run = extract(in);
    assertEquals(1, run.status(), run.err());
    assertTrue(run.err().contains("1 个输入无法读取"), run.err());
  }

  @Test
  void aProcessorThatCannotStartIsAUsageError() throws Exception {
    Path in = dir.resolve("a.html");
    Files.write(in, utf8("<html>REPORT a</html>"));
    Run run = run("extract", "--out", dir.resolve("out").toString(), "--jobs", "1", "--processor",
        "org.nianbao.NoSuchProcessor", in.toString());
    assertEquals(2, run.status(), run.err());
    assertTrue(run.err().contains("无法开始提取"), run.err());
  }

  /** Regression (batch probe): --jobs had no bound. */
  @Test
  void tooManyJobsAreCappedWithAMessage() throws Exception {
    Path in = dir.resolve("a.html");
    Files.write(in, utf8("<html>REPORT a</html>"));
    Run run = run("extract", "--out", dir.resolve("out").toString(), "--jobs", "100000", "--processor",
        FakeProcessor.class.getName(), in.toString());
    assertEquals(0, run.status(), run.err());
    assertTrue(run.err().contains("nianbao: --jobs 100000 lowered to "), run.err());
  }

  /** Regression (batch probe): a damaged zip passed as an unsupported file with exit status 0. */
  @Test
  void aDamagedZipIsAFailureWithItsReason() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    byte[] zip = Fixtures.zip(Fixtures.entries("a.html", utf8("<html>REPORT a</html>"), "b.txt", utf8("REPORT b".repeat(500))));
    Files.write(in.resolve("reports.zip"), java.util.Arrays.copyOf(zip, zip.length - 200));
    Run run = extract(in);
    assertEquals(1, run.status(), run.err());
    var rows = Fixtures.reportsBySource(dir.resolve("out"));
    assertEquals("ok", rows.get("in/reports.zip!/a.html").get("status"));
    assertEquals("failed", rows.get("in/reports.zip").get("status"));
    assertTrue(rows.get("in/reports.zip").get("error").startsWith("压缩包损坏："));
  }

  /** Regression (batch probe): a harmless link to a folder made the exit status 1. */
  @Test
  void aLinkToAFolderIsNoFailure() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    Files.write(in.resolve("sub/a.html"), utf8("<html>REPORT a</html>"));
    Files.createSymbolicLink(in.resolve("shortcut"), in.resolve("sub"));
    Run run = extract(in);
    assertEquals(0, run.status(), run.err());
    assertEquals(List.of("in/sub/a.html"), List.copyOf(Fixtures.reportsBySource(dir.resolve("out")).keySet()));
  }

  @Test
  void quietPrintsNoSummary() throws Exception {
    Path in = dir.resolve("a.html");
    Files.write(in, utf8("<html>REPORT a</html>"));
    Run run = extract(in, "--quiet");
    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    assertEquals(2, run("extract", "--quiet", "--verbose", in.toString()).status());
    assertEquals(2, run("extract", "--retry-failed", in.toString()).status());
  }
}
