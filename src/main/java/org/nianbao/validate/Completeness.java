package org.nianbao.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Messages;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.model.Severity;

/**
 * The completeness guarantee: every key a matched table must yield is in the report's cells (with a value
 * or blank) or named in the keys of an anomaly that says why not (missing_row, missing_column,
 * missing_cell, row_misaligned …). Keys that no stage accounted for are named here, so that a lost cell is
 * never silent; the report is then {@code partial}. Stateless.
 */
public final class Completeness {
  /** The rule naming cells no other finding explains; a test keeps it from firing on the corpus. */
  public static final String RULE = "unread_cells";

  /**
   * @param expected per table id, the keys its tables must yield, in table order
   * @return one finding per table whose keys are neither read nor named
   */
  public List<Anomaly> check(Map<String, ? extends Set<String>> expected, Set<String> cellKeys, List<Anomaly> anomalies) {
    Set<String> named = new HashSet<>();
    anomalies.forEach(a -> named.addAll(a.keys()));
    List<Anomaly> out = new ArrayList<>();
    expected.forEach((table, keys) -> {
      List<String> lost = keys.stream().filter(k -> !cellKeys.contains(k) && !named.contains(k)).toList();
      if (!lost.isEmpty()) {
        out.add(Anomaly.rule(Severity.WARNING, RULE, lost, 0, Messages.table(table), lost.size(),
            KeyCatalog.get().labels(lost, 3)));
      }
    });
    return out;
  }

  /** Whether every expected key was read: a report is {@code ok} or {@code anomalies} only then. */
  public static boolean complete(Map<String, ? extends Set<String>> expected, Set<String> cellKeys) {
    return expected.values().stream().allMatch(cellKeys::containsAll);
  }
}
