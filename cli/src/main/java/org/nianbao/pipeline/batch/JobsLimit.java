package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How many workers a machine can run: no more than its cores (documents are CPU-bound) and no more than its
 * available memory holds, counting each worker's heap and what a JVM needs beside it.
 *
 * @param jobs the number to run
 * @param note why fewer than asked for; empty when none were cut
 */
public record JobsLimit(int jobs, String note) {
  /** A worker's memory beyond its heap: code cache, metaspace, thread stacks, the class archive. */
  static final long WORKER_OVERHEAD_BYTES = 256L << 20;

  /**
   * @param requested {@code --jobs}, or {@code null} for the default (one per core)
   */
  public static JobsLimit of(Integer requested, int workerHeapMb) {
    return of(requested, Runtime.getRuntime().availableProcessors(), availableMemoryBytes(), workerHeapMb);
  }

  static JobsLimit of(Integer requested, int cores, long availableBytes, int workerHeapMb) {
    int wanted = requested == null ? cores : requested;
    long perWorker = ((long) workerHeapMb << 20) + WORKER_OVERHEAD_BYTES;
    int byMemory = (int) Math.max(1, Math.min(Integer.MAX_VALUE, availableBytes / perWorker));
    int jobs = Math.max(1, Math.min(wanted, Math.min(cores, byMemory)));
    if (jobs == wanted) {
      return new JobsLimit(jobs, "");
    }
    String why = jobs == cores && cores <= byMemory
        ? String.format(Locale.ROOT, "this machine has %d cores", cores)
        : String.format(Locale.ROOT, "%.1f GB of memory is available and each worker needs %.1f GB",
            availableBytes / 1e9, perWorker / 1e9);
    String asked = requested == null ? "the default of " + wanted + " workers" : "--jobs " + wanted;
    return new JobsLimit(jobs, asked + " lowered to " + jobs + ": " + why);
  }

  /** MemAvailable from /proc/meminfo, else the free physical memory the JVM reports. */
  static long availableMemoryBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getFreeMemorySize() : Long.MAX_VALUE;
  }
}
