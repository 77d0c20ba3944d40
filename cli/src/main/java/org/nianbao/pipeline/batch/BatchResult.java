package org.nianbao.pipeline.batch;

/** How a run ended: it went through every input, or it could not start at all. */
public sealed interface BatchResult {
  record Completed(BatchSummary summary) implements BatchResult {}

  /** No worker could build a processor (for example a bad mappings folder); nothing was written. */
  record NotStarted(String reason) implements BatchResult {}
}
