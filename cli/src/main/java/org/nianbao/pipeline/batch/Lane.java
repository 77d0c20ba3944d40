package org.nianbao.pipeline.batch;

import java.util.List;

/**
 * One extraction slot of the batch: a worker JVM, or the calling JVM in tests. A lane turns every task
 * into an outcome, also when the document hangs or kills the worker: it then restarts what it needs.
 */
interface Lane extends AutoCloseable {
  /**
   * One document's state entry, and its front already read.
   *
   * @param retryable the document failed through no fault of its own (its worker crashed or ran out of time)
   */
  record Outcome(StateStore.Head head, byte[] entry, boolean retryable) {
    static Outcome of(byte[] entry, boolean retryable) throws java.io.IOException {
      return new Outcome(StateStore.head(entry, "").orElseThrow(
          () -> new java.io.IOException("a state entry that is not a report")), entry, retryable);
    }

    /** A document that failed through no fault of its own (a crash, a timeout, an interruption). */
    static Outcome failed(Task task, String reason) {
      try {
        return of(StateStore.reportEntry(Outcomes.failed(task, reason)), true);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("an entry just written reads back", e);
      }
    }
  }

  /**
   * @param ahead the tasks this lane takes after this one, in order, as far as they are already known (at most
   *     {@link #ahead()}): a lane may hand them to its worker at once, so that the worker goes on to them
   *     without waiting while this outcome is stored
   * @param remaining documents the run still expects, for lanes whose setup depends on the work ahead
   * @throws WorkerStartException when this lane's first worker cannot start: no later document would fix it
   */
  Outcome process(Task task, List<Task> ahead, int remaining) throws WorkerStartException;

  /** How many of the tasks after the current one this lane can use ahead of time; none by default. */
  default int ahead() {
    return 0;
  }

  /** What this lane's workers cost, summed (CPU) or at their peak (memory); zeros when unknown. */
  JvmStats stats();

  @Override
  void close();

  /** Opens lanes; a lane starts its worker when it gets its first document. */
  interface Factory {
    Lane open();

    /** How many lanes in a row share one worker's start (and open together). */
    default int sharing() {
      return 1;
    }
  }
}
