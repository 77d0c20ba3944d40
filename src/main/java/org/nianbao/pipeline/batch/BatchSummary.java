package org.nianbao.pipeline.batch;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nianbao.model.Status;

/**
 * What a finished run produced, counted from the rows written.
 *
 * @param byStatus rows per status, in status order
 * @param byFileType rows per detected file type, by name
 * @param resumed inputs an earlier run had finished
 * @param workers what the worker JVMs cost: CPU and JIT summed, memory at its peak
 * @param correctionsApplied reviewer corrections put in place of the values read
 * @param correctionsUnmatched corrections naming a report that is not among the inputs (error rows)
 */
public record BatchSummary(
    int documents,
    Map<Status, Integer> byStatus,
    SortedMap<String, Integer> byFileType,
    int resumed,
    Duration elapsed,
    JvmStats workers,
    int correctionsApplied,
    int correctionsUnmatched) {
  public BatchSummary(int documents, Map<Status, Integer> byStatus, SortedMap<String, Integer> byFileType,
      int resumed, Duration elapsed, JvmStats workers) {
    this(documents, byStatus, byFileType, resumed, elapsed, workers, 0, 0);
  }

  public BatchSummary {
    byStatus = Map.copyOf(byStatus);
    byFileType = Collections.unmodifiableSortedMap(new TreeMap<>(byFileType));
  }

  public int count(Status status) {
    return byStatus.getOrDefault(status, 0);
  }
}
