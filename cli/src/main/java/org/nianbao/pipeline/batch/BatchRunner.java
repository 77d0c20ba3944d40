package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Messages;
import org.nianbao.model.Severity;
import org.nianbao.pipeline.Corrections;
import org.nianbao.write.FormulaGuard;
import org.nianbao.write.JsonLines;
import org.nianbao.write.ReviewWriter;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Status;
import org.nianbao.validate.CrossReportChecks;
import org.nianbao.write.CsvFiles;
import org.nianbao.write.CsvRows;
import org.nianbao.write.OutputSet;
import org.nianbao.write.ReportFiles;
import org.nianbao.write.XlsxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one extraction over all inputs, alone in its output folder (a lock keeps a second run out). The
 * walking thread streams inputs in their deterministic order, hashes them and decides what each needs
 * (already done, refused, empty, duplicate, or extraction); {@code jobs} lane threads hand documents by
 * name to their workers, which read and extract them and send back the state entry (report and rendered
 * rows). Every entry goes to the state folder at once; the memory of this JVM holds names, hashes and the
 * small summaries the cross-report checks need, never a document or a report. The output files are
 * assembled from the state in one pass at the end and replace the previous set as a whole.
 */
public final class BatchRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);
  private static final Task STOP = new Task("", Outcomes.UNREAD, new Location.InFile(Path.of("")), new byte[0], false);

  private final BatchOptions options;
  private final Lane.Factory lanes;

  public BatchRunner(BatchOptions options) {
    this(options, null);
  }

  /** @param lanes the lanes to use instead of worker JVMs (tests) */
  BatchRunner(BatchOptions options, Lane.Factory lanes) {
    this.options = options;
    this.lanes = lanes;
    this.filter = filter(options.include(), options.exclude());
  }

  /** The reviewer's corrections: the reports they name are extracted again on a resumed run. */
  private Corrections corrections = Corrections.NONE;
  /** The reports extracted again on a resumed run: those corrections name now or named in an earlier run. */
  private Set<String> redo = Set.of();
  /** --include/--exclude, on an input's source path or its file name. */
  private final java.util.function.Predicate<String> filter;

  /** The files the walk met, for the review pages. */
  private final DocumentSources documents = new DocumentSources();

  static java.util.function.Predicate<String> filter(List<String> include, List<String> exclude) {
    List<java.nio.file.PathMatcher> in = include.stream()
        .map(g -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    List<java.nio.file.PathMatcher> out = exclude.stream()
        .map(g -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    return source -> {
      String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('!')) + 1);
      Path whole = Path.of(source.replace("!/", "/"));
      Path file = Path.of(name.isEmpty() ? source : name);
      java.util.function.Predicate<java.nio.file.PathMatcher> hits = m -> m.matches(whole) || m.matches(file);
      return (in.isEmpty() || in.stream().anyMatch(hits)) && out.stream().noneMatch(hits);
    };
  }

  /** Where an input's outcome is kept, and the order rows are written in: by source, then report id. */
  private record IndexEntry(String source, ReportId id, String key) {}

  public BatchResult run(RunListener listener) throws IOException, InterruptedException {
    corrections = options.processor().corrections().isPresent()
        ? Corrections.load(options.processor().corrections().get()) : Corrections.NONE;
    Instant start = Instant.now();
    Path out = options.out();
    Files.createDirectories(out);
    try (RunLock lock = RunLock.acquire(StateStore.folder(out), out)) {
      return runLocked(listener, start);
    } catch (RunLock.Busy busy) {
      return new BatchResult.NotStarted(busy.getMessage());
    }
  }

  private BatchResult runLocked(RunListener listener, Instant start) throws IOException, InterruptedException {
    Path out = options.out();
    StateStore store = StateStore.open(out, options.resume());
    Path staging = store.temp().resolve("output");
    OutputSet.recover(out, staging);
    store.clearTemp();
    removeOldTemporaryFiles(out);
    StateStore.Made before = store.made();
    String settings = settings();
    Set<String> finished = store.finishedKeys(options.retryFailed());
    if (options.resume() && !before.settings().equals(settings) && !finished.isEmpty()) {
      LOG.info("the earlier run was made with other settings ({} instead of {}): every input is extracted again",
          before.settings().isEmpty() ? "unrecorded" : before.settings(), settings);
      finished = Set.of();
    }
    // a report corrected in an earlier run is made again, in case its correction was withdrawn
    Set<String> named = corrections.reportIds();
    Set<String> redo = new HashSet<>(named);
    redo.addAll(before.corrected());
    this.redo = Set.copyOf(redo);
    store.made(new StateStore.Made(settings, redo));
    int total = InputWalker.count(options.inputs());
    listener.totalChanged(total);

    Lane.Factory factory = lanes != null ? lanes
        : new ForkedLane.Launcher(options.processor(), options.limits(), options.workerHeapMb(), options.jobs(),
            options.timeout(), Duration.ofMinutes(2), StateStore.folder(out).resolve("workers.log"),
            options.verbosity(), ClassArchive.forThisJvm(ClassArchive.WORKER));
    Dispatch dispatch = new Dispatch(store, finished, listener, total, new LanePlan(options.jobs(), total, factory.sharing()));
    Lanes lanes = new Lanes(dispatch, factory);
    try {
      new InputWalker(options.limits(), store.temp().resolve("spool")).walk(options.inputs(), dispatch);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (Dispatch.Stopped e) {
      LOG.debug("walk stopped: {}", e.getMessage());
    } finally {
      lanes.finish();
    }
    if (dispatch.startFailure.get() != null) {
      store.clearTemp();
      return new BatchResult.NotStarted(dispatch.startFailure.get().getMessage());
    }
    if (dispatch.failure.get() != null) {
      throw dispatch.failure.get();
    }
    List<IndexEntry> index = dispatch.index;
    index.sort(Comparator.comparing(IndexEntry::source).thenComparing(e -> e.id().hex()));
    BatchSummary summary = assemble(store, staging, dispatch, Duration.between(start, Instant.now()));
    store.made(new StateStore.Made(settings, named));
    store.clearTemp();
    return new BatchResult.Completed(summary);
  }

  /**
   * The settings every stored report depends on: the language of its messages and the mapping files (by the
   * digest of their names and bytes).
   */
  private String settings() throws IOException {
    StringBuilder sb = new StringBuilder("lang=").append(Messages.language()).append(" mappings=");
    Optional<Path> dir = options.processor().mappings();
    if (dir.isEmpty()) {
      return sb.append("built-in").toString();
    }
    try (Stream<Path> files = Files.walk(dir.get())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        digest.update(dir.get().relativize(p).toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(p));
      }
      return sb.append(HexFormat.of().formatHex(digest.digest(), 0, 8)).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Temporary files that runs of earlier versions left beside the outputs when they were killed. */
  private static void removeOldTemporaryFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      for (Path p : files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp") && OutputSet.isOutputName(
            name.substring(1).replaceFirst("\\.(csv|xlsx)[0-9]*\\.tmp$", ".$1"));
      }).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The lane threads: as many as the plan wants at the start, more as it asks for them, all ended by the walk. */
  private static final class Lanes {
    private static final long LOOK_MILLIS = 100;
    private final Dispatch dispatch;
    private final Lane.Factory factory;
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;

    Lanes(Dispatch dispatch, Lane.Factory factory) {
      this.dispatch = dispatch;
      this.factory = factory;
      for (int i = 0; i < dispatch.plan.atStart(); i++) {
        open();
      }
      if (threads.size() < dispatch.plan.max()) {
        Thread watch = new Thread(this::watch, "nianbao-lanes");
        watch.setDaemon(true);
        watch.start();
      }
    }

    private synchronized void open() {
      if (closed) {
        return;
      }
      Thread t = new Thread(() -> dispatch.drain(factory.open()), "nianbao-lane-" + threads.size());
      t.start();
      threads.add(t);
    }

    private void watch() {
      try {
        while (true) {
          Thread.sleep(LOOK_MILLIS);
          synchronized (this) {
            if (closed || threads.size() >= dispatch.plan.max()) {
              return;
            }
            if (dispatch.plan.another(threads.size(), dispatch.remaining(), System.nanoTime())) {
              open();
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** After the walk: no more lanes; each open one gets its stop and is waited for. */
    void finish() throws InterruptedException {
      List<Thread> all;
      synchronized (this) {
        closed = true;
        all = List.copyOf(threads);
      }
      for (int i = 0; i < all.size(); i++) {
        dispatch.queue.put(STOP);
      }
      for (Thread t : all) {
        t.join();
      }
    }
  }

  /** The walk's decisions, made on the walking thread, and the lanes' loop. */
  private final class Dispatch implements InputWalker.Visitor {
    /** Ends the walk early: no worker could start, or the state cannot be written. */
    static final class Stopped extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Stopped(String message) {
        super(message, null, false, false);
      }
    }

    final LanePlan plan;
    final StateStore store;
    final Set<String> finished;
    final RunListener listener;
    final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(options.jobs());
    final List<IndexEntry> index = new ArrayList<>();
    final AtomicReference<IOException> failure = new AtomicReference<>();
    final AtomicReference<WorkerStartException> startFailure = new AtomicReference<>();
    /** What the cross-report checks and the wide layouts need of each report, by state key. */
    final Map<String, CrossReportChecks.Summary> summaries = new ConcurrentHashMap<>();
    final Map<String, Set<String>> keys = new ConcurrentHashMap<>();
    /** Duplicates by state key, with the key of the input whose bytes they repeat. */
    final Map<String, String> duplicates = new HashMap<>();
    final AtomicInteger done = new AtomicInteger();
    // The same file named twice (or a zip entry repeated) is one input: same bytes, same source.
    private final Set<String> seenKeys = new HashSet<>();
    // Walk order decides which of several identical inputs is extracted; it is the same on every rerun.
    private final Map<ReportId, String> firstSource = new HashMap<>();
    private volatile int total;
    int resumed;
    private JvmStats workerStats = JvmStats.NONE;

    Dispatch(StateStore store, Set<String> finished, RunListener listener, int total, LanePlan plan) {
      this.plan = plan;
      this.store = store;
      this.finished = finished;
      this.listener = listener;
      this.total = total;
    }

    int remaining() {
      return Math.max(0, total - done.get());
    }

    @Override
    public void adjustTotal(int delta) {
      total += delta;
      listener.totalChanged(total);
    }

    @Override
    public void accept(Input input) throws InterruptedException {
      checkRunning();
      if (!filter.test(input.source())) {
        adjustTotal(-1);
        return;
      }
      try {
        if (input instanceof Input.Refused r) {
          settle(Outcomes.UNREAD, r.source(), Outcomes.refused(r.source(), r.reason()));
        } else if (input instanceof Input.Document d) {
          document(d);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void checkRunning() {
      if (startFailure.get() != null || failure.get() != null) {
        throw new Stopped(startFailure.get() != null ? startFailure.get().getMessage() : failure.get().toString());
      }
    }

    private void document(Input.Document d) throws IOException, InterruptedException {
      String source = d.source();
      if (d.size() == 0) {
        discard(d);
        settle(Outcomes.UNREAD, source, Outcomes.empty(source));
        return;
      }
      ReportId id = d.id();
      String key = StateStore.key(id, source);
      String first = firstSource.putIfAbsent(id, source);
      if (first != null) {
        discard(d);
        if (index(id, source, key)) {
          duplicates.put(key, StateStore.key(id, first));
          if (countResumed(key, false)) {
            store.putDuplicate(key, new StateStore.Duplicate(id, source, first));
            inputDone(source, false, false);
          }
        }
        return;
      }
      if (!index(id, source, key)) {
        discard(d);
        return;
      }
      if (finished.contains(key) && !redo.contains(id.text())) {
        if (options.review() && !d.spooled() && d.location() instanceof Location.InFile f) {
          documents.remember(source, f.path());
        }
        discard(d);
        StateStore.head(store.bytes(key), key).ifPresent(h -> remember(key, h));
        countResumed(key, true);
        return;
      }
      if (options.review() && !d.spooled() && d.location() instanceof Location.InFile f) {
        documents.remember(source, f.path());
      }
      Task task = new Task(source, id, d.location(), d.head(), d.spooled());
      while (!queue.offer(task, 200, TimeUnit.MILLISECONDS)) {
        checkRunning();
      }
    }

    /** True when this run has to do the input; an input an earlier run finished is counted and reported. */
    private boolean countResumed(String key, boolean known) {
      if (!known && !finished.contains(key)) {
        return true;
      }
      resumed++;
      inputDone("", false, true);
      return false;
    }

    private void discard(Input.Document d) throws IOException {
      if (d.spooled() && d.location() instanceof Location.InFile f) {
        Files.deleteIfExists(f.path());
      }
    }

    /** Records an input the walking thread can finish by itself: its report is already known. */
    private void settle(ReportId id, String source, Report report) throws IOException {
      String key = StateStore.key(id, source);
      if (!index(id, source, key)) {
        return;
      }
      byte[] entry = StateStore.reportEntry(report);
      remember(key, StateStore.head(entry, key).orElseThrow());
      if (countResumed(key, false)) {
        store.put(key, entry, false);
        inputDone(source, true, false);
      }
    }

    private void inputDone(String source, boolean failed, boolean wasResumed) {
      done.incrementAndGet();
      listener.inputDone(new RunListener.Done(source, failed, wasResumed));
    }

    private boolean index(ReportId id, String source, String key) {
      if (!seenKeys.add(key)) {
        return false;
      }
      index.add(new IndexEntry(source, id, key));
      return true;
    }

    void remember(String key, StateStore.Head head) {
      summaries.put(key, head.summary(key));
      keys.computeIfAbsent(head.summary().format(), f -> ConcurrentHashMap.newKeySet())
          .addAll(head.keys());
    }

    /** A lane thread's loop: extract, store, report, until told to stop or the run fails. */
    void drain(Lane lane) {
      try {
        // the tasks after this one, as many as the lane uses and are waiting, go to the worker with it: it
        // starts on them as soon as it is done, while this thread stores the outcome
        Deque<Task> ahead = new ArrayDeque<>();
        Task task = queue.take();
        while (task != STOP) {
          while (ahead.size() < lane.ahead() && (ahead.isEmpty() || ahead.peekLast() != STOP)) {
            Task next = queue.poll();
            if (next == null) {
              break;
            }
            ahead.add(next);
          }
          try {
            if (startFailure.get() == null && failure.get() == null) {
              extract(lane, task, ahead.stream().takeWhile(t -> t != STOP).toList());
            }
          } finally {
            if (task.spooled() && task.location() instanceof Location.InFile f) {
              deleteQuietly(f.path());
            }
          }
          task = ahead.isEmpty() ? queue.take() : ahead.poll();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lane.close();
        synchronized (this) {
          workerStats = workerStats.plus(lane.stats());
        }
      }
    }

    private void extract(Lane lane, Task task, List<Task> ahead) {
      Lane.Outcome outcome;
      plan.taskStarted(System.nanoTime());
      try {
        outcome = lane.process(task, ahead, Math.max(1, remaining()));
      } catch (WorkerStartException e) {
        startFailure.compareAndSet(null, e);
        return;
      }
      plan.taskFinished(System.nanoTime());
      String key = StateStore.key(task.id(), task.source());
      try {
        store.put(key, outcome.entry(), outcome.retryable());
      } catch (IOException e) {
        failure.compareAndSet(null, e);
        return;
      }
      remember(key, outcome.head());
      inputDone(task.source(), outcome.head().status() == Status.FAILED, false);
    }

    synchronized JvmStats workerStats() {
      return workerStats;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("cannot remove {}", file, e);
    }
  }

  /**
   * Writes the output files from the state in one pass, in index order, and counts what they hold. The
   * cross-report checks run first on the summaries kept during the run; each report's entry is then read
   * once: its cells.csv and anomalies.csv rows come as the worker rendered them, the cross-report findings
   * about it are appended.
   */
  private BatchSummary assemble(StateStore store, Path staging, Dispatch dispatch, Duration elapsed)
      throws IOException {
    List<IndexEntry> index = dispatch.index;
    Map<String, CrossReportChecks.Summary> summaries = dispatch.summaries;
    Map<String, String> sources = new HashMap<>();
    index.forEach(e -> sources.put(e.key(), e.source()));
    for (Map.Entry<String, String> d : dispatch.duplicates.entrySet()) {
      CrossReportChecks.Summary first = summaries.get(d.getValue());
      if (first != null) {
        summaries.put(d.getKey(), new CrossReportChecks.Summary(d.getKey(), first.reportId(), sources.get(d.getKey()),
            first.agency(), first.year(), first.format(), Map.of()));
      }
    }
    List<CrossReportChecks.Summary> ordered = new ArrayList<>(index.size());
    Set<String> formats = new HashSet<>();
    for (IndexEntry e : index) {
      CrossReportChecks.Summary s = summaries.get(e.key());
      if (s == null) {
        throw new IOException("no state for " + e.source());
      }
      ordered.add(s);
      formats.add(s.format());
    }
    Map<String, List<Anomaly>> cross = CrossReportChecks.check(ordered);

    Map<String, Set<String>> keysByFormat = new HashMap<>();
    formats.forEach(f -> keysByFormat.put(f, dispatch.keys.getOrDefault(f, Set.of())));
    Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
    Map<String, Integer> byType = new TreeMap<>();
    OutputSet set = OutputSet.begin(options.out(), staging);
    int[] applied = new int[1];
    ReviewWriter review = options.review() ? new ReviewWriter(set.directory(ReviewWriter.FOLDER), documents) : null;
    JsonLines jsonl = options.jsonl() ? new JsonLines(set.file(JsonLines.FILE)) : null;
    Set<String> knownIds = new HashSet<>();
    index.forEach(e -> knownIds.add(e.id().text()));
    List<Corrections.Correction> unmatched = corrections.unmatched(knownIds);
    try (ReportFiles files = new ReportFiles(set, keysByFormat); EntriesAhead ahead = new EntriesAhead(store, index)) {
      Iterator<Report> rows = new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < index.size();
        }

        @Override
        public Report next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          IndexEntry e = index.get(next++);
          try {
            Report r = write(store, e, ahead.next(), cross.get(e.key()), files);
            applied[0] += (int) r.anomalies().stream().filter(a -> a.rule().equals("reviewed")).count();
            if (review != null) {
              review.report(r);
            }
            if (jsonl != null) {
              jsonl.write(r);
            }
            byStatus.merge(r.status(), 1, Integer::sum);
            byType.merge(r.fileType(), 1, Integer::sum);
            return r;
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
        }
      };
      if (options.xlsx()) {
        XlsxWriter.write(set.file(XlsxWriter.FILE), files.layouts(), rows);
      } else {
        rows.forEachRemaining(r -> { });
      }
      if (review != null) {
        review.finish();
      }
      for (Corrections.Correction c : unmatched) {
        String message = Messages.rule("correction_unknown_report", c.line(), c.reportId(), c.key(), c.reviewer());
        String[] row = {c.reportId(), "", "", "", Severity.ERROR.code(), "correction_unknown_report", c.key(), "",
            c.valueText(), message, ""};
        for (int i = 0; i < row.length; i++) {
          row[i] = FormulaGuard.neutralize(row[i]);
        }
        files.anomalyRow(row);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      if (jsonl != null) {
        jsonl.close();
      }
    }
    set.commit();
    return new BatchSummary(index.size(), byStatus, new TreeMap<>(byType), dispatch.resumed, elapsed,
        dispatch.workerStats(), applied[0], unmatched.size());
  }

  /**
   * The stored entries in index order, each read and decoded on a second thread a few entries before it is
   * written: at the end of a run the workers are done and that core would otherwise wait.
   */
  private static final class EntriesAhead implements AutoCloseable {
    private static final int AHEAD = 16;
    private final StateStore store;
    private final List<IndexEntry> index;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "nianbao-entries");
      t.setDaemon(true);
      return t;
    });
    private final java.util.ArrayDeque<Future<StateStore.Entry>> queued = new java.util.ArrayDeque<>();
    private int submitted;

    EntriesAhead(StateStore store, List<IndexEntry> index) {
      this.store = store;
      this.index = index;
    }

    StateStore.Entry next() throws IOException {
      while (submitted < index.size() && queued.size() < AHEAD) {
        String key = index.get(submitted++).key();
        queued.addLast(loader.submit(() -> store.load(key)));
      }
      try {
        return queued.removeFirst().get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IllegalStateException("decoding a state entry", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading the state");
      }
    }

    @Override
    public void close() {
      loader.shutdownNow();
    }
  }

  /** Writes one input's rows into every file and returns its report, cross-report findings included. */
  private static Report write(StateStore store, IndexEntry e, StateStore.Entry entry, List<Anomaly> findings,
      ReportFiles files) throws IOException {
    Report r;
    byte[] cellRows;
    byte[] anomalyRows;
    if (entry instanceof StateStore.Duplicate d) {
      StateStore.Entry first = store.load(StateStore.key(d.id(), d.firstSource()));
      if (!(first instanceof StateStore.Stored stored)) {
        throw new IOException("state entry of " + d.firstSource() + " is not a report");
      }
      r = Outcomes.duplicateOf(stored.report(), d.source());
      cellRows = new byte[0];
      anomalyRows = CsvFiles.render(CsvRows.anomalyRows(r));
    } else {
      StateStore.Stored stored = (StateStore.Stored) entry;
      r = stored.report();
      cellRows = stored.cellRows();
      anomalyRows = stored.anomalyRows();
    }
    if (findings != null) {
      Report onlyFindings = new Report(r.id(), r.source(), r.fileType(), r.status(), r.format(), r.agency(), r.year(),
          r.title(), List.of(), findings, r.error());
      byte[] more = CsvFiles.render(CsvRows.anomalyRows(onlyFindings));
      byte[] joined = java.util.Arrays.copyOf(anomalyRows, anomalyRows.length + more.length);
      System.arraycopy(more, 0, joined, anomalyRows.length, more.length);
      anomalyRows = joined;
      List<Anomaly> all = new ArrayList<>(r.anomalies());
      all.addAll(findings);
      r = new Report(r.id(), r.source(), r.fileType(), r.status(), r.format(), r.agency(), r.year(), r.title(),
          r.cells(), all, r.error());
    }
    files.write(r, cellRows, anomalyRows);
    return r;
  }
}
