package org.nianbao.pipeline.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When the batch starts one more worker. A worker's first seconds cost more than its documents: loading and
 * compiling the readers takes it two to three CPU-s before it reaches its steady pace of about 10 ms a
 * document (README, "Benchmark"). For a couple of hundred documents a second worker spends more on that than it
 * saves, on the cores the first worker and the batch need. So a run of fewer than {@link #AT_ONCE_FROM}
 * documents starts one worker and opens more only when the work still ahead, at the pace of the last
 * {@link #WINDOW}, would keep the open ones busy longer than {@link #WORTH}, or when no document finished in
 * that time while more wait (scans, slow documents). The pace is first taken a window after the first document
 * finished, as that one includes its worker's start. A larger run opens every lane at once. Measured on the
 * benchmark documents (README, "Benchmark"): at 400 a second worker opened after two seconds made the run slower
 * (6.4 against 5.8 s), at 800 two workers from the start made it faster (8.1 against 8.8 s).
 *
 * <p>Lanes that share one worker JVM ({@link ForkedLane#MAX_SLOTS}) share its start too: the lanes of the first
 * worker open at once whatever the size of the run (at 200 documents, 3.0–3.2 s against 3.3–3.6 s with the
 * second opened later and 3.7–4.6 s with a worker of its own).
 */
final class LanePlan {
  static final int AT_ONCE_FROM = 500;
  static final Duration WINDOW = Duration.ofSeconds(2);
  static final Duration WORTH = Duration.ofSeconds(8);

  private final int max;
  private final int total;
  private final int sharing;
  private final Deque<Long> finished = new ArrayDeque<>();
  private long firstTask = -1;
  private long firstDone = -1;

  /**
   * @param max the lanes the run may use ({@code --jobs})
   * @param total the inputs counted before the walk
   * @param sharing how many lanes share one worker's start
   */
  LanePlan(int max, int total, int sharing) {
    this.max = max;
    this.total = total;
    this.sharing = Math.max(1, sharing);
  }

  LanePlan(int max, int total) {
    this(max, total, 1);
  }

  int max() {
    return max;
  }

  /** Lanes to open before the walk starts. */
  int atStart() {
    return total >= AT_ONCE_FROM ? max : Math.min(sharing, max);
  }

  /** A lane handed a document to its worker. */
  synchronized void taskStarted(long nanos) {
    if (firstTask < 0) {
      firstTask = nanos;
    }
  }

  /** A lane's worker finished a document. */
  synchronized void taskFinished(long nanos) {
    if (firstDone < 0) {
      firstDone = nanos;
    }
    finished.addLast(nanos);
    trim(nanos);
  }

  /**
   * Whether one more lane should open now.
   *
   * @param open lanes open so far
   * @param remaining inputs not yet done
   */
  synchronized boolean another(int open, int remaining, long nanos) {
    if (open >= max || remaining <= open || firstTask < 0) {
      return false;
    }
    if (firstDone < 0) {
      // the first document, which includes its worker's start, is taking long: a slow one (a scan)
      return nanos - firstTask > 2 * WINDOW.toNanos();
    }
    if (nanos - firstDone < WINDOW.toNanos()) {
      return false;
    }
    trim(nanos);
    if (finished.isEmpty()) {
      return true;
    }
    // the window's documents were shared by the open lanes: the remaining ones take as long again per lane
    double secondsEach = (double) WINDOW.toNanos() / finished.size() / 1e9;
    return remaining * secondsEach > WORTH.toSeconds();
  }

  private void trim(long nanos) {
    while (!finished.isEmpty() && nanos - finished.peekFirst() > WINDOW.toNanos()) {
      finished.removeFirst();
    }
  }
}
