package org.nianbao.spark;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.nianbao.pipeline.DocumentProcessor;
import org.nianbao.pipeline.ReportPipeline;

/**
 * The one pipeline of an executor JVM, built when its first task needs it: compiling the mappings takes
 * a moment, and the pipeline is thread-safe, so the executor's task threads share it.
 */
final class Pipelines {
  private static DocumentProcessor pipeline;
  private static String builtWith;

  private Pipelines() {}

  /** @param mappings a mappings folder every executor can read, or null for the built-in mappings */
  static synchronized DocumentProcessor get(String mappings) {
    if (pipeline == null || !Objects.equals(builtWith, mappings)) {
      pipeline = new ReportPipeline(Optional.ofNullable(mappings).map(Path::of));
      builtWith = mappings;
    }
    return pipeline;
  }
}
