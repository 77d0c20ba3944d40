package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanePlanTest {
  private static final long MS = 1_000_000L;

  /** A plan for two lanes whose one open lane finished 80 documents, 25 ms apart, in its first two seconds. */
  private static LanePlan eightyInTwoSeconds(int total) {
    LanePlan plan = new LanePlan(2, total);
    plan.taskStarted(0);
    for (int i = 0; i < 80; i++) {
      plan.taskFinished(100 * MS + i * 25 * MS);
    }
    return plan;
  }

  @Test
  void aLargeRunOpensEveryLaneAtOnceASmallOneStartsWithOne() {
    assertEquals(2, new LanePlan(2, LanePlan.AT_ONCE_FROM).atStart());
    assertEquals(1, new LanePlan(2, LanePlan.AT_ONCE_FROM - 1).atStart());
    assertEquals(1, new LanePlan(1, 10_000).atStart());
    // lanes that share a worker's start open together, however small the run
    assertEquals(2, new LanePlan(2, 20, 2).atStart());
    assertEquals(2, new LanePlan(4, 20, 2).atStart());
    assertEquals(1, new LanePlan(1, 20, 2).atStart());
  }

  @Test
  void noSecondWorkerWhileTheFirstIsStillWarmingUp() {
    LanePlan plan = new LanePlan(2, 300);
    plan.taskStarted(0);
    assertFalse(plan.another(1, 300, 3_900 * MS), "the first document may take a worker's start");
    plan.taskFinished(700 * MS);
    assertFalse(plan.another(1, 299, 2_600 * MS), "decided before a window after the first document");
  }

  @Test
  void aFirstDocumentThatTakesLongOpensAnotherLane() {
    LanePlan plan = new LanePlan(2, 20);
    plan.taskStarted(0);
    assertTrue(plan.another(1, 20, 4_100 * MS));
  }

  @Test
  void workThatTheOpenLaneFinishesSoonGetsNoSecondWorker() {
    // 80 documents in the last two seconds: 25 ms each, so 100 more take 2.5 s
    assertFalse(eightyInTwoSeconds(200).another(1, 100, 2_100 * MS));
  }

  @Test
  void workThatWouldKeepTheLaneBusyLongOpensAnother() {
    LanePlan plan = eightyInTwoSeconds(450);
    // 350 more at 25 ms: nearly 9 s
    assertTrue(plan.another(1, 350, 2_100 * MS));
    assertFalse(plan.another(2, 350, 2_100 * MS), "never more than --jobs");
  }

  @Test
  void slowDocumentsOpenAnotherLaneWhenNothingFinishedInTheWindow() {
    LanePlan plan = new LanePlan(3, 12);
    plan.taskStarted(0);
    plan.taskFinished(500 * MS);
    // a scan: nothing finished in the last two seconds, ten documents wait
    assertTrue(plan.another(1, 10, 3_000 * MS));
    // but a lane for each remaining document at most
    assertFalse(plan.another(2, 2, 3_000 * MS));
  }
}
