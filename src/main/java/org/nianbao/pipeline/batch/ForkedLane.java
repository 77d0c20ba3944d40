package org.nianbao.pipeline.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nianbao.model.Report;

/**
 * A lane backed by a worker JVM. The document's time limit is enforced from here: a worker over it is
 * killed and replaced, and so is one that dies (out of memory, crash); the document gets a failed report
 * with the reason and the batch goes on.
 */
final class ForkedLane implements Lane {
  /** The exit status HotSpot uses for {@code -XX:+ExitOnOutOfMemoryError}. */
  private static final int OOM_EXIT = 3;

  /**
   * How a worker JVM is started.
   *
   * @param heapMb {@code -Xmx} of each worker
   * @param startTimeout how long building the processor may take
   * @param log where workers' stderr goes (library warnings, crash messages)
   */
  record Launcher(ProcessorSpec processor, int heapMb, Duration timeout, Duration startTimeout, Path log,
      boolean quickCompile)
      implements Lane.Factory {
    @Override
    public Lane open() throws WorkerStartException {
      return new ForkedLane(this);
    }

    List<String> command() {
      List<String> cmd = new ArrayList<>();
      cmd.add(javaBinary());
      cmd.add("-Xmx" + heapMb + "m");
      cmd.add("-XX:+ExitOnOutOfMemoryError");
      cmd.add("-XX:+UseSerialGC");
      if (quickCompile) {
        // With several workers on few cores, each JVM's optimizing (C2) compiler competes with the other
        // workers for the same cores; measured on 2 cores, 4000 documents: 2 workers took 38.3 s with C2 and
        // 28.3 s with C1 only, one worker 33.6 s with C2 (README, Benchmarks).
        cmd.add("-XX:TieredStopAtLevel=1");
      }
      cmd.add("-Djava.awt.headless=true");
      // tuning hook for benchmarks: extra worker JVM options, e.g. -Dnianbao.worker.jvmArgs="-XX:TieredStopAtLevel=1"
      for (String extra : System.getProperty("nianbao.worker.jvmArgs", "").trim().split("\\s+")) {
        if (!extra.isEmpty()) {
          cmd.add(extra);
        }
      }
      // library logging has no backend here: keep the worker log to what matters
      cmd.add("-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
      cmd.add("-Dlog4j2.simplelogLevel=OFF");
      cmd.add("-Dslf4j.internal.verbosity=ERROR");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(WorkerMain.class.getName());
      cmd.add(processor.className());
      processor.mappings().ifPresent(m -> cmd.add(m.toAbsolutePath().toString()));
      return cmd;
    }

    private static String javaBinary() {
      return ProcessHandle.current().info().command()
          .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
  }

  /** One running worker JVM and its pipe. */
  private static final class Worker {
    final Process process;
    final DataOutputStream toWorker;
    final DataInputStream fromWorker;

    Worker(Process process) {
      this.process = process;
      this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    Report exchange(Task task) throws IOException {
      WorkerProtocol.writeRequest(toWorker, task.source(), task.bytes());
      WorkerProtocol.Reply reply = WorkerProtocol.readReply(fromWorker);
      if (reply.kind() != WorkerProtocol.REPORT) {
        throw new IOException("worker sent reply kind " + reply.kind() + " instead of a report");
      }
      return ReportCodec.decode(reply.payload());
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
  private long peakRssKb;
  private long peakHeapBytes;

  private ForkedLane(Launcher launcher) throws WorkerStartException {
    this.launcher = launcher;
    this.worker = start();
  }

  @Override
  public Report process(Task task) {
    if (worker == null) {
      try {
        worker = start();
      } catch (WorkerStartException e) {
        return Outcomes.failed(task.id(), task.source(), task.bytes(), "worker could not start: " + e.getMessage());
      }
    }
    Worker current = worker;
    Future<Report> reply = io.submit(() -> current.exchange(task));
    try {
      return Outcomes.withSource(reply.get(launcher.timeout().toMillis(), TimeUnit.MILLISECONDS), task.source());
    } catch (TimeoutException e) {
      stop(current);
      return Outcomes.failed(task.id(), task.source(), task.bytes(), Outcomes.timeout(launcher.timeout()));
    } catch (ExecutionException e) {
      return Outcomes.failed(task.id(), task.source(), task.bytes(), crashReason(current, e.getCause()));
    } catch (InterruptedException e) {
      stop(current);
      Thread.currentThread().interrupt();
      return Outcomes.failed(task.id(), task.source(), task.bytes(), "interrupted");
    }
  }

  private Worker start() throws WorkerStartException {
    Process process;
    try {
      Files.createDirectories(launcher.log().toAbsolutePath().getParent());
      process = new ProcessBuilder(launcher.command())
          .redirectError(ProcessBuilder.Redirect.appendTo(launcher.log().toFile()))
          .start();
    } catch (IOException e) {
      throw new WorkerStartException("cannot start a worker JVM: " + e.getMessage(), e);
    }
    Worker started = new Worker(process);
    Future<WorkerProtocol.Reply> hello = io.submit(() -> WorkerProtocol.readReply(started.fromWorker));
    try {
      WorkerProtocol.Reply reply = hello.get(launcher.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (reply.kind() == WorkerProtocol.READY) {
        return started;
      }
      process.destroyForcibly();
      throw new WorkerStartException(new String(reply.payload(), StandardCharsets.UTF_8), null);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      throw new WorkerStartException("worker did not start: " + (e.getCause() == null ? e : e.getCause()), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new WorkerStartException("interrupted while starting a worker", e);
    }
  }

  /** Why the pipe broke: the worker's exit status says more than the broken pipe. */
  private String crashReason(Worker broken, Throwable cause) {
    Optional<Integer> exit = exitStatus(broken.process);
    stop(broken);
    if (exit.isEmpty()) {
      return "worker crashed: " + cause.getMessage();
    }
    int status = exit.get();
    if (status == OOM_EXIT) {
      return "worker crashed: out of memory";
    }
    return status > 128
        ? String.format(Locale.ROOT, "worker crashed: killed by signal %d", status - 128)
        : String.format(Locale.ROOT, "worker crashed: exit status %d", status);
  }

  private static Optional<Integer> exitStatus(Process process) {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private void stop(Worker w) {
    recordRss(w.process);
    w.process.destroyForcibly();
    if (w == worker) {
      worker = null;
    }
  }

  private void recordRss(Process process) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"),
          StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc (not Linux) or the process is gone: the peak stays unknown
    }
  }

  @Override
  public long peakRssKb() {
    return peakRssKb;
  }

  @Override
  public long peakHeapBytes() {
    return peakHeapBytes;
  }

  /** Ends the worker by closing its input, so it can report its peak heap before it exits. */
  @Override
  public void close() {
    Worker w = worker;
    if (w != null) {
      recordRss(w.process);
      Future<WorkerProtocol.Reply> stats = io.submit(() -> {
        w.toWorker.close();
        return WorkerProtocol.readReply(w.fromWorker);
      });
      try {
        WorkerProtocol.Reply reply = stats.get(10, TimeUnit.SECONDS);
        if (reply.kind() == WorkerProtocol.STATS) {
          peakHeapBytes = Math.max(peakHeapBytes, ByteBuffer.wrap(reply.payload()).getLong());
        }
        w.process.waitFor(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // a worker that cannot say goodbye is ended below all the same
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      w.process.destroyForcibly();
      worker = null;
    }
    io.shutdownNow();
  }
}
