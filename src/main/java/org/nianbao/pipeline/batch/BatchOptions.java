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
 * @param retryFailed with resume: extract again the documents that failed through no fault of their own
 *     (their worker crashed or ran out of time)
 * @param timeout the longest one document may take
 * @param workerHeapMb {@code -Xmx} of each worker JVM
 * @param xlsx also write {@code nianbao.xlsx} at the end of the run
 * @param review also write the review pages ({@code review/}) at the end of the run
 * @param jsonl also write {@code reports.jsonl}
 * @param include globs: when any is given, only inputs whose source or file name matches one are read
 * @param exclude globs: inputs whose source or file name matches one are left out (no row)
 */
public record BatchOptions(
    List<Path> inputs,
    Path out,
    int jobs,
    boolean resume,
    boolean retryFailed,
    Duration timeout,
    ProcessorSpec processor,
    ZipLimits limits,
    int workerHeapMb,
    boolean xlsx,
    Verbosity verbosity,
    boolean review,
    boolean jsonl,
    List<String> include,
    List<String> exclude) {
  public static final int DEFAULT_WORKER_HEAP_MB = 1024;

  public BatchOptions(List<Path> inputs, Path out, int jobs, boolean resume, boolean retryFailed, Duration timeout,
      ProcessorSpec processor, ZipLimits limits, int workerHeapMb, boolean xlsx, Verbosity verbosity) {
    this(inputs, out, jobs, resume, retryFailed, timeout, processor, limits, workerHeapMb, xlsx, verbosity, false,
        false, List.of(), List.of());
  }

  public BatchOptions {
    inputs = List.copyOf(inputs);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(verbosity, "verbosity");
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (workerHeapMb < 64) {
      throw new IllegalArgumentException("worker heap below 64 MB: " + workerHeapMb);
    }
    if (retryFailed && !resume) {
      throw new IllegalArgumentException("retrying failures needs resume");
    }
  }

  /** The usual run: the real pipeline, default limits and worker heap, normal logging. */
  public static BatchOptions of(List<Path> inputs, Path out, int jobs, boolean resume, boolean xlsx) {
    return new BatchOptions(inputs, out, jobs, resume, false, Duration.ofSeconds(120),
        ProcessorSpec.pipeline(java.util.Optional.empty()), ZipLimits.DEFAULT, DEFAULT_WORKER_HEAP_MB, xlsx,
        Verbosity.NORMAL);
  }
}
