package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nianbao.model.Report;
import org.nianbao.pipeline.DocumentProcessor;

/**
 * A lane that runs the processor in this JVM, for tests: no isolation from crashes or memory, and a
 * document over its time limit leaves its thread behind (a Java thread cannot be killed), but the
 * document still gets its failed report and the lane a fresh thread.
 */
final class InProcessLane implements Lane {
  private final DocumentProcessor processor;
  private final Duration timeout;
  private final DocumentReads reads;
  private ExecutorService thread = newThread();

  InProcessLane(DocumentProcessor processor, Duration timeout, ZipLimits limits) {
    this.processor = processor;
    this.timeout = timeout;
    this.reads = new DocumentReads(limits);
  }

  static Lane.Factory factory(DocumentProcessor processor, Duration timeout, ZipLimits limits) {
    return () -> new InProcessLane(processor, timeout, limits);
  }

  @Override
  public Outcome process(Task task, List<Task> ahead, int remaining) {
    Future<Report> result = thread.submit(() -> Outcomes.process(processor, reads, task.source(), task.id(),
        task.location()));
    try {
      return Outcome.of(StateStore.reportEntry(
          result.get(ScanAllowance.limit(task, timeout).toMillis(), TimeUnit.MILLISECONDS)), false);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("an entry just written reads back", e);
    } catch (TimeoutException e) {
      result.cancel(true);
      thread.shutdownNow();
      thread = newThread();
      return Outcome.failed(task, Outcomes.timeout(ScanAllowance.limit(task, timeout)));
    } catch (ExecutionException e) {
      return Outcome.failed(task, Outcomes.processorError(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed(task, "interrupted");
    }
  }

  private static ExecutorService newThread() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "nianbao-in-process");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public JvmStats stats() {
    return JvmStats.NONE;
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      reads.close();
    } catch (IOException e) {
      // nothing left to read
    }
  }
}
