package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which compiler a worker JVM gets: C1 unless one worker has a very long run and a core to spare; and who
 * renders the rows.
 */
class CompilerPolicyTest {
  private static ForkedLane.Launcher launcher(int jobs) {
    return new ForkedLane.Launcher(ProcessorSpec.pipeline(Optional.empty()), ZipLimits.DEFAULT,
        512, jobs, Duration.ofMinutes(1), Duration.ofMinutes(1), Path.of("workers.log"), Verbosity.QUIET,
        ClassArchive.forThisJvm(ClassArchive.WORKER));
  }

  private static boolean c1Only(int documents, int jobs) {
    return launcher(jobs).command(documents, java.util.List.of(), 1).contains("-XX:TieredStopAtLevel=1");
  }

  @Test
  void workersLeaveTheRowsToTheBatchOnlyWhenTheyLeaveItACore() {
    int cores = Runtime.getRuntime().availableProcessors();
    java.util.List<String> command = launcher(cores).command(100, java.util.List.of(), 1);
    assertEquals(false, command.get(command.size() - 1).equals(WorkerMain.BARE));
    command = launcher(Math.max(1, cores - 1)).command(100, java.util.List.of(), 1);
    assertEquals(cores > 1, command.get(command.size() - 1).equals(WorkerMain.BARE));
  }

  @Test
  void benchmarkSizesCompileWithC1() {
    // 2,000 documents in one worker: C2 spent 25 CPU-s to save about 2 (README, "Benchmark")
    assertEquals(true, c1Only(200, 1));
    assertEquals(true, c1Only(2_000, 1));
    assertEquals(true, c1Only(2_000, 2));
  }

  @Test
  void aVeryLongRunWithACoreToSpareGetsC2() {
    boolean spareCore = Runtime.getRuntime().availableProcessors() > 1;
    assertEquals(!spareCore, c1Only(ForkedLane.C2_PAYS_FROM_DOCUMENTS, 1));
    assertEquals(true, c1Only(ForkedLane.C2_PAYS_FROM_DOCUMENTS, Runtime.getRuntime().availableProcessors()));
  }
}
