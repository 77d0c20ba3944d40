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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.nianbao.model.Report;
import org.nianbao.pipeline.DocumentProcessor;
import org.nianbao.read.FileTypes;

/**
 * The entry point of a worker JVM: builds the processor named on the command line, then answers requests
 * on stdin with state entries on stdout until stdin ends. It reads each document itself, within the limits.
 * Arguments: the processor class, the limits ({@link ZipLimits#encode}), then optionally the mappings folder
 * and the corrections file ({@code -} for none), {@link #BARE} when the batch renders the rows itself, and
 * {@link #SLOTS} for a worker that reads several documents at once, one per thread, sharing its start and its
 * compiled code. An error no document's report can hold ends the whole worker, as it did with one slot, so
 * that the batch sees it at once instead of waiting out the document's time.
 */
public final class WorkerMain {
  private WorkerMain() {}

  /** An argument after the paths when the worker sends reports without their rows ({@link WorkerProtocol#BARE_REPORT}). */
  static final String BARE = "bare";
  /** An argument after the paths, {@code slots=N}: how many documents the worker reads at once (default 1). */
  static final String SLOTS = "slots=";

  /** An optional path argument: absent, or {@code -} for none. */
  private static Optional<Path> optionalPath(String[] args, int index) {
    return args.length > index && !args[index].equals("-") ? Optional.of(Path.of(args[index])) : Optional.empty();
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    // stdout is the pipe; anything a library prints must not land in it
    System.setOut(System.err);
    System.setIn(new ByteArrayInputStream(new byte[0]));

    ProcessorSpec spec = new ProcessorSpec(args[0], optionalPath(args, 2), optionalPath(args, 3));
    boolean bare = false;
    int slots = 1;
    for (int i = 4; i < args.length; i++) {
      if (args[i].equals(BARE)) {
        bare = true;
      } else if (args[i].startsWith(SLOTS)) {
        slots = Math.max(1, Integer.parseInt(args[i].substring(SLOTS.length())));
      }
    }
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
      WorkerProtocol.writeReply(out, WorkerProtocol.START_FAILED, 0, e.getMessage().getBytes(StandardCharsets.UTF_8));
      System.exit(2);
      return;
    }
    WorkerProtocol.writeReply(out, WorkerProtocol.READY, 0, new byte[0]);

    // requests are read as they come; each slot takes the next one, reads it and answers under its tag
    BlockingQueue<Optional<WorkerProtocol.Request>> requests = new LinkedBlockingQueue<>();
    boolean bareReports = bare;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      Thread t = new Thread(() -> serve(processor, limits, bareReports, requests, out), "nianbao-slot-" + i);
      t.setUncaughtExceptionHandler((thread, error) -> {
        error.printStackTrace();
        Runtime.getRuntime().halt(1);
      });
      t.start();
      threads.add(t);
    }
    try {
      Optional<WorkerProtocol.Request> request;
      while ((request = WorkerProtocol.readRequest(in)).isPresent()) {
        requests.put(request);
      }
    } finally {
      // one end mark for each slot
      for (int i = 0; i < slots; i++) {
        requests.put(Optional.empty());
      }
      for (Thread t : threads) {
        t.join();
      }
    }
    synchronized (out) {
      WorkerProtocol.writeReply(out, WorkerProtocol.STATS, 0, JvmStats.current().encode());
    }
  }

  private static void serve(DocumentProcessor processor, ZipLimits limits, boolean bare,
      BlockingQueue<Optional<WorkerProtocol.Request>> requests, DataOutputStream out) {
    try (DocumentReads reads = new DocumentReads(limits)) {
      Optional<WorkerProtocol.Request> next;
      while ((next = requests.take()).isPresent()) {
        WorkerProtocol.Request r = next.get();
        Report report = Outcomes.process(processor, reads, r.source(), r.id(), r.location());
        byte[] payload = bare ? ReportCodec.encode(report) : StateStore.reportEntry(report);
        synchronized (out) {
          WorkerProtocol.writeReply(out, bare ? WorkerProtocol.BARE_REPORT : WorkerProtocol.REPORT, r.tag(), payload);
        }
      }
    } catch (IOException e) {
      // the batch closed the pipe (it stopped this worker): nothing is left to answer
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
