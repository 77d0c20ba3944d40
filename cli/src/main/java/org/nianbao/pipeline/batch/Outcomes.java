package org.nianbao.pipeline.batch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Messages;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Severity;
import org.nianbao.model.Status;
import org.nianbao.pipeline.DocumentProcessor;
import org.nianbao.read.FileTypes;

/** The reports the batch itself writes, for inputs the processor never finished. */
final class Outcomes {
  static final String DUPLICATE_RULE = "duplicate_report";

  /** The id given to inputs whose bytes were never read (refused archive entries): the hash of nothing. */
  static final ReportId UNREAD = ReportId.of(new byte[0]);

  private Outcomes() {}

  /** A document its worker could not finish; its type is told from its first bytes. */
  static Report failed(Task task, String reason) {
    String type = task.head().length == 0 ? "unknown" : FileTypes.detect(task.head());
    return Report.unreadable(task.id(), task.source(), type, Status.FAILED, reason);
  }

  static Report refused(String source, String reason) {
    return Report.unreadable(UNREAD, source, "unknown", Status.FAILED, reason);
  }

  static Report empty(String source) {
    return Report.unreadable(UNREAD, source, FileTypes.EMPTY, Status.FAILED, Messages.text("error.empty_file"));
  }

  /**
   * The row of an input whose bytes equal an earlier input's: the first one's status and identity, none
   * of its cells (they would be counted twice), and one warning naming the first source.
   */
  static Report duplicateOf(Report first, String source) {
    Anomaly note = Anomaly.variant(Severity.WARNING, DUPLICATE_RULE, "bytes", List.of(), 0, first.source());
    return new Report(first.id(), source, first.fileType(), first.status(), first.format(), first.agency(),
        first.year(), first.title(), List.of(), List.of(note), first.error());
  }

  /** Keeps the batch's own source even if a processor wrote something else there. */
  static Report withSource(Report r, String source) {
    if (r.source().equals(source)) {
      return r;
    }
    return new Report(r.id(), source, r.fileType(), r.status(), r.format(), r.agency(), r.year(), r.title(),
        r.cells(), r.anomalies(), r.error());
  }

  static String timeout(Duration limit) {
    long millis = limit.toMillis();
    String seconds = millis % 1000 == 0
        ? Long.toString(millis / 1000)
        : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    return Messages.text("error.timeout", seconds);
  }

  /**
   * Reads a document from where the walker found it and processes it; a processor that throws (a bug) or
   * bytes that cannot be read still leave the document a failed row saying so. Used by workers and by
   * in-process lanes alike.
   */
  static Report process(DocumentProcessor processor, DocumentReads reads, String source, ReportId id,
      Location location) {
    byte[] bytes;
    boolean known;
    try {
      known = location instanceof Location.InFile f && f.unchanged();
      bytes = reads.read(location);
      known = known && ((Location.InFile) location).unchanged();
    } catch (java.io.IOException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      return Report.unreadable(id, source, "unknown", Status.FAILED,
          e.getCause() instanceof LimitedCopy.Refusal ? reason : Messages.text("error.cannot_read", reason));
    }
    Report report;
    try {
      report = withSource(known ? processor.process(bytes, source, id) : processor.process(bytes, source), source);
    } catch (RuntimeException | StackOverflowError e) {
      return Report.unreadable(ReportId.of(bytes), source, FileTypes.detect(bytes), Status.FAILED, processorError(e));
    }
    if (!report.id().equals(id)) {
      return Report.unreadable(id, source, report.fileType(), Status.FAILED,
          Messages.text("error.changed"));
    }
    return report;
  }

  /** A processor that throws breaks its contract; the document still gets a row saying what happened. */
  static String processorError(Throwable t) {
    String message = t.getMessage();
    return Messages.text("error.processor", t.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }
}
