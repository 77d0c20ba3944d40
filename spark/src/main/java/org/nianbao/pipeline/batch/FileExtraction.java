package org.nianbao.pipeline.batch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nianbao.write.OutputSet;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Report;
import org.nianbao.pipeline.DocumentProcessor;

/**
 * Extracts every input one file holds (the file itself, or the entries of the archive it is) in this JVM,
 * through the same walker, limits and failed rows as the batch, each document under a time limit. For
 * engines that distribute files themselves (the Spark job): they list the files, this turns each into its
 * reports. Not thread-safe: one per thread. A document over its time limit leaves its thread behind (a
 * Java thread cannot be killed) and gets its failed row; the next document gets a fresh thread.
 *
 * <p>It lives in the batch's package but in the Spark module, so that the command line's jar does not
 * carry it: it uses the walker and the batch's outcomes, which are not public.
 */
public final class FileExtraction implements Closeable {
  private final DocumentProcessor processor;
  private final ZipLimits limits;
  private final Duration timeout;
  private final Path spoolRoot;
  private final DocumentReads reads;
  private ExecutorService thread = newThread();
  private int files;

  /** @param spoolDir a private folder for archives inside archives while one file is walked */
  public FileExtraction(DocumentProcessor processor, ZipLimits limits, Duration timeout, Path spoolDir) {
    this.processor = processor;
    this.limits = limits;
    this.timeout = timeout;
    this.spoolRoot = spoolDir;
    this.reads = new DocumentReads(limits);
  }

  /**
   * The reports of the inputs in {@code file}, in walk order, named from {@code source} as the batch names
   * them ({@code source}, or {@code source!/entry} for an archive's entries). Inputs the walker refuses and
   * empty files get the batch's failed rows, with the id of nothing.
   */
  public List<Report> extract(Path file, String source) throws InterruptedException, IOException {
    Path spool = spoolRoot.resolve("walk-" + ++files);
    List<Report> reports = new ArrayList<>();
    try {
      new InputWalker(limits, spool).visitFile(file, source, new InputWalker.Visitor() {
        @Override
        public void adjustTotal(int delta) {
          // no progress to show
        }

        @Override
        public void accept(Input input) {
          reports.add(report(input));
        }
      });
    } finally {
      reads.close();
      OutputSet.deleteTree(spool);
    }
    return reports;
  }

  /** The row the batch writes for an input whose bytes repeat those of {@code first}, an earlier input. */
  public static Report duplicateOf(Report first, String source) {
    return Outcomes.duplicateOf(first, source);
  }

  /** The report as the batch writes it once the cross-report checks found {@code findings} about it. */
  public static Report withFindings(Report r, List<Anomaly> findings) {
    if (findings.isEmpty()) {
      return r;
    }
    List<Anomaly> all = new ArrayList<>(r.anomalies());
    all.addAll(findings);
    return new Report(r.id(), r.source(), r.fileType(), r.status(), r.format(), r.agency(), r.year(), r.title(),
        r.cells(), all, r.error());
  }

  /** The row the walker gives a file over the size limit, for engines that see a file's size before its bytes. */
  public static Report tooLarge(String source, ZipLimits limits) {
    return Outcomes.refused(source, "refused: file larger than " + LimitedCopy.mb(limits.maxEntryBytes()));
  }

  /** A report in the batch's binary form ({@code ReportCodec}), to move between the job's stages. */
  public static byte[] encode(Report r) {
    return ReportCodec.encode(r);
  }

  /** A report from {@link #encode}; damaged bytes give an {@link IOException}. */
  public static Report decode(byte[] bytes) throws IOException {
    return ReportCodec.decode(bytes);
  }

  /** The row of an empty file, for engines that see a file's size before its bytes. */
  public static Report emptyFile(String source) {
    return Outcomes.empty(source);
  }

  /** The id of inputs whose bytes were never read (refused, empty): never a duplicate of anything. */
  public static boolean unread(Report r) {
    return r.id().equals(Outcomes.UNREAD);
  }

  private Report report(Input input) {
    if (input instanceof Input.Refused r) {
      return Outcomes.refused(r.source(), r.reason());
    }
    Input.Document d = (Input.Document) input;
    if (d.size() == 0) {
      return Outcomes.empty(d.source());
    }
    Task task = new Task(d.source(), d.id(), d.location(), d.head(), d.spooled());
    Future<Report> result = thread.submit(() -> Outcomes.process(processor, reads, d.source(), d.id(), d.location()));
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      thread.shutdownNow();
      thread = newThread();
      return Outcomes.failed(task, Outcomes.timeout(timeout));
    } catch (ExecutionException e) {
      return Outcomes.failed(task, Outcomes.processorError(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcomes.failed(task, "interrupted");
    }
  }

  private static ExecutorService newThread() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "nianbao-document");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void close() throws IOException {
    thread.shutdownNow();
    reads.close();
  }
}
