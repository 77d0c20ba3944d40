package org.nianbao.pipeline.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.nianbao.model.Report;
import org.nianbao.pipeline.DocumentProcessor;

/**
 * The entry point of a worker JVM: builds the processor named on the command line, then answers requests
 * on stdin with reports on stdout until stdin ends. Arguments: the processor class, then optionally the
 * mappings folder.
 */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    // stdout is the pipe; anything a library prints must not land in it
    System.setOut(System.err);
    System.setIn(new ByteArrayInputStream(new byte[0]));

    ProcessorSpec spec = new ProcessorSpec(args[0], args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty());
    DocumentProcessor processor;
    try {
      processor = spec.create();
    } catch (WorkerStartException e) {
      WorkerProtocol.writeReply(out, WorkerProtocol.START_FAILED, e.getMessage().getBytes(StandardCharsets.UTF_8));
      System.exit(2);
      return;
    }
    WorkerProtocol.writeReply(out, WorkerProtocol.READY, new byte[0]);

    Optional<WorkerProtocol.Request> request;
    while ((request = WorkerProtocol.readRequest(in)).isPresent()) {
      Report report = Outcomes.processSafely(processor, request.get().bytes(), request.get().source());
      WorkerProtocol.writeReply(out, WorkerProtocol.REPORT, ReportCodec.encode(report));
    }
    WorkerProtocol.writeReply(out, WorkerProtocol.STATS, ByteBuffer.allocate(8).putLong(peakHeap()).array());
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
}
