package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.model.Status;

/**
 * Two lanes share one worker JVM. A document is failed only for what it did itself: when the shared worker
 * dies with both lanes' documents in it, each is read again by a worker of its own; when it is stopped for
 * one document over its time, the other lane's document goes to its successor.
 */
class SharedWorkerTest {
  @TempDir
  Path dir;

  private ForkedLane.Launcher launcher(Duration timeout) {
    return FakeWorkers.launcher(dir, 2, timeout);
  }

  private Task task(String name, String text) throws Exception {
    return FakeWorkers.task(dir, name, text);
  }

  /** The lane's outcome after a pause, on a thread of its own as the batch's lanes run. */
  private static CompletableFuture<Lane.Outcome> later(Lane lane, Task task, long pauseMillis) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        Thread.sleep(pauseMillis);
        return lane.process(task, List.of(), 10);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static String pid(Lane.Outcome outcome) {
    return outcome.head().summary().agency();
  }

  @Test
  void twoLanesReadTheirDocumentsInOneJvm() throws Exception {
    ForkedLane.Launcher launcher = launcher(Duration.ofSeconds(60));
    Lane a = launcher.open();
    Lane b = launcher.open();
    try {
      CompletableFuture<Lane.Outcome> first = later(a, task("a.txt", "REPORT WHO a"), 0);
      CompletableFuture<Lane.Outcome> second = later(b, task("b.txt", "REPORT WHO b"), 0);
      assertEquals(Status.OK, first.get().head().status());
      assertEquals(Status.OK, second.get().head().status());
      assertEquals(pid(first.get()), pid(second.get()));
      // a third lane gets a worker of its own
      Lane c = launcher.open();
      try {
        Lane.Outcome third = c.process(task("c.txt", "REPORT WHO c"), List.of(), 10);
        assertNotEquals(pid(first.get()), pid(third));
      } finally {
        c.close();
      }
    } finally {
      a.close();
      b.close();
    }
    assertEquals(true, a.stats().cpuNanos() + b.stats().cpuNanos() > 0, "the shared worker's cost is counted");
  }

  /** Two lanes of one worker, each handed its document after its pause; both outcomes, the lanes closed. */
  private Lane.Outcome[] twoLanes(Duration timeout, String textA, long pauseA, String textB, long pauseB)
      throws Exception {
    ForkedLane.Launcher launcher = launcher(timeout);
    Lane a = launcher.open();
    Lane b = launcher.open();
    try {
      CompletableFuture<Lane.Outcome> first = later(a, task("a.txt", textA), pauseA);
      CompletableFuture<Lane.Outcome> second = later(b, task("b.txt", textB), pauseB);
      return new Lane.Outcome[] {first.get(), second.get()};
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void aCrashFailsOnlyTheDocumentThatCausesItAgain() throws Exception {
    // b's document is still being read when a's ends the shared worker
    Lane.Outcome[] o = twoLanes(Duration.ofSeconds(60), "CRASH", 1000, "REPORT LINGER WHO b", 0);
    assertEquals(Status.FAILED, o[0].head().status());
    assertEquals("处理进程崩溃：退出状态 7", errorOf(o[0]));
    assertEquals(Status.OK, o[1].head().status());
  }

  @Test
  void aDocumentOverItsTimeStopsTheWorkerButNotTheOtherLanesDocument() throws Exception {
    // b's three-second document is still being read when a's runs out of time, eight seconds after its worker
    // was ready: the next worker reads it, within b's own eight seconds even if that worker is slow to start
    Lane.Outcome[] o = twoLanes(Duration.ofSeconds(8), "HANG", 0, "REPORT LINGER WHO b", 7000);
    assertEquals(Status.FAILED, o[0].head().status());
    assertEquals("超时：8 秒内未处理完", errorOf(o[0]));
    assertEquals(Status.OK, o[1].head().status());
  }

  private static String errorOf(Lane.Outcome outcome) throws Exception {
    StateStore.Entry entry = StateStore.decode(outcome.entry(), "test");
    return ((StateStore.Stored) entry).report().error();
  }
}
