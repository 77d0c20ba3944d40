package org.nianbao.pipeline.batch;

import org.nianbao.model.Report;

/**
 * One extraction slot of the batch: a worker JVM, or the calling JVM in tests. A lane turns every task
 * into a report, also when the document hangs or kills the worker: it then restarts what it needs.
 */
interface Lane extends AutoCloseable {
  Report process(Task task);

  /** The largest resident memory a worker of this lane reached, in kB; 0 when unknown. */
  long peakRssKb();

  /** The largest heap a worker of this lane reported, in bytes; 0 when unknown. */
  long peakHeapBytes();

  @Override
  void close();

  /** Opens lanes; fails when no processor can be built, which no later document would fix. */
  interface Factory {
    Lane open() throws WorkerStartException;
  }
}
