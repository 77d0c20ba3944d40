package org.nianbao.pipeline.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.nianbao.model.ReportId;

/** Worker JVMs that run {@link FakeProcessor}, and the tasks they are handed, for tests of forked lanes. */
final class FakeWorkers {
  private FakeWorkers() {}

  /** A launcher of fake workers for a run of {@code jobs} jobs, logging into {@code dir}. */
  static ForkedLane.Launcher launcher(Path dir, int jobs, Duration timeout) {
    return new ForkedLane.Launcher(new ProcessorSpec(FakeProcessor.class.getName(), Optional.empty()),
        ZipLimits.DEFAULT, 128, jobs, timeout, Duration.ofMinutes(1), dir.resolve("workers.log"), Verbosity.QUIET,
        ClassArchive.forThisJvm(ClassArchive.WORKER));
  }

  /** A task for a file {@code name} in {@code dir} holding {@code text} (FakeProcessor's markers). */
  static Task task(Path dir, String name, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return new Task(name, ReportId.of(bytes), new Location.InFile(file), bytes, false);
  }
}
