package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.model.Status;

/**
 * A lane hands its worker the tasks after the current one; when the worker dies with them sent, they are
 * read by its successor, and only the document that ended it fails.
 */
class TasksAheadTest {
  @TempDir
  Path dir;

  @Test
  void tasksSentAheadOfACrashAreReadByTheNextWorker() throws Exception {
    ForkedLane.Launcher launcher = FakeWorkers.launcher(dir, 1, Duration.ofSeconds(60));
    Lane lane = launcher.open();
    try {
      assertTrue(lane.ahead() >= 1, "a one-job lane sends work ahead");
      Task a = FakeWorkers.task(dir, "a.txt", "REPORT WHO a");
      Task crash = FakeWorkers.task(dir, "crash.txt", "CRASH");
      Task c = FakeWorkers.task(dir, "c.txt", "REPORT WHO c");
      Task d = FakeWorkers.task(dir, "d.txt", "REPORT WHO d");
      Lane.Outcome first = lane.process(a, List.of(crash, c), 10);
      assertEquals(Status.OK, first.head().status());
      Lane.Outcome crashed = lane.process(crash, List.of(c, d), 9);
      assertEquals(Status.FAILED, crashed.head().status());
      Lane.Outcome third = lane.process(c, List.of(d), 8);
      Lane.Outcome fourth = lane.process(d, List.of(), 7);
      assertEquals(Status.OK, third.head().status());
      assertEquals(Status.OK, fourth.head().status());
      assertNotEquals(first.head().summary().agency(), third.head().summary().agency(), "read by the successor");
      assertEquals(third.head().summary().agency(), fourth.head().summary().agency());
    } finally {
      lane.close();
    }
  }
}
