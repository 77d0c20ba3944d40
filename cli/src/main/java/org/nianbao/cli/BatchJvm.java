package org.nianbao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.nianbao.pipeline.batch.ClassArchive;
import org.nianbao.pipeline.batch.RunLock;

/**
 * Runs {@code extract} in a second JVM started with the options a batch needs, as {@code java -jar} cannot
 * give them: the serial collector, and the client compiler only unless the inputs hold half a gigabyte or
 * more. The batch itself only walks, hashes, hands documents to its workers and writes the files; the
 * optimizing compiler spent more CPU compiling it (3 of its 7 CPU seconds at 2,000 documents) than it saved,
 * on the same cores the workers need, until the bytes to hash make its SHA-256 worth it; and the parallel
 * collector's heap doubled its memory (README, "Benchmark").
 *
 * <p>The two JVMs stay one run to the user: the second inherits the terminal's output and error streams and
 * every option the first was given ({@code -Xmx}, {@code -D}), and its exit status is the run's. Stopping the
 * first (Ctrl-C, {@code kill}) stops the second the same way; if the first is killed outright
 * ({@code kill -9}), the second sees it gone within a tenth of a second and halts, as the first would have. A user
 * who chose a compiler or collector of their own, or {@code -Dnianbao.batchJvm=false}, gets one JVM.
 */
final class BatchJvm {
  /** Set in the second JVM; also the switch that turns the second JVM off ({@code false}). */
  static final String PROPERTY = "nianbao.batchJvm";
  /** Whether the first JVM's error stream is a terminal: the second's input is a pipe, so it cannot tell. */
  static final String TERMINAL = "nianbao.terminal";
  private static final String SECOND = "second";
  private static final long WATCH_MILLIS = 100;
  /**
   * Input bytes from which the optimizing compiler pays for itself in the batch JVM: it hashes every input,
   * and SHA-256 runs at about 150 MB/s compiled by C1 against 1.2 GB/s by C2 (its intrinsic), while C2 costs
   * about 3 CPU-s of compiling: from about half a gigabyte on, C2 is the cheaper.
   */
  static final long C2_PAYS_FROM_BYTES = 512L << 20;
  /** The options of {@code extract} that take a value (ExtractCommand): their values are not inputs. */
  static final Set<String> VALUED = Set.of("--out", "--jobs", "--mappings", "--timeout", "--include",
      "--exclude", "--format", "--corrections", "--lang", "--processor", "--stats");

  private BatchJvm() {}

  /** This JVM is the second one. */
  static boolean isSecond() {
    return SECOND.equals(System.getProperty(PROPERTY));
  }

  /** The second JVM's command: this JVM's options and arguments, with its compiler, collector and archive. */
  static List<String> command(String[] args, List<String> options, ClassArchive classes,
      Optional<ClassArchive.Dump> dump) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (inputBytes(args, C2_PAYS_FROM_BYTES) < C2_PAYS_FROM_BYTES) {
      cmd.add("-XX:TieredStopAtLevel=1");
    }
    cmd.add("-XX:+UseSerialGC");
    cmd.addAll(dump.map(ClassArchive.Dump::flags).orElseGet(classes::useFlags));
    cmd.addAll(options);
    cmd.add("-D" + PROPERTY + "=" + SECOND);
    cmd.add("-D" + TERMINAL + "=" + (System.console() != null));
    cmd.add("-D" + RunLock.RUN_PID + "=" + ProcessHandle.current().pid());
    // the jar as the archive names it, which need not be how this JVM was given it
    cmd.add("-cp");
    cmd.add(classes.classPath());
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * Runs the command in the second JVM and returns its exit status; empty when this JVM should run it
   * itself (not {@code extract}, already the second, the user's own JVM options, or no JVM could start).
   */
  static OptionalInt run(String[] args) {
    if (args.length == 0 || !args[0].equals("extract") || System.getProperty(PROPERTY) != null) {
      return OptionalInt.empty();
    }
    List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (String o : options) {
      if (o.startsWith("-XX:TieredStopAtLevel") || o.startsWith("-XX:-TieredCompilation")
          || o.startsWith("-XX:+Use") && o.endsWith("GC")) {
        return OptionalInt.empty();
      }
    }
    ClassArchive classes = ClassArchive.forThisJvm(ClassArchive.BATCH);
    Optional<ClassArchive.Dump> dump = classes.claimDump();
    List<String> cmd = command(args, options, classes, dump);
    Process second;
    try {
      second = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException | UnsupportedOperationException e) {
      dump.ifPresent(ClassArchive.Dump::abandon);
      return OptionalInt.empty();
    }
    Thread stop = new Thread(() -> {
      if (second.isAlive()) {
        second.destroy();
        try {
          second.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "nianbao-stop-batch");
    Runtime.getRuntime().addShutdownHook(stop);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          int status = second.waitFor();
          Runtime.getRuntime().removeShutdownHook(stop);
          // a second JVM that ended by itself (not halted or killed) wrote its archive as it exited
          dump.ifPresent(status < 128 ? ClassArchive.Dump::complete : ClassArchive.Dump::abandon);
          return OptionalInt.of(status);
        } catch (InterruptedException e) {
          // the run goes on until the second JVM ends; the interrupt is kept for the caller
          interrupted = true;
        } catch (IllegalStateException e) {
          // this JVM is already shutting down, and the hook waits for the second one
          dump.ifPresent(ClassArchive.Dump::abandon);
          return OptionalInt.of(1);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The bytes of the inputs named on the command line (files, and the files under folders, links not
   * followed), counted until {@code enough}; what cannot be read counts nothing.
   */
  static long inputBytes(String[] args, long enough) {
    long total = 0;
    for (int i = 1; i < args.length && total < enough; i++) {
      String a = args[i];
      if (a.startsWith("-") || VALUED.contains(args[i - 1])) {
        continue;
      }
      Path p = Path.of(a);
      try (Stream<Path> files = Files.walk(p)) {
        Iterator<Path> it = files.iterator();
        while (it.hasNext() && total < enough) {
          Path f = it.next();
          BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (attrs.isRegularFile()) {
            total += attrs.size();
          }
        }
      } catch (IOException | UncheckedIOException | InvalidPathException e) {
        // an input the batch itself will report
      }
    }
    return total;
  }

  /**
   * In the second JVM: halts when the first is gone, so that a batch whose first JVM was killed outright does
   * not run on unseen and keep its output folder locked. The first is looked for every tenth of a second by a
   * sleeping thread: a thread blocked reading a pipe would hold up every normal exit of the JVM by a third of a
   * second, the time HotSpot gives threads still in native code to settle.
   */
  static void haltWithFirst() {
    long firstPid = Long.getLong(RunLock.RUN_PID, -1);
    if (firstPid < 0) {
      return;
    }
    // When the first is this JVM's parent, this JVM is handed to another parent the moment the first ends, even
    // while it is not yet reaped. Otherwise (a launcher between them) the first's handle is asked: it knows the
    // first's start time, so a later process given the same pid is not taken for it.
    boolean child = parentPid() == firstPid;
    Optional<ProcessHandle> first = ProcessHandle.of(firstPid);
    Thread watch = new Thread(() -> {
      try {
        while (child ? parentPid() == firstPid : first.isPresent() && first.get().isAlive()) {
          Thread.sleep(WATCH_MILLIS);
        }
      } catch (InterruptedException e) {
        return;
      }
      Runtime.getRuntime().halt(137);
    }, "nianbao-first-jvm");
    watch.setDaemon(true);
    watch.start();
  }

  private static long parentPid() {
    return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
  }

}
