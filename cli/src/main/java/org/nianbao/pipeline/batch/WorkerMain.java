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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.nianbao.model.Report;
import org.nianbao.pipeline.DocumentProcessor;
import org.nianbao.read.FileTypes;

/**
 * The entry point of a worker JVM: builds the processor named on the command line, then answers requests
 * on stdin with state entries on stdout until stdin ends. It reads each document itself, within the limits.
 * Arguments: the processor class, the limits ({@link ZipLimits#encode}), then optionally the mappings folder
 * and the corrections file ({@code -} for none), and {@link #BARE} when the batch renders the rows itself.
 */
public final class WorkerMain {
  private WorkerMain() {}

  /** The last argument when the worker sends reports without their rows ({@link WorkerProtocol#BARE_REPORT}). */
  static final String BARE = "bare";

  /** An optional path argument: absent, or {@code -} for none. */
  private static Optional<Path> optionalPath(String[] args, int index) {
    return args.length > index && !args[index].equals("-") ? Optional.of(Path.of(args[index])) : Optional.empty();
  }

  public static void main(String[] args) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    // stdout is the pipe; anything a library prints must not land in it
    System.setOut(System.err);
    System.setIn(new ByteArrayInputStream(new byte[0]));

    ProcessorSpec spec = new ProcessorSpec(args[0], optionalPath(args, 2), optionalPath(args, 3));
    boolean bare = args.length > 4 && args[4].equals(BARE);
    ZipLimits limits = ZipLimits.decode(args[1]);
    // the content detector and the processor are built side by side: both take a moment at a JVM's start
    Thread detector = new Thread(FileTypes::prepare, "nianbao-prepare");
    detector.start();
    DocumentProcessor processor;
    try {
      processor = spec.create();
      detector.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (WorkerStartException e) {
      WorkerProtocol.writeReply(out, WorkerProtocol.START_FAILED, e.getMessage().getBytes(StandardCharsets.UTF_8));
      System.exit(2);
      return;
    }
    WorkerProtocol.writeReply(out, WorkerProtocol.READY, new byte[0]);

    try (DocumentReads reads = new DocumentReads(limits)) {
      Optional<WorkerProtocol.Request> request;
      while ((request = WorkerProtocol.readRequest(in)).isPresent()) {
        WorkerProtocol.Request r = request.get();
        Report report = Outcomes.process(processor, reads, r.source(), r.id(), r.location());
        if (bare) {
          WorkerProtocol.writeReply(out, WorkerProtocol.BARE_REPORT, ReportCodec.encode(report));
        } else {
          WorkerProtocol.writeReply(out, WorkerProtocol.REPORT, StateStore.reportEntry(report));
        }
      }
    }
    WorkerProtocol.writeReply(out, WorkerProtocol.STATS, JvmStats.current().encode());
  }
}
