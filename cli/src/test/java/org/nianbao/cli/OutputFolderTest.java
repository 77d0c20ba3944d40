package org.nianbao.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.pipeline.batch.Fixtures.utf8;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.pipeline.batch.FakeProcessor;
import org.nianbao.pipeline.batch.Fixtures;

/** Regressions from the batch probe about the output folder: one run at a time, whole sets, no litter. */
class OutputFolderTest {
  @TempDir
  Path dir;

  private Path inputs(String name, int n, String text) throws Exception {
    Path in = dir.resolve(name);
    Files.createDirectories(in);
    for (int i = 0; i < n; i++) {
      Files.write(in.resolve(String.format("r%04d.txt", i)), utf8(text + " " + i));
    }
    return in;
  }

  private static List<String> child(Path out, Path in, String... more) {
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "extract", "--jobs", "2", "--processor", FakeProcessor.class.getName(),
        "--out", out.toString()));
    cmd.addAll(List.of(more));
    cmd.add(in.toString());
    return cmd;
  }

  /** Two runs into one folder destroyed each other (both died in the state folder, no CSVs). */
  @Test
  void aSecondRunIntoTheSameFolderIsTurnedAwayNamingTheFirst() throws Exception {
    Path in = inputs("in", 24, "SLOW REPORT");
    Path out = dir.resolve("out");
    Process first = new ProcessBuilder(child(out, in)).redirectErrorStream(true)
        .redirectOutput(dir.resolve("first.log").toFile()).start();
    Path lock = out.resolve(".nianbao-state/run.lock");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while ((!Files.exists(lock) || Files.size(lock) == 0) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    MainTest.Run second = MainTest.run("extract", "--jobs", "1", "--processor", FakeProcessor.class.getName(),
        "--out", out.toString(), in.toString());
    assertEquals(2, second.status(), second.err());
    // the pid the user started (with two JVMs, cli.BatchJvm, the first of them)
    assertTrue(second.err().contains("另一次提取正在写入 " + out + "（进程号 " + first.pid() + "，开始于 "),
        second.err());
    assertEquals(0, first.waitFor(), Files.readString(dir.resolve("first.log"), StandardCharsets.UTF_8));
    assertEquals(25, Fixtures.readCsv(out.resolve("reports.csv")).size(), "the first run is whole");
  }

  /** A full disk while the CSVs were written left a new reports.csv beside the old cells.csv. */
  @Test
  void aDiskThatFillsUpLeavesThePreviousSetWhole() throws Exception {
    Path out = dir.resolve("out");
    assertEquals(0, MainTest.run("extract", "--jobs", "1", "--processor", FakeProcessor.class.getName(),
        "--out", out.toString(), inputs("small", 3, "REPORT").toString()).status());
    Map<String, byte[]> before = files(out);
    // a second, larger run may write files of at most 16 KB: cells.csv does not fit, reports.csv does
    Path big = inputs("big", 80, "REPORT");
    String command = String.join(" ", child(out, big).stream().map(a -> "'" + a + "'").toList());
    Process run = new ProcessBuilder("bash", "-c", "ulimit -f 16 && exec " + command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("full.log").toFile()).start();
    assertEquals(1, run.waitFor());
    String log = Files.readString(dir.resolve("full.log"), StandardCharsets.UTF_8);
    assertTrue(log.contains("无法在") && log.contains("写入输出"), log);
    Map<String, byte[]> after = files(out);
    assertEquals(before.keySet(), after.keySet());
    for (String name : before.keySet()) {
      assertArrayEquals(before.get(name), after.get(name), name);
    }
  }

  /** Temporary files of a killed run (workbook, POI's, the state's) were never removed. */
  @Test
  void temporaryFilesOfAKilledRunAreRemovedByTheNext() throws Exception {
    Path out = dir.resolve("out");
    Path tmp = out.resolve(".nianbao-state/tmp");
    Files.createDirectories(tmp.resolve("output"));
    Files.write(out.resolve(".nianbao.xlsx3920.tmp"), new byte[10]);
    Files.write(out.resolve(".cells.csv118.tmp"), new byte[10]);
    Files.write(tmp.resolve("poi-sxssf-sheet42.xml.gz"), new byte[10]);
    Files.write(tmp.resolve("output/reports.csv"), new byte[10]);
    Files.write(out.resolve("my-notes.tmp"), new byte[10]);
    MainTest.Run run = MainTest.run("extract", "--jobs", "1", "--xlsx", "--processor", FakeProcessor.class.getName(),
        "--out", out.toString(), inputs("in", 2, "REPORT").toString());
    assertEquals(0, run.status(), run.err());
    assertFalse(Files.exists(out.resolve(".nianbao.xlsx3920.tmp")));
    assertFalse(Files.exists(out.resolve(".cells.csv118.tmp")));
    try (Stream<Path> left = Files.walk(tmp)) {
      assertEquals(List.of(tmp), left.toList(), "the state's temporary folder is empty after a run");
    }
    assertTrue(Files.exists(out.resolve("my-notes.tmp")), "a file nianbao did not write stays");
    assertTrue(Files.exists(out.resolve("nianbao.xlsx")));
  }

  private static Map<String, byte[]> files(Path out) throws Exception {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try (Stream<Path> list = Files.list(out)) {
      for (Path p : list.filter(Files::isRegularFile).toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
