package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What one JVM cost: CPU time, the part of it its JIT compiler threads took, peak resident memory and peak
 * heap. Read from {@code /proc} on Linux; elsewhere the JIT and memory figures are 0.
 *
 * @param cpuNanos the whole process, all threads
 * @param jitNanos the compiler threads (C1 and C2)
 */
public record JvmStats(long cpuNanos, long jitNanos, long peakRssKb, long peakHeapBytes) {
  public static final JvmStats NONE = new JvmStats(0, 0, 0, 0);

  /** This JVM, now. */
  public static JvmStats current() {
    long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
    return new JvmStats(cpu, compilerCpuNanos(), peakRssKb(Path.of("/proc/self/status")), peakHeap());
  }

  public JvmStats plus(JvmStats o) {
    return new JvmStats(cpuNanos + o.cpuNanos, jitNanos + o.jitNanos, Math.max(peakRssKb, o.peakRssKb),
        Math.max(peakHeapBytes, o.peakHeapBytes));
  }

  byte[] encode() {
    return ByteBuffer.allocate(32).putLong(cpuNanos).putLong(jitNanos).putLong(peakRssKb).putLong(peakHeapBytes).array();
  }

  static JvmStats decode(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b);
    return b.length < 32 ? NONE : new JvmStats(buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong());
  }

  static long peakRssKb(Path status) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc, or the process is gone
    }
    return 0;
  }

  /** The user and system CPU of a process from its {@code /proc/PID/stat}, 0 when unknown. */
  static long cpuNanos(Path stat) {
    try {
      String text = Files.readString(stat, StandardCharsets.UTF_8);
      String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** CPU of the threads HotSpot names "C1 CompilerThre…" and "C2 CompilerThre…", in clock ticks of 10 ms. */
  private static long compilerCpuNanos() {
    long ticks = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String comm = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8);
          if (comm.contains("CompilerThre")) {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (IOException | RuntimeException e) {
          // a thread that ended while we looked
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks * 10_000_000L;
  }
}
