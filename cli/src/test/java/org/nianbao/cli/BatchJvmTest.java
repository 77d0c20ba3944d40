package org.nianbao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.pipeline.batch.ClassArchive;
import org.nianbao.pipeline.batch.FakeProcessor;

/**
 * {@code java … Main extract} runs the batch in a second JVM (client compiler, serial collector): the run
 * looks like one process to the user, its status is the run's, and killing the first JVM outright stops
 * the second at once instead of leaving it running with the output folder locked.
 */
class BatchJvmTest {
  @TempDir
  Path dir;

  private Process start(Path in, Path out, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "extract", "--jobs", "1", "--processor",
        FakeProcessor.class.getName(), "--out", out.toString()));
    cmd.addAll(List.of(extra));
    cmd.add(in.toString());
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
  }

  private Path inputs(int n, String text) throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    for (int i = 0; i < n; i++) {
      Files.write(in.resolve("r" + i + ".txt"), (text + " " + i).getBytes(StandardCharsets.UTF_8));
    }
    return in;
  }

  @Test
  void theRunsStatusAndFilesComeFromTheSecondJvm() throws Exception {
    Path out = dir.resolve("out");
    Process first = start(inputs(3, "REPORT"), out);
    assertTrue(first.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, first.exitValue(), Files.readString(dir.resolve("run.log")));
    assertTrue(Files.isRegularFile(out.resolve("reports.csv")));
    assertTrue(Files.readString(dir.resolve("run.log")).contains("共 3 份文档"), Files.readString(dir.resolve("run.log")));

    Process usage = start(dir.resolve("in"), dir.resolve("out2"), "--no-such-option");
    assertTrue(usage.waitFor(120, TimeUnit.SECONDS));
    assertEquals(2, usage.exitValue());
  }

  /**
   * A run started from another folder names the jar by another path; the second JVM is given the jar as its
   * class archive names it, or CDS refuses the archive and prints its English warning on the user's terminal.
   */
  @Test
  void theSecondJvmNamesTheJarAsItsArchiveDoes() throws Exception {
    Path jar = dir.resolve("nianbao.jar");
    try (java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      j.putNextEntry(new java.util.jar.JarEntry(ClassArchive.class.getName().replace('.', '/') + ".class"));
      j.closeEntry();
    }
    String relative = Path.of("").toAbsolutePath().relativize(jar).toString();
    ClassArchive classes = ClassArchive.of(relative, ClassArchive.BATCH);
    Files.write(Path.of(classes.claimDump().orElseThrow().flags().get(0).replaceFirst("^[^=]*=", "")
        .replaceFirst("\\.\\d+\\.tmp$", "")), new byte[] {1});
    List<String> cmd = BatchJvm.command(new String[] {"extract", dir.toString()}, List.of("-Xmx1g"), classes,
        Optional.empty());
    assertEquals(jar.toString(), cmd.get(cmd.indexOf("-cp") + 1));
    assertTrue(cmd.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=")), cmd.toString());
    assertTrue(cmd.contains("-Xlog:cds+dynamic=off"), cmd.toString());
    assertTrue(cmd.contains("-Xmx1g"));
  }

  /** The options whose values the input count skips are exactly extract's options that take a value. */
  @Test
  void theValuedOptionsAreExtractsOwn() {
    java.util.Set<String> valued = new java.util.TreeSet<>();
    for (java.lang.reflect.Field f : ExtractCommand.class.getDeclaredFields()) {
      picocli.CommandLine.Option o = f.getAnnotation(picocli.CommandLine.Option.class);
      if (o != null && f.getType() != boolean.class) {
        valued.addAll(List.of(o.names()));
      }
    }
    assertEquals(valued, new java.util.TreeSet<>(BatchJvm.VALUED));
  }

  @Test
  void inputBytesCountFilesUnderTheInputsNotOptionValues() throws Exception {
    Path in = inputs(3, "REPORT");
    long each = Files.size(in.resolve("r0.txt"));
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.write(out.resolve("big.csv"), new byte[4096]);
    String[] args = {"extract", "--out", out.toString(), "-q", in.toString(), in.resolve("r1.txt").toString(),
        dir.resolve("missing").toString()};
    assertEquals(4 * each, BatchJvm.inputBytes(args, Long.MAX_VALUE));
    assertTrue(BatchJvm.inputBytes(args, 1) >= 1, "counting stops once enough is seen");
  }

  @Test
  void killingTheFirstJvmOutrightStopsTheSecond() throws Exception {
    Process first = start(inputs(400, "SLOW REPORT"), dir.resolve("out"));
    Optional<ProcessHandle> second = Optional.empty();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (second.isEmpty() && first.isAlive() && System.nanoTime() < deadline) {
      // the first JVM's one child is the batch's JVM (the workers are the batch's children)
      second = first.children().findFirst();
      Thread.sleep(20);
    }
    assertTrue(second.isPresent(), "no second JVM: " + Files.readString(dir.resolve("run.log")));
    assertTrue(first.isAlive(), "the run ended before it could be killed");
    first.destroyForcibly().waitFor();
    ProcessHandle batch = second.get();
    batch.onExit().get(20, TimeUnit.SECONDS);
    assertFalse(batch.isAlive());
  }
}
