package org.nianbao.pipeline.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one extraction run does.
 *
 * @param inputs files, folders and zip archives, in the order given
 * @param out the output folder; the run state lives inside it
 * @param jobs how many documents are extracted at once, each in its own worker JVM
 * @param resume keep the state of an earlier run and skip what it finished
 * @param timeout the longest one document may take
 * @param workerHeapMb {@code -Xmx} of each worker JVM
 * @param xlsx also write {@code nianbao.xlsx} at the end of the run
 */
public record BatchOptions(
    List<Path> inputs,
    Path out,
    int jobs,
    boolean resume,
    Duration timeout,
    ProcessorSpec processor,
    ZipLimits limits,
    int workerHeapMb,
    boolean xlsx) {
  public static final int DEFAULT_WORKER_HEAP_MB = 1024;

  public BatchOptions {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(limits, "limits");
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (workerHeapMb < 64) {
      throw new IllegalArgumentException("worker heap below 64 MB: " + workerHeapMb);
    }
  }
}
