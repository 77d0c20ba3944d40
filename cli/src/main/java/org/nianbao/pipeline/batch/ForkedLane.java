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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nianbao.model.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lane backed by a worker JVM, started when the lane gets its first document. Up to {@link #MAX_SLOTS} lanes
 * share one worker, which reads their documents at once on as many threads: a second JVM would load, warm up
 * and compile the same readers again, about three CPU-s that the cores spend on documents instead.
 *
 * <p>The document's time limit is enforced from here: a worker over it is killed and replaced, and so is one
 * that dies (out of memory, crash); the document gets a failed report with the reason and the batch goes on.
 * A document that could not be blamed alone is given a second chance: when a shared worker dies with more
 * than one document unanswered, each of them is read again by a worker of its own, whose outcome stands; the
 * documents of the other lanes of a worker stopped for a document over its time are sent to its successor.
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
   * Most lanes one worker JVM serves. Its collector (serial) stops every slot while it runs, and a crash ends
   * every document in it: two slots share the start and the compiled code at little cost of either.
   */
  static final int MAX_SLOTS = 2;

  /**
   * How a worker JVM is started.
   *
   * @param heapMb {@code -Xmx} of each worker slot
   * @param jobs how many lanes share the machine, for the compiler policy and the slots of each worker
   * @param startTimeout how long building the processor may take
   * @param log where workers' stderr goes (library warnings, crash messages)
   * @param classes the shared class archive, when the run has one
   * @param pool the worker whose slots the next lane takes
   */
  record Launcher(ProcessorSpec processor, ZipLimits limits, int heapMb, int jobs, Duration timeout,
      Duration startTimeout, Path log, Verbosity verbosity, ClassArchive classes, Pool pool) implements Lane.Factory {
    Launcher(ProcessorSpec processor, ZipLimits limits, int heapMb, int jobs, Duration timeout,
        Duration startTimeout, Path log, Verbosity verbosity, ClassArchive classes) {
      this(processor, limits, heapMb, jobs, timeout, startTimeout, log, verbosity, classes, new Pool());
    }

    @Override
    public int sharing() {
      return Math.max(1, Math.min(MAX_SLOTS, jobs));
    }

    /** A lane on the worker being filled, or on a new one when that is full. */
    @Override
    public Lane open() {
      return new ForkedLane(this, pool.join(this));
    }

    List<String> command(int remaining, List<String> archiveFlags, int slots) {
      List<String> cmd = new ArrayList<>();
      cmd.add(javaBinary());
      cmd.add("-Xmx" + (long) heapMb * slots + "m");
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
      if (slots > 1) {
        cmd.add(WorkerMain.SLOTS + slots);
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

  /** Hands lanes the slots of one worker until it has {@link #MAX_SLOTS}, then starts filling another. */
  static final class Pool {
    private Group filling;
    private int lanes;

    synchronized Group join(Launcher launcher) {
      if (filling == null || filling.members == filling.slots) {
        filling = new Group(launcher, Math.max(1, Math.min(launcher.sharing(), launcher.jobs() - lanes)));
      }
      lanes++;
      filling.members++;
      return filling;
    }
  }

  /** Why a worker stopped answering: it died, or the batch stopped it. */
  private static final class Ended extends IOException {
    private static final long serialVersionUID = 1L;
    /** Requests it had not answered when it ended, this one included. */
    final int unanswered;
    /** The document is not to blame: the batch stopped the worker for another one, or it never reached it. */
    final boolean stopped;

    Ended(Throwable cause, int unanswered, boolean stopped) {
      super(String.valueOf(cause.getMessage()), cause);
      this.unanswered = unanswered;
      this.stopped = stopped;
    }
  }

  /** One running worker JVM, its pipe, and the replies its lanes wait for. */
  private static final class Worker {
    private static final long LOOK_EVERY_NANOS = 200_000_000L;

    final Process process;
    final DataOutputStream toWorker;
    final DataInputStream fromWorker;
    final Optional<ClassArchive.Dump> dump;
    final Path proc;
    final CompletableFuture<WorkerProtocol.Reply> hello = new CompletableFuture<>();
    final CompletableFuture<WorkerProtocol.Reply> goodbye = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<WorkerProtocol.Reply>> pending = new HashMap<>();
    private int tags;
    private boolean ended;
    private boolean stopping;
    /**
     * Its CPU and peak memory when it last finished a document, from {@code /proc}: a worker that dies (out
     * of memory, killed) is reaped before anything can be read, and would otherwise count as costing nothing.
     */
    long cpuSeen;
    long rssSeen;
    private long lookedAt = System.nanoTime() - LOOK_EVERY_NANOS;
    private Optional<String> crashReason;

    Worker(Process process, Optional<ClassArchive.Dump> dump) {
      this.proc = Path.of("/proc", Long.toString(process.pid()));
      this.process = process;
      this.dump = dump;
      this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
      Thread reader = new Thread(this::read, "nianbao-worker-io");
      reader.setDaemon(true);
      reader.start();
    }

    /** Hands each reply to whoever waits for it, until the pipe ends. */
    private void read() {
      try {
        while (true) {
          WorkerProtocol.Reply reply = WorkerProtocol.readReply(fromWorker);
          switch (reply.kind()) {
            case WorkerProtocol.READY, WorkerProtocol.START_FAILED -> hello.complete(reply);
            case WorkerProtocol.STATS -> goodbye.complete(reply);
            default -> {
              CompletableFuture<WorkerProtocol.Reply> waiting;
              synchronized (this) {
                waiting = pending.remove(reply.tag());
              }
              if (waiting == null) {
                throw new IOException("worker answered request " + reply.tag() + ", which it was not sent");
              }
              waiting.complete(reply);
            }
          }
        }
      } catch (IOException e) {
        end(e);
      }
    }

    private synchronized void end(Throwable cause) {
      if (ended) {
        return;
      }
      ended = true;
      Ended why = new Ended(cause, pending.size(), stopping);
      hello.completeExceptionally(why);
      goodbye.completeExceptionally(why);
      pending.values().forEach(f -> f.completeExceptionally(why));
      pending.clear();
    }

    /** Sends a document; its reply, or the worker's end, completes the result. */
    synchronized CompletableFuture<WorkerProtocol.Reply> send(Task task) {
      CompletableFuture<WorkerProtocol.Reply> reply = new CompletableFuture<>();
      if (ended) {
        // it ended before this document reached it: the document goes to its successor, as if stopped
        reply.completeExceptionally(new Ended(new IOException("worker ended"), 1, true));
        return reply;
      }
      int tag = ++tags;
      pending.put(tag, reply);
      try {
        WorkerProtocol.writeRequest(toWorker, tag, task);
      } catch (IOException e) {
        end(e);
      }
      return reply;
    }

    synchronized void markStopping() {
      stopping = true;
    }

    /**
     * Reads its CPU and peak memory from {@code /proc}, at most every {@link #LOOK_EVERY_NANOS}: a dead worker
     * then counts with what it had used a moment before, at a fraction of the reads.
     */
    synchronized void look() {
      long now = System.nanoTime();
      if (now - lookedAt >= LOOK_EVERY_NANOS) {
        lookedAt = now;
        cpuSeen = Math.max(cpuSeen, JvmStats.cpuNanos(proc.resolve("stat")));
        rssSeen = Math.max(rssSeen, JvmStats.peakRssKb(proc.resolve("status")));
      }
    }

    /** Why it died, from its exit status; asked once, whichever lane asks first. */
    synchronized String crashReason(Throwable cause) {
      if (crashReason == null) {
        crashReason = exitStatus(process).map(status -> {
          LOG.warn("a worker ended with exit status {}", status);
          if (status == OOM_EXIT) {
            return Messages.text("error.worker_oom");
          }
          return status > 128
              ? Messages.text("error.worker_signal", String.valueOf(status - 128))
              : Messages.text("error.worker_exit", String.valueOf(status));
        });
      }
      return crashReason.orElseGet(() -> Messages.text("error.worker_crashed", String.valueOf(cause.getMessage())));
    }
  }

  /** One worker JVM at a time, shared by the lanes that joined it; replaced when it dies or is stopped. */
  private static final class Group {
    final Launcher launcher;
    final int slots;
    int members;
    private Worker worker;
    private boolean started;
    private JvmStats stats = JvmStats.NONE;

    Group(Launcher launcher, int slots) {
      this.launcher = launcher;
      this.slots = slots;
    }

    /** The running worker, started first when there is none. */
    synchronized Worker worker(int remaining) throws WorkerStartException {
      if (worker == null) {
        worker = start(remaining);
        started = true;
      }
      return worker;
    }

    synchronized boolean everStarted() {
      return started;
    }

    private Worker start(int remaining) throws WorkerStartException {
      Optional<ClassArchive.Dump> dump = launcher.classes().claimDump();
      List<String> archiveFlags = dump.map(ClassArchive.Dump::flags).orElseGet(launcher.classes()::useFlags);
      Process process;
      try {
        Files.createDirectories(launcher.log().toAbsolutePath().getParent());
        List<String> command = launcher.command(remaining, archiveFlags, slots);
        LOG.info("starting a worker: {}", String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(launcher.log().toFile()));
        // OCR: one thread per slot, as everything else in it; the lanes already use every core
        builder.environment().putIfAbsent("OMP_THREAD_LIMIT", "1");
        process = builder.start();
      } catch (IOException e) {
        dump.ifPresent(ClassArchive.Dump::abandon);
        throw new WorkerStartException("cannot start a worker JVM: " + e.getMessage(), e);
      }
      Worker started = new Worker(process, dump);
      try {
        WorkerProtocol.Reply reply = started.hello.get(launcher.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
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

    /** Ends a worker that cannot finish its documents; what it cost so far is read from /proc first. */
    synchronized void stop(Worker w) {
      if (w != worker) {
        return;
      }
      w.markStopping();
      stats = stats.plus(new JvmStats(Math.max(w.cpuSeen, JvmStats.cpuNanos(w.proc.resolve("stat"))), 0,
          Math.max(w.rssSeen, JvmStats.peakRssKb(w.proc.resolve("status"))), 0));
      w.process.destroyForcibly();
      w.dump.ifPresent(ClassArchive.Dump::abandon);
      worker = null;
    }

    /**
     * A lane leaves; the last one ends the worker by closing its input, so it can report what it cost before
     * it exits, and takes the group's costs.
     */
    synchronized JvmStats leave() {
      members--;
      if (members > 0) {
        return JvmStats.NONE;
      }
      Worker w = worker;
      worker = null;
      if (w != null) {
        try {
          w.toWorker.close();
          WorkerProtocol.Reply last = w.goodbye.get(10, TimeUnit.SECONDS);
          stats = stats.plus(JvmStats.decode(last.payload()));
          // a worker writing the class archive takes a few seconds more to exit
          boolean exited = w.process.waitFor(w.dump.isPresent() ? 60 : 10, TimeUnit.SECONDS);
          if (exited && w.process.exitValue() == 0) {
            w.dump.ifPresent(ClassArchive.Dump::complete);
          }
        } catch (IOException | ExecutionException | TimeoutException e) {
          // a worker that cannot say goodbye is ended below all the same
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        w.process.destroyForcibly();
        w.dump.ifPresent(ClassArchive.Dump::abandon);
      }
      return stats;
    }
  }

  private final Launcher launcher;
  private final Group group;
  /** A task sent to the worker ahead of its turn, and its reply to come. */
  private record Sent(Task task, CompletableFuture<WorkerProtocol.Reply> reply) {}

  /** Tasks sent ahead of their turn, with their replies to come, and the worker they went to. */
  private final List<Sent> sentAhead = new ArrayList<>();
  private Worker sentTo;
  private JvmStats stats = JvmStats.NONE;

  private ForkedLane(Launcher launcher, Group group) {
    this.launcher = launcher;
    this.group = group;
  }

  /**
   * Two tasks ahead when this lane renders its reports' rows (its worker then reads a short document faster
   * than the lane stores the one before, and with one task ahead it waited for the next), else one.
   */
  @Override
  public int ahead() {
    return launcher.batchRenders() ? 2 : 1;
  }

  @Override
  public Outcome process(Task task, List<Task> ahead, int remaining) throws WorkerStartException {
    Worker w;
    try {
      w = group.worker(remaining);
    } catch (WorkerStartException e) {
      if (!group.everStarted()) {
        throw e;
      }
      return Outcome.failed(task, Messages.text("error.worker_start", String.valueOf(e.getMessage())));
    }
    // a task sent ahead to a worker that has since ended is sent again, to its successor
    if (sentTo != w) {
      sentAhead.clear();
      sentTo = w;
    }
    CompletableFuture<WorkerProtocol.Reply> reply = null;
    for (int i = 0; i < sentAhead.size() && reply == null; i++) {
      if (sentAhead.get(i).task() == task) {
        reply = sentAhead.remove(i).reply();
      }
    }
    if (reply == null) {
      reply = w.send(task);
    }
    for (Task t : ahead) {
      if (sentAhead.stream().noneMatch(s -> s.task() == t)) {
        sentAhead.add(new Sent(t, w.send(t)));
      }
    }
    Duration limit = ScanAllowance.limit(task, launcher.timeout());
    try {
      Outcome done = Outcome.of(entry(reply.get(limit.toMillis(), TimeUnit.MILLISECONDS)), false);
      w.look();
      return done;
    } catch (TimeoutException e) {
      group.stop(w);
      return Outcome.failed(task, Outcomes.timeout(limit));
    } catch (ExecutionException e) {
      Ended ended = e.getCause() instanceof Ended x ? x : new Ended(e.getCause(), 1, false);
      if (ended.stopped) {
        // stopped for another lane's document: this one is read by the worker that replaces it
        group.stop(w);
        return process(task, List.of(), remaining);
      }
      String reason = w.crashReason(ended.getCause());
      group.stop(w);
      if (group.slots > 1 && ended.unanswered > 1) {
        return alone(task, remaining);
      }
      return Outcome.failed(task, reason);
    } catch (IOException e) {
      group.stop(w);
      return Outcome.failed(task, Messages.text("error.worker_crashed", String.valueOf(e.getMessage())));
    } catch (InterruptedException e) {
      group.stop(w);
      Thread.currentThread().interrupt();
      return Outcome.failed(task, "interrupted");
    }
  }

  private static Optional<Integer> exitStatus(Process process) {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The state entry in a report reply; a bare report gets its rows rendered here. */
  private static byte[] entry(WorkerProtocol.Reply reply) throws IOException {
    if (reply.kind() == WorkerProtocol.BARE_REPORT) {
      return StateStore.reportEntry(ReportCodec.decode(reply.payload()));
    }
    if (reply.kind() != WorkerProtocol.REPORT) {
      throw new IOException("worker sent reply kind " + reply.kind() + " instead of a report");
    }
    return reply.payload();
  }

  /**
   * A document that was in a shared worker when it died, with others: it is read again by a worker of its own,
   * so that a document is failed only for what it did itself.
   */
  private Outcome alone(Task task, int remaining) {
    Group own = new Group(launcher, 1);
    own.members = 1;
    ForkedLane solo = new ForkedLane(launcher, own);
    try {
      return solo.process(task, List.of(), remaining);
    } catch (WorkerStartException e) {
      return Outcome.failed(task, Messages.text("error.worker_start", String.valueOf(e.getMessage())));
    } finally {
      solo.close();
      stats = stats.plus(solo.stats());
    }
  }

  /** What this lane's workers cost: its share of one shared worker is counted by the last lane to leave it. */
  @Override
  public JvmStats stats() {
    return stats;
  }

  @Override
  public void close() {
    stats = stats.plus(group.leave());
  }
}
