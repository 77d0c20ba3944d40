package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Regression (batch probe): {@code --jobs 100000} started 80 worker JVMs in seconds. */
class JobsLimitTest {
  private static final long GB = 1L << 30;

  @Test
  void cappedByCoresWithAMessage() {
    JobsLimit limit = JobsLimit.of(100_000, 2, 24 * GB, 1024);
    assertEquals(2, limit.jobs());
    assertEquals("--jobs 100000 lowered to 2: this machine has 2 cores", limit.note());
  }

  @Test
  void cappedByMemoryWithAMessage() {
    JobsLimit limit = JobsLimit.of(8, 16, 3 * GB, 1024);
    assertEquals(2, limit.jobs());
    assertEquals("--jobs 8 lowered to 2: 3.2 GB of memory is available and each worker needs 1.3 GB", limit.note());
    assertEquals(1, JobsLimit.of(null, 16, GB / 2, 1024).jobs(), "at least one worker, however short memory is");
  }

  @Test
  void withinBoundsNothingChanges() {
    assertEquals(new JobsLimit(2, ""), JobsLimit.of(null, 2, 24 * GB, 1024));
    assertEquals(new JobsLimit(1, ""), JobsLimit.of(1, 2, 24 * GB, 1024));
  }
}
