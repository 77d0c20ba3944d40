package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Status;
import org.nianbao.validate.CrossReportChecks;
import org.nianbao.write.CsvFiles;
import org.nianbao.write.CsvRows;
import org.nianbao.write.WideLayout;
import org.nianbao.write.XlsxWriter;

/**
 * Runs one extraction over all inputs. The walking thread reads inputs in their deterministic order and
 * decides what each needs (already done, refused, empty, duplicate, or extraction); {@code jobs} lane
 * threads extract, each through its own worker. Every outcome goes to the state folder at once; the CSV
 * files are assembled from it at the end in source order, so memory holds an index of sources, never
 * the reports, and a killed run resumes to the same files.
 */
public final class BatchRunner {
  private static final Task STOP = new Task("", Outcomes.UNREAD, new byte[0]);

  private final BatchOptions options;
  private final Lane.Factory lanes;

  public BatchRunner(BatchOptions options) {
    this(options, new ForkedLane.Launcher(options.processor(), options.workerHeapMb(), options.timeout(),
        Duration.ofMinutes(2), options.out().resolve(StateStore.FOLDER).resolve("workers.log"),
        options.jobs() > 1));
  }

  BatchRunner(BatchOptions options, Lane.Factory lanes) {
    this.options = options;
    this.lanes = lanes;
  }

  /** Where an input's outcome is kept, and the order rows are written in: by source, then report id. */
  private record IndexEntry(String source, ReportId id, String key) {}

  public BatchResult run(RunListener listener) throws IOException, InterruptedException {
    Instant start = Instant.now();
    StateStore store = StateStore.open(options.out(), options.resume());
    Set<String> finished = store.finishedKeys();
    int total = InputWalker.count(options.inputs());
    listener.totalChanged(total);

    List<Lane> opened = new ArrayList<>();
    try {
      try {
        opened.addAll(openLanes());
      } catch (WorkerStartException e) {
        return new BatchResult.NotStarted(e.getMessage());
      }
      Dispatch dispatch = new Dispatch(store, finished, listener, new ArrayBlockingQueue<>(options.jobs()), total);
      List<Thread> threads = new ArrayList<>();
      for (Lane lane : opened) {
        Thread t = new Thread(() -> dispatch.drain(lane), "nianbao-lane");
        t.start();
        threads.add(t);
      }
      try {
        new InputWalker(options.limits()).walk(options.inputs(), dispatch);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } finally {
        for (int i = 0; i < threads.size(); i++) {
          dispatch.queue.put(STOP);
        }
        for (Thread t : threads) {
          t.join();
        }
      }
      if (dispatch.failure.get() != null) {
        throw dispatch.failure.get();
      }
      List<IndexEntry> index = dispatch.index;
      index.sort(Comparator.comparing(IndexEntry::source).thenComparing(e -> e.id().hex()));
      long rss = 0;
      long heap = 0;
      for (Lane lane : opened) {
        lane.close();
        rss = Math.max(rss, lane.peakRssKb());
        heap = Math.max(heap, lane.peakHeapBytes());
      }
      opened.clear();
      return new BatchResult.Completed(
          assemble(store, index, dispatch.resumed, Duration.between(start, Instant.now()), rss, heap));
    } finally {
      for (Lane lane : opened) {
        lane.close();
      }
    }
  }

  /** Starts the workers side by side: each JVM takes a moment to build its processor. */
  private List<Lane> openLanes() throws WorkerStartException, InterruptedException {
    ExecutorService starter = Executors.newFixedThreadPool(options.jobs());
    List<Future<Lane>> futures = new ArrayList<>();
    for (int i = 0; i < options.jobs(); i++) {
      futures.add(starter.submit(lanes::open));
    }
    starter.shutdown();
    List<Lane> opened = new ArrayList<>();
    WorkerStartException failure = null;
    for (Future<Lane> f : futures) {
      try {
        opened.add(f.get());
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof WorkerStartException w
              ? w : new WorkerStartException(e.getCause().toString(), e.getCause());
        }
      }
    }
    if (failure != null) {
      opened.forEach(Lane::close);
      throw failure;
    }
    return opened;
  }

  /** The walk's decisions, made on the walking thread, and the lanes' loop. */
  private final class Dispatch implements InputWalker.Visitor {
    final StateStore store;
    final Set<String> finished;
    final RunListener listener;
    final BlockingQueue<Task> queue;
    final List<IndexEntry> index = new ArrayList<>();
    final AtomicReference<IOException> failure = new AtomicReference<>();
    // The same file named twice (or a zip entry repeated) is one input: same bytes, same source.
    private final Set<String> seenKeys = new HashSet<>();
    // Walk order decides which of several identical inputs is extracted; it is the same on every rerun.
    private final Map<ReportId, String> firstSource = new HashMap<>();
    private int total;
    int resumed;

    Dispatch(StateStore store, Set<String> finished, RunListener listener, BlockingQueue<Task> queue, int total) {
      this.store = store;
      this.finished = finished;
      this.listener = listener;
      this.queue = queue;
      this.total = total;
    }

    @Override
    public void adjustTotal(int delta) {
      total += delta;
      listener.totalChanged(total);
    }

    @Override
    public void accept(Input input) throws InterruptedException {
      try {
        if (input instanceof Input.Refused r) {
          settle(Outcomes.UNREAD, r.source(), key -> store.putReport(key, Outcomes.refused(r.source(), r.reason())),
              true);
        } else if (input instanceof Input.Document d) {
          document(d);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void document(Input.Document d) throws IOException, InterruptedException {
      String source = d.source();
      if (d.bytes().length == 0) {
        settle(Outcomes.UNREAD, source, key -> store.putReport(key, Outcomes.empty(source)), true);
        return;
      }
      ReportId id = ReportId.of(d.bytes());
      String first = firstSource.putIfAbsent(id, source);
      if (first != null) {
        settle(id, source, key -> store.putDuplicate(key, new StateStore.Duplicate(id, source, first)), false);
        return;
      }
      String key = StateStore.key(id, source);
      if (!index(id, source, key)) {
        return;
      }
      if (finished.contains(key)) {
        resumed++;
        listener.inputDone(new RunListener.Done(source, false, true));
        return;
      }
      Task task = new Task(source, id, d.bytes());
      while (!queue.offer(task, 200, TimeUnit.MILLISECONDS)) {
        if (failure.get() != null) {
          throw failure.get();
        }
      }
    }

    private interface Writer {
      void write(String key) throws IOException;
    }

    /** Records an input the walking thread can finish by itself. */
    private void settle(ReportId id, String source, Writer writer, boolean failed) throws IOException {
      String key = StateStore.key(id, source);
      if (!index(id, source, key)) {
        return;
      }
      boolean done = finished.contains(key);
      if (done) {
        resumed++;
      } else {
        writer.write(key);
      }
      listener.inputDone(new RunListener.Done(source, failed, done));
    }

    private boolean index(ReportId id, String source, String key) {
      if (!seenKeys.add(key)) {
        return false;
      }
      index.add(new IndexEntry(source, id, key));
      return true;
    }

    /** A lane thread's loop: extract, store, report, until told to stop or the output fails. */
    void drain(Lane lane) {
      try {
        Task task;
        while ((task = queue.take()) != STOP) {
          if (failure.get() != null) {
            continue;
          }
          Report report = lane.process(task);
          try {
            store.putReport(StateStore.key(task.id(), task.source()), report);
          } catch (IOException e) {
            failure.compareAndSet(null, e);
            continue;
          }
          listener.inputDone(new RunListener.Done(task.source(), report.status() == Status.FAILED, false));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Writes the output files from the state, in index order, and counts what they hold. A first pass
   * collects what the cross-report checks and the wide layouts need (small summaries, never reports);
   * each later pass streams the reports again, with the cross-report findings attached to the later
   * report of each pair.
   */
  private BatchSummary assemble(StateStore store, List<IndexEntry> index, int resumed, Duration elapsed,
      long rss, long heap) throws IOException {
    Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
    Map<String, Integer> byType = new TreeMap<>();
    Path out = options.out();
    try {
      List<CrossReportChecks.Summary> summaries = new ArrayList<>(index.size());
      Map<String, Set<String>> keysByFormat = new TreeMap<>();
      for (IndexEntry e : index) {
        Report r = resolve(store, e);
        summaries.add(CrossReportChecks.summarize(e.key(), r));
        keysByFormat.computeIfAbsent(r.format(), f -> new HashSet<>()).addAll(WideLayout.keysOf(r));
      }
      Map<String, List<Anomaly>> cross = CrossReportChecks.check(summaries);
      Function<IndexEntry, Report> reports = e -> withFindings(resolve(store, e), cross.get(e.key()));

      CsvFiles.write(out.resolve(CsvFiles.REPORTS), CsvRows.REPORTS_HEADER, rows(index, reports, r -> {
        byStatus.merge(r.status(), 1, Integer::sum);
        byType.merge(r.fileType(), 1, Integer::sum);
        return Stream.<String[]>of(CsvRows.reportRow(r));
      }));
      CsvFiles.write(out.resolve(CsvFiles.CELLS), CsvRows.CELLS_HEADER,
          rows(index, reports, r -> CsvRows.cellRows(r).stream()));
      CsvFiles.write(out.resolve(CsvFiles.ANOMALIES), CsvRows.ANOMALIES_HEADER,
          rows(index, reports, r -> CsvRows.anomalyRows(r).stream()));

      List<WideLayout> layouts = new ArrayList<>();
      for (String format : WideLayout.FORMATS) {
        if (keysByFormat.containsKey(format)) {
          WideLayout layout = WideLayout.of(format, keysByFormat.get(format));
          layouts.add(layout);
          CsvFiles.write(out.resolve(layout.csvName()), layout.keyHeader(), rows(index, reports,
              r -> r.format().equals(format) ? Stream.<String[]>of(layout.csvRow(r)) : Stream.empty()));
        } else {
          // A rerun into the same folder must not leave an era's table from inputs no longer given.
          Files.deleteIfExists(out.resolve(WideLayout.of(format, Set.of()).csvName()));
        }
      }
      if (options.xlsx()) {
        XlsxWriter.write(out.resolve(XlsxWriter.FILE), layouts, index.stream().map(reports).iterator());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new BatchSummary(index.size(), byStatus, new TreeMap<>(byType), resumed, elapsed, rss, heap);
  }

  private static Iterator<String[]> rows(List<IndexEntry> index, Function<IndexEntry, Report> reports,
      Function<Report, Stream<String[]>> toRows) {
    return index.stream().map(reports).flatMap(toRows).iterator();
  }

  /** The report with the cross-report findings about it appended; they are warnings, so its status stays. */
  private static Report withFindings(Report r, List<Anomaly> findings) {
    if (findings == null) {
      return r;
    }
    List<Anomaly> all = new ArrayList<>(r.anomalies());
    all.addAll(findings);
    return new Report(r.id(), r.source(), r.fileType(), r.status(), r.format(), r.agency(), r.year(), r.title(),
        r.cells(), all, r.error());
  }

  private static Report resolve(StateStore store, IndexEntry e) {
    try {
      StateStore.Entry entry = store.load(e.key());
      if (entry instanceof StateStore.Duplicate d) {
        StateStore.Entry first = store.load(StateStore.key(d.id(), d.firstSource()));
        if (!(first instanceof StateStore.Stored stored)) {
          throw new IOException("state entry of " + d.firstSource() + " is not a report");
        }
        return Outcomes.duplicateOf(stored.report(), d.source());
      }
      return ((StateStore.Stored) entry).report();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
