package org.nianbao.pipeline.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nianbao.model.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lane backed by a worker JVM, started when the lane gets its first document. The document's time limit
 * is enforced from here: a worker over it is killed and replaced, and so is one that dies (out of memory,
 * crash); the document gets a failed report with the reason and the batch goes on.
 */
final class ForkedLane implements Lane {
  private static final Logger LOG = LoggerFactory.getLogger(ForkedLane.class);

  /** The exit status HotSpot uses for {@code -XX:+ExitOnOutOfMemoryError}. */
  private static final int OOM_EXIT = 3;

  /**
   * Below this many documents per worker, a worker compiles with C1 only. C2's optimized code pays back its
   * compilation time only over a long run: one worker with 2,000 documents spent 25 CPU-s in C2 to save
   * about 2 CPU-s of work against C1 (48 against 26 CPU-s in all), and its compiler threads take the core the
   * batch itself needs (README, "Benchmark"). At about a millisecond saved per document, C2 would pay for
   * itself from some 25,000 documents; with as many workers as cores it never does.
   */
  static final int C2_PAYS_FROM_DOCUMENTS = 25_000;

  /**
   * How a worker JVM is started.
   *
   * @param heapMb {@code -Xmx} of each worker
   * @param jobs how many lanes share the machine, for the compiler policy
   * @param startTimeout how long building the processor may take
   * @param log where workers' stderr goes (library warnings, crash messages)
   * @param classes the shared class archive, when the run has one
   */
  record Launcher(ProcessorSpec processor, ZipLimits limits, int heapMb, int jobs, Duration timeout,
      Duration startTimeout, Path log, Verbosity verbosity, ClassArchive classes) implements Lane.Factory {
    @Override
    public Lane open() {
      return new ForkedLane(this);
    }

    List<String> command(int remaining, List<String> archiveFlags) {
      List<String> cmd = new ArrayList<>();
      cmd.add(javaBinary());
      cmd.add("-Xmx" + heapMb + "m");
      cmd.add("-XX:+ExitOnOutOfMemoryError");
      cmd.add("-XX:+UseSerialGC");
      if (remaining / jobs < C2_PAYS_FROM_DOCUMENTS || jobs >= Runtime.getRuntime().availableProcessors()) {
        cmd.add("-XX:TieredStopAtLevel=1");
      }
      cmd.addAll(archiveFlags);
      cmd.add("-Djava.awt.headless=true");
      // tuning hook for benchmarks: extra worker JVM options, e.g. -Dnianbao.worker.jvmArgs="-XX:TieredStopAtLevel=1"
      for (String extra : System.getProperty("nianbao.worker.jvmArgs", "").trim().split("\\s+")) {
        if (!extra.isEmpty()) {
          cmd.add(extra);
        }
      }
      verbosity.properties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
      cmd.add("-D" + Messages.PROPERTY + "=" + Messages.language());
      cmd.add("-cp");
      cmd.add(classes.classPath());
      cmd.add(WorkerMain.class.getName());
      cmd.add(processor.className());
      cmd.add(limits.encode());
      cmd.add(processor.mappings().map(m -> m.toAbsolutePath().toString()).orElse("-"));
      cmd.add(processor.corrections().map(m -> m.toAbsolutePath().toString()).orElse("-"));
      if (batchRenders()) {
        cmd.add(WorkerMain.BARE);
      }
      return cmd;
    }

    /**
     * Whether the batch renders the reports' rows itself: when its workers leave a core free. A lane thread
     * then renders one report while its worker reads the next; with a worker on every core, the workers do it.
     */
    boolean batchRenders() {
      return jobs < Runtime.getRuntime().availableProcessors();
    }

    /** This JVM's own launcher (asking the process for its command costs about 20 ms at a JVM's start). */
    private static String javaBinary() {
      return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
  }

  /** One running worker JVM and its pipe. */
  private static final class Worker {
    private static final long LOOK_EVERY_NANOS = 200_000_000L;

    final Process process;
    final DataOutputStream toWorker;
    final DataInputStream fromWorker;
    final Optional<ClassArchive.Dump> dump;
    final Path proc;
    /**
     * Its CPU and peak memory when it last finished a document, from {@code /proc}: a worker that dies (out
     * of memory, killed) is reaped before anything can be read, and would otherwise count as costing nothing.
     */
    long cpuSeen;
    long rssSeen;
    private long lookedAt = System.nanoTime() - LOOK_EVERY_NANOS;

    Worker(Process process, Optional<ClassArchive.Dump> dump) {
      this.proc = Path.of("/proc", Long.toString(process.pid()));
      this.process = process;
      this.dump = dump;
      this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /**
     * Reads its CPU and peak memory from {@code /proc}, at most every {@link #LOOK_EVERY_NANOS}: a dead worker
     * then counts with what it had used a moment before, at a fraction of the reads.
     */
    void look() {
      long now = System.nanoTime();
      if (now - lookedAt >= LOOK_EVERY_NANOS) {
        lookedAt = now;
        cpuSeen = Math.max(cpuSeen, JvmStats.cpuNanos(proc.resolve("stat")));
        rssSeen = Math.max(rssSeen, JvmStats.peakRssKb(proc.resolve("status")));
      }
    }

    /**
     * Sends the task unless it was sent ahead, and the next one ahead when known, then reads the task's
     * report. The worker reads its requests in order, so the next one waits in the pipe until it is free.
     */
    byte[] exchange(Task task, boolean sent, Optional<Task> next) throws IOException {
      if (!sent) {
        WorkerProtocol.writeRequest(toWorker, task);
      }
      if (next.isPresent()) {
        WorkerProtocol.writeRequest(toWorker, next.get());
      }
      WorkerProtocol.Reply reply = WorkerProtocol.readReply(fromWorker);
      if (reply.kind() == WorkerProtocol.BARE_REPORT) {
        return StateStore.reportEntry(ReportCodec.decode(reply.payload()));
      }
      if (reply.kind() != WorkerProtocol.REPORT) {
        throw new IOException("worker sent reply kind " + reply.kind() + " instead of a report");
      }
      return reply.payload();
    }
  }

  private final Launcher launcher;
  // One thread per lane does the pipe I/O, so the lane thread can wait on it with a time limit.
  private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "nianbao-worker-io");
    t.setDaemon(true);
    return t;
  });
  private Worker worker;
  /** The task sent ahead to {@link #worker} with the last one, not yet asked for. */
  private Task sentAhead;
  private boolean started;
  private JvmStats stats = JvmStats.NONE;

  private ForkedLane(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Outcome process(Task task, Optional<Task> next, int remaining) throws WorkerStartException {
    // a task sent ahead to a worker that has since been stopped is sent again, to its successor
    boolean sent = task == sentAhead && worker != null;
    sentAhead = null;
    if (worker == null) {
      try {
        worker = start(remaining);
        started = true;
      } catch (WorkerStartException e) {
        if (!started) {
          throw e;
        }
        return Outcome.failed(task, Messages.text("error.worker_start", String.valueOf(e.getMessage())));
      }
    }
    Worker current = worker;
    Future<byte[]> reply = io.submit(() -> current.exchange(task, sent, next));
    sentAhead = next.orElse(null);
    Duration limit = ScanAllowance.limit(task, launcher.timeout());
    try {
      Outcome done = Outcome.of(reply.get(limit.toMillis(), TimeUnit.MILLISECONDS), false);
      current.look();
      return done;
    } catch (TimeoutException e) {
      stop(current);
      return Outcome.failed(task, Outcomes.timeout(limit));
    } catch (ExecutionException e) {
      return Outcome.failed(task, crashReason(current, e.getCause()));
    } catch (IOException e) {
      stop(current);
      return Outcome.failed(task, Messages.text("error.worker_crashed", String.valueOf(e.getMessage())));
    } catch (InterruptedException e) {
      stop(current);
      Thread.currentThread().interrupt();
      return Outcome.failed(task, "interrupted");
    }
  }

  private Worker start(int remaining) throws WorkerStartException {
    Optional<ClassArchive.Dump> dump = launcher.classes().claimDump();
    List<String> archiveFlags = dump.map(ClassArchive.Dump::flags).orElseGet(launcher.classes()::useFlags);
    Process process;
    try {
      Files.createDirectories(launcher.log().toAbsolutePath().getParent());
      List<String> command = launcher.command(remaining, archiveFlags);
      LOG.info("starting a worker: {}", String.join(" ", command));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(launcher.log().toFile()));
      // OCR: one thread per worker, as everything else in it; the lanes already use every core
      builder.environment().putIfAbsent("OMP_THREAD_LIMIT", "1");
      process = builder.start();
    } catch (IOException e) {
      dump.ifPresent(ClassArchive.Dump::abandon);
      throw new WorkerStartException("cannot start a worker JVM: " + e.getMessage(), e);
    }
    Worker started = new Worker(process, dump);
    Future<WorkerProtocol.Reply> hello = io.submit(() -> WorkerProtocol.readReply(started.fromWorker));
    try {
      WorkerProtocol.Reply reply = hello.get(launcher.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (reply.kind() == WorkerProtocol.READY) {
        return started;
      }
      process.destroyForcibly();
      dump.ifPresent(ClassArchive.Dump::abandon);
      throw new WorkerStartException(new String(reply.payload(), StandardCharsets.UTF_8), null);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      dump.ifPresent(ClassArchive.Dump::abandon);
      throw new WorkerStartException("worker did not start: " + (e.getCause() == null ? e : e.getCause()), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      dump.ifPresent(ClassArchive.Dump::abandon);
      Thread.currentThread().interrupt();
      throw new WorkerStartException("interrupted while starting a worker", e);
    }
  }

  /** Why the pipe broke: the worker's exit status says more than the broken pipe. */
  private String crashReason(Worker broken, Throwable cause) {
    Optional<Integer> exit = exitStatus(broken.process);
    stop(broken);
    if (exit.isEmpty()) {
      return Messages.text("error.worker_crashed", String.valueOf(cause.getMessage()));
    }
    int status = exit.get();
    LOG.warn("a worker ended with exit status {}", status);
    if (status == OOM_EXIT) {
      return Messages.text("error.worker_oom");
    }
    return status > 128
        ? Messages.text("error.worker_signal", String.valueOf(status - 128))
        : Messages.text("error.worker_exit", String.valueOf(status));
  }

  private static Optional<Integer> exitStatus(Process process) {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Ends a worker that cannot finish its document; what it cost so far is read from /proc first. */
  private void stop(Worker w) {
    stats = stats.plus(new JvmStats(Math.max(w.cpuSeen, JvmStats.cpuNanos(w.proc.resolve("stat"))), 0,
        Math.max(w.rssSeen, JvmStats.peakRssKb(w.proc.resolve("status"))), 0));
    w.process.destroyForcibly();
    w.dump.ifPresent(ClassArchive.Dump::abandon);
    if (w == worker) {
      worker = null;
      sentAhead = null;
    }
  }

  @Override
  public JvmStats stats() {
    return stats;
  }

  /** Ends the worker by closing its input, so it can report what it cost before it exits. */
  @Override
  public void close() {
    Worker w = worker;
    if (w != null) {
      Future<WorkerProtocol.Reply> reply = io.submit(() -> {
        w.toWorker.close();
        return WorkerProtocol.readReply(w.fromWorker);
      });
      try {
        WorkerProtocol.Reply last = reply.get(10, TimeUnit.SECONDS);
        if (last.kind() == WorkerProtocol.STATS) {
          stats = stats.plus(JvmStats.decode(last.payload()));
        }
        // a worker writing the class archive takes a few seconds more to exit
        boolean ended = w.process.waitFor(w.dump.isPresent() ? 60 : 10, TimeUnit.SECONDS);
        if (ended && w.process.exitValue() == 0) {
          w.dump.ifPresent(ClassArchive.Dump::complete);
        }
      } catch (ExecutionException | TimeoutException e) {
        // a worker that cannot say goodbye is ended below all the same
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      w.process.destroyForcibly();
      w.dump.ifPresent(ClassArchive.Dump::abandon);
      worker = null;
    }
    io.shutdownNow();
  }
}
