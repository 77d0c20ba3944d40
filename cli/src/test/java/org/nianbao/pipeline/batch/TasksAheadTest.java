package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.model.ReportId;
import org.nianbao.model.Status;

/**
 * A lane hands its worker the tasks after the current one; when the worker dies with them sent, they are
 * read by its successor, and only the document that ended it fails.
 */
class TasksAheadTest {
  @TempDir
  Path dir;

  private Task task(String name, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return new Task(name, ReportId.of(bytes), new Location.InFile(file), bytes, false);
  }

  @Test
  void tasksSentAheadOfACrashAreReadByTheNextWorker() throws Exception {
    ForkedLane.Launcher launcher = new ForkedLane.Launcher(
        new ProcessorSpec(FakeProcessor.class.getName(), Optional.empty()), ZipLimits.DEFAULT, 128, 1,
        Duration.ofSeconds(60), Duration.ofMinutes(1), dir.resolve("workers.log"), Verbosity.QUIET,
        ClassArchive.forThisJvm(ClassArchive.WORKER));
    Lane lane = launcher.open();
    try {
      assertTrue(lane.ahead() >= 1, "a one-job lane sends work ahead");
      Task a = task("a.txt", "REPORT WHO a");
      Task crash = task("crash.txt", "CRASH");
      Task c = task("c.txt", "REPORT WHO c");
      Task d = task("d.txt", "REPORT WHO d");
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
