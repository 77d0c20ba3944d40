package org.nianbao.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.pipeline.batch.Fixtures.utf8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.pipeline.batch.FakeProcessor;

/** A run killed with SIGKILL part-way and resumed writes exactly what an uninterrupted run writes. */
class KillResumeTest {
  @TempDir
  Path dir;

  @Test
  void resumedAfterKillEqualsUninterrupted() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    for (int i = 0; i < 120; i++) {
      Files.write(in.resolve((i % 3 == 0 ? "sub/" : "") + "r" + i + ".txt"), utf8("SLOW REPORT " + i % 100));
    }
    Files.write(in.resolve("empty.pdf"), new byte[0]);
    Path killed = dir.resolve("killed");
    Path whole = dir.resolve("whole");

    Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "extract", "--jobs", "2", "--processor", FakeProcessor.class.getName(),
        "--out", killed.toString(), in.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
    Path done = killed.resolve(".nianbao-state/done");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (entries(done) < 15 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(child.isAlive(), "the child finished before it could be killed: " + entries(done));
    child.destroyForcibly().waitFor();
    assertTrue(entries(done) < 121, "killed part-way");

    MainTest.run("extract", "--jobs", "2", "--processor", FakeProcessor.class.getName(), "--out",
        whole.toString(), in.toString());
    var resumed = MainTest.run("extract", "--resume", "--jobs", "2", "--processor", FakeProcessor.class.getName(),
        "--out", killed.toString(), in.toString());
    assertEquals(1, resumed.status(), resumed.err());
    assertTrue(resumed.err().contains("由上次运行完成"), resumed.err());
    for (String file : List.of("reports.csv", "cells.csv", "anomalies.csv")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(file)), Files.readAllBytes(killed.resolve(file)), file);
    }
  }

  private static long entries(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".rep")).count();
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
