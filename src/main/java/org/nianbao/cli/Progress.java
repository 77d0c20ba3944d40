package org.nianbao.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.nianbao.model.Messages;
import org.nianbao.model.Status;
import org.nianbao.pipeline.batch.BatchSummary;
import org.nianbao.pipeline.batch.RunListener;

/**
 * The progress line on stderr: redrawn in place on a terminal, a plain line every few seconds otherwise
 * (a log file should not fill with thousands of lines), and the summary at the end.
 */
final class Progress implements RunListener {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final long LOG_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final boolean silent;
  private final long start = System.nanoTime();
  private long lastPrint = start;
  private int total;
  private int done;
  private int extracted;
  private int failed;
  private boolean drawn;

  /** @param silent print no progress line ({@code --quiet}) */
  Progress(PrintWriter err, boolean terminal, boolean silent) {
    this.err = err;
    this.terminal = terminal;
    this.silent = silent;
  }

  @Override
  public synchronized void totalChanged(int total) {
    this.total = total;
  }

  @Override
  public synchronized void inputDone(Done input) {
    done++;
    if (!input.resumed()) {
      extracted++;
    }
    if (input.failed()) {
      failed++;
    }
    long now = System.nanoTime();
    if (!silent && now - lastPrint >= (terminal ? REDRAW_NANOS : LOG_NANOS)) {
      lastPrint = now;
      print(now);
    }
  }

  private void print(long now) {
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? extracted / seconds : 0;
    int left = Math.max(0, total - done);
    String eta = rate > 0 ? duration(Duration.ofSeconds(Math.round(left / rate))) : "?";
    String line = Messages.text("progress.line", done, Math.max(total, done),
        String.format(Locale.ROOT, "%.1f", rate), eta, failed);
    if (terminal) {
      err.print("\r" + line + "\u001b[K");
      err.flush();
      drawn = true;
    } else {
      err.println(line);
    }
  }

  /** Ends the in-place line so what follows starts on a line of its own. */
  synchronized void end() {
    if (terminal && drawn) {
      print(System.nanoTime());
      err.println();
    }
  }

  void summary(BatchSummary s, Path out) {
    err.println(Messages.text("summary.documents", s.documents(), duration(s.elapsed()),
        s.resumed() > 0 ? Messages.text("summary.resumed", s.resumed()) : ""));
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    for (Status status : Status.values()) {
      if (s.count(status) > 0) {
        byStatus.put(status.code(), s.count(status));
      }
    }
    err.println(Messages.text("summary.by_status", counts(byStatus)));
    err.println(Messages.text("summary.by_type", counts(s.byFileType())));
    err.println(Messages.text("summary.written", out.resolve("reports.csv")));
    if (s.count(Status.FAILED) > 0) {
      err.println(Messages.text("summary.failed", s.count(Status.FAILED)));
    }
    if (s.correctionsApplied() > 0 || s.correctionsUnmatched() > 0) {
      err.println(Messages.text("summary.corrections", s.correctionsApplied(), s.correctionsUnmatched()));
    }
  }

  private static String counts(Map<String, Integer> counts) {
    return counts.isEmpty() ? Messages.text("summary.none") : counts.entrySet().stream()
        .map(e -> Messages.text("summary.item", e.getKey(), e.getValue()))
        .collect(Collectors.joining(Messages.text("summary.separator")));
  }

  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
  }
}
