package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.pipeline.batch.Fixtures.entries;
import static org.nianbao.pipeline.batch.Fixtures.utf8;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.model.Status;
import org.nianbao.write.CsvFiles;
import org.nianbao.write.XlsxWriter;

class BatchRunnerTest {
  private static final ZipLimits SMALL = new ZipLimits(4 << 20, 16 << 20, 100, 256 << 10, 3, 1000);

  @TempDir
  Path dir;

  private static final class Recorder implements RunListener {
    final List<Done> done = new ArrayList<>();
    int total;

    @Override
    public synchronized void totalChanged(int total) {
      this.total = total;
    }

    @Override
    public synchronized void inputDone(Done input) {
      done.add(input);
    }
  }

  private BatchOptions options(Path input, Path out, int jobs, Duration timeout, boolean resume) {
    return options(input, out, jobs, timeout, resume, false);
  }

  private BatchOptions options(Path input, Path out, int jobs, Duration timeout, boolean resume, boolean xlsx) {
    return new BatchOptions(List.of(input), out, jobs, resume, false, timeout,
        new ProcessorSpec(FakeProcessor.class.getName(), Optional.empty()), SMALL, 128, xlsx, Verbosity.NORMAL);
  }

  /** The wide CSV and the workbook come from the same streamed reports as the three CSV files. */
  @Test
  void writesWideCsvAndWorkbookWithCrossReportFindings() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a.html"), utf8("<html>REPORT a</html>"));
    Files.write(in.resolve("b.html"), utf8("<html>REPORT bb</html>"));
    Files.write(in.resolve("c.txt"), utf8("nothing here"));
    Path out = dir.resolve("out");
    new BatchRunner(options(in, out, 1, Duration.ofSeconds(30), false, true)).run(new Recorder());

    List<String> wide = Files.readAllLines(out.resolve("wide-2021.csv"), StandardCharsets.UTF_8);
    assertEquals(3, wide.size());
    assertTrue(wide.get(0).startsWith("\uFEFFreport_id,source,agency,year,"), wide.get(0));
    assertFalse(Files.exists(out.resolve("wide-2019.csv")));
    String anomalies = Files.readString(out.resolve(CsvFiles.ANOMALIES), StandardCharsets.UTF_8);
    assertTrue(anomalies.contains("in/b.html,某某镇人民政府,2021,warning,duplicate_report"), anomalies);
    try (InputStream file = Files.newInputStream(out.resolve(XlsxWriter.FILE));
        XSSFWorkbook wb = new XSSFWorkbook(file)) {
      assertEquals(List.of("报告", "2021", "异常"),
          List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
      assertEquals(4, wb.getSheet("报告").getLastRowNum());
      assertEquals(3, wb.getSheet("2021").getLastRowNum());
    }
  }

  /** Every kind of trouble in one folder, through real worker JVMs: each input gets its row and reason. */
  @Test
  void everyInputGetsOneRowWithItsStatusAndReason() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("good1.html"), utf8("<html><body>REPORT one</body></html>"));
    Files.write(in.resolve("good2.txt"), utf8("REPORT two"));
    Files.write(in.resolve("copy-of-good2.txt"), utf8("REPORT two"));
    Files.write(in.resolve("html-named.pdf"), utf8("<html><body>REPORT three</body></html>"));
    Files.write(in.resolve("empty.pdf"), new byte[0]);
    Files.write(in.resolve("truncated.pdf"), utf8("%PDF-1.7 TRUNCATED"));
    Files.write(in.resolve("setup.exe"), new byte[] {'M', 'Z', 0, 0, 1, 2});
    Files.write(in.resolve("hang.html"), utf8("<html>HANG</html>"));
    Files.write(in.resolve("crash.txt"), utf8("CRASH"));
    Files.write(in.resolve("bomb.zip"), Fixtures.bomb(2 << 20));
    Files.write(in.resolve("evil.zip"), Fixtures.zip(entries("../evil.txt", utf8("REPORT evil"))));
    Charset gbk = Charset.forName("GBK");
    byte[] inner = Fixtures.zip(gbk, entries("年报/拦隆口镇2021.html", utf8("<html>REPORT 拦隆口</html>")));
    Files.write(in.resolve("nested.zip"), Fixtures.zip(gbk, entries("内层.zip", inner)));

    Path out = dir.resolve("out");
    Recorder recorder = new Recorder();
    BatchResult result = new BatchRunner(options(in, out, 2, Duration.ofSeconds(3), false)).run(recorder);

    BatchSummary summary = assertInstanceOf(BatchResult.Completed.class, result).summary();
    Map<String, Map<String, String>> rows = Fixtures.reportsBySource(out);
    assertEquals(List.of("in/bomb.zip!/zeros.html", "in/copy-of-good2.txt", "in/crash.txt", "in/empty.pdf",
        "in/evil.zip!/evil.txt", "in/good1.html", "in/good2.txt", "in/hang.html", "in/html-named.pdf",
        "in/nested.zip!/内层.zip!/年报/拦隆口镇2021.html", "in/setup.exe", "in/truncated.pdf"),
        List.copyOf(rows.keySet()));
    assertEquals(12, summary.documents());
    assertEquals(12, recorder.done.size());
    assertEquals(12, recorder.total);

    assertRow(rows, "in/good1.html", "html", "ok", "");
    assertRow(rows, "in/html-named.pdf", "html", "ok", "");
    assertRow(rows, "in/nested.zip!/内层.zip!/年报/拦隆口镇2021.html", "html", "ok", "");
    assertRow(rows, "in/empty.pdf", "empty", "failed", "空文件（0 字节）");
    assertRow(rows, "in/truncated.pdf", "pdf", "failed", "corrupt: truncated");
    assertRow(rows, "in/setup.exe", "exe", "unrecognized", "no known template");
    assertRow(rows, "in/hang.html", "html", "failed", "超时：3 秒内未处理完");
    assertRow(rows, "in/crash.txt", "txt", "failed", "处理进程崩溃：退出状态 7");
    assertRow(rows, "in/bomb.zip!/zeros.html", "unknown", "failed",
        "已拒绝：疑似压缩炸弹：压缩比超过 100:1");
    assertRow(rows, "in/evil.zip!/evil.txt", "unknown", "failed",
        "已拒绝：条目名“../evil.txt”指向压缩包之外");

    // identical bytes: extracted once, the later input points at the first
    assertRow(rows, "in/good2.txt", "txt", "ok", "");
    assertRow(rows, "in/copy-of-good2.txt", "txt", "ok", "");
    assertEquals(rows.get("in/good2.txt").get("report_id"), rows.get("in/copy-of-good2.txt").get("report_id"));
    List<String[]> anomalies = Fixtures.readCsv(out.resolve("anomalies.csv"));
    assertTrue(anomalies.stream().anyMatch(a -> a[1].equals("in/good2.txt") && a[5].equals("duplicate_report")
        && a[4].equals("warning") && a[9].equals("与 in/copy-of-good2.txt 的文件内容完全相同。")),
        "walk order is name order, so copy-of-good2.txt is the first");
    assertEquals("0", rows.get("in/good2.txt").get("cells"));
    assertEquals("2", rows.get("in/copy-of-good2.txt").get("cells"));

    assertEquals(6, summary.count(Status.FAILED));
    assertTrue(summary.workers().peakRssKb() > 0, "worker memory is measured");
  }

  private static void assertRow(Map<String, Map<String, String>> rows, String source, String type, String status,
      String error) {
    Map<String, String> row = rows.get(source);
    assertEquals(List.of(type, status, error), List.of(row.get("file_type"), row.get("status"), row.get("error")),
        source);
  }

  @Test
  void aWorkerOutOfMemoryFailsOnlyItsDocument() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a.txt"), utf8("OOM"));
    Files.write(in.resolve("b.txt"), utf8("REPORT after"));
    Path out = dir.resolve("out");
    new BatchRunner(options(in, out, 1, Duration.ofSeconds(20), false)).run(new Recorder());
    Map<String, Map<String, String>> rows = Fixtures.reportsBySource(out);
    assertRow(rows, "in/a.txt", "txt", "failed", "处理进程崩溃：内存不足");
    assertRow(rows, "in/b.txt", "txt", "ok", "");
  }

  /** A worker that died was counted as costing nothing: it is reaped before /proc can be read. */
  @Test
  void aWorkerThatDiesStillCountsWhatItCost() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    for (int i = 0; i < 3; i++) {
      Files.write(in.resolve("a" + i + ".txt"), utf8("REPORT " + i));
    }
    Files.write(in.resolve("z.txt"), utf8("OOM"));
    BatchResult result = new BatchRunner(options(in, dir.resolve("out"), 1, Duration.ofSeconds(20), false))
        .run(new Recorder());
    BatchSummary summary = assertInstanceOf(BatchResult.Completed.class, result).summary();
    assertEquals(1, summary.count(Status.FAILED));
    assertTrue(summary.workers().cpuNanos() > 0, "the dead worker's CPU is counted");
    assertTrue(summary.workers().peakRssKb() > 0, "and its memory");
  }

  @Test
  void resumeSkipsWhatIsDoneAndGivesTheSameFiles() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    for (int i = 0; i < 6; i++) {
      Files.write(in.resolve("r" + i + ".txt"), utf8("REPORT " + i));
    }
    Path out = dir.resolve("out");
    FakeProcessor fake = new FakeProcessor();
    new BatchRunner(options(in, out, 2, Duration.ofSeconds(5), false), InProcessLane.factory(fake, Duration.ofSeconds(5), SMALL))
        .run(new Recorder());
    byte[] cells = Files.readAllBytes(out.resolve("cells.csv"));

    Recorder again = new Recorder();
    BatchResult result = new BatchRunner(options(in, out, 2, Duration.ofSeconds(5), true),
        InProcessLane.factory(fake, Duration.ofSeconds(5), SMALL)).run(again);
    assertEquals(6, assertInstanceOf(BatchResult.Completed.class, result).summary().resumed());
    assertTrue(again.done.stream().allMatch(RunListener.Done::resumed));
    assertEquals(new String(cells, java.nio.charset.StandardCharsets.UTF_8),
        Files.readString(out.resolve("cells.csv")));
  }

  @Test
  void aProcessorThatCannotStartStopsTheRunBeforeAnyWork() throws Exception {
    Path in = dir.resolve("a.txt");
    Files.write(in, utf8("REPORT"));
    BatchOptions options = new BatchOptions(List.of(in), dir.resolve("out"), 1, false, false, Duration.ofSeconds(5),
        new ProcessorSpec("org.nianbao.NoSuchProcessor", Optional.empty()), SMALL, 128, false, Verbosity.NORMAL);
    BatchResult result = new BatchRunner(options).run(new Recorder());
    String reason = assertInstanceOf(BatchResult.NotStarted.class, result).reason();
    assertTrue(reason.contains("cannot load processor org.nianbao.NoSuchProcessor"), reason);
  }

  /** Regression (batch probe): --resume never retried documents that failed through no fault of their own. */
  @Test
  void retryFailedExtractsAgainWhatCrashedOrRanOutOfTime() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a.txt"), utf8("REPORT a"));
    Files.write(in.resolve("b.txt"), utf8("REPORT b"));
    Path out = dir.resolve("out");
    FakeProcessor fake = new FakeProcessor();
    Lane.Factory healthy = InProcessLane.factory(fake, Duration.ofSeconds(5), SMALL);
    Lane.Factory killedOnB = () -> new Lane() {
      private final Lane inner = healthy.open();

      @Override
      public Outcome process(Task task, List<Task> ahead, int remaining) throws WorkerStartException {
        if (!task.source().endsWith("b.txt")) {
          return inner.process(task, ahead, remaining);
        }
        try {
          return Outcome.of(StateStore.reportEntry(Outcomes.failed(task, "worker crashed: killed by signal 9")), true);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public JvmStats stats() {
        return JvmStats.NONE;
      }

      @Override
      public void close() {
        inner.close();
      }
    };
    new BatchRunner(options(in, out, 1, Duration.ofSeconds(5), false), killedOnB).run(new Recorder());
    assertEquals("failed", Fixtures.reportsBySource(out).get("in/b.txt").get("status"));

    BatchResult resumed = new BatchRunner(options(in, out, 1, Duration.ofSeconds(5), true), healthy).run(new Recorder());
    assertEquals(2, assertInstanceOf(BatchResult.Completed.class, resumed).summary().resumed(),
        "a plain resume keeps the failure");
    assertEquals("failed", Fixtures.reportsBySource(out).get("in/b.txt").get("status"));

    BatchOptions retry = new BatchOptions(List.of(in), out, 1, true, true, Duration.ofSeconds(5),
        new ProcessorSpec(FakeProcessor.class.getName(), Optional.empty()), SMALL, 128, false, Verbosity.NORMAL);
    BatchResult retried = new BatchRunner(retry, healthy).run(new Recorder());
    assertEquals(1, assertInstanceOf(BatchResult.Completed.class, retried).summary().resumed());
    assertEquals("ok", Fixtures.reportsBySource(out).get("in/b.txt").get("status"));
    try (java.util.stream.Stream<Path> entries = Files.list(StateStore.folder(out).resolve("done"))) {
      List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(2, names.size(), "the retried failure's entry is replaced, not kept beside the new one: " + names);
      assertTrue(names.stream().allMatch(n -> n.endsWith(".rep")), names.toString());
    }
  }
}
