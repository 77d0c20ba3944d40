package org.nianbao.pipeline.batch;

import java.time.Duration;
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
  private ExecutorService thread = newThread();

  InProcessLane(DocumentProcessor processor, Duration timeout) {
    this.processor = processor;
    this.timeout = timeout;
  }

  static Lane.Factory factory(DocumentProcessor processor, Duration timeout) {
    return () -> new InProcessLane(processor, timeout);
  }

  @Override
  public Report process(Task task) {
    Future<Report> result = thread.submit(() -> Outcomes.processSafely(processor, task.bytes(), task.source()));
    try {
      return Outcomes.withSource(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS), task.source());
    } catch (TimeoutException e) {
      result.cancel(true);
      thread.shutdownNow();
      thread = newThread();
      return Outcomes.failed(task.id(), task.source(), task.bytes(), Outcomes.timeout(timeout));
    } catch (ExecutionException e) {
      return Outcomes.failed(task.id(), task.source(), task.bytes(), Outcomes.processorError(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcomes.failed(task.id(), task.source(), task.bytes(), "interrupted");
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
  public long peakRssKb() {
    return 0;
  }

  @Override
  public long peakHeapBytes() {
    return 0;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
