package org.nianbao.map;

import java.util.List;
import java.util.Set;
import org.nianbao.mapping.TableSpec;
import org.nianbao.model.Anomaly;

/**
 * The result of mapping one table with one table spec.
 *
 * @param rowsFound the row keys (or, for a table without row labels, {@code ""}) that were found
 * @param expected the keys the table must yield (each in the cells or named by an anomaly): every key of the
 *     spec, or for a spec of optional rows the keys of the rows found under the columns its header has
 * @param score how well the spec fits: cells bound plus cue hits; 0 means it does not fit at all
 */
public record TableMatch(TableSpec spec, List<MappedCell> cells, List<Anomaly> anomalies, Set<String> rowsFound,
    Set<String> expected, int score, int page) {
  public TableMatch {
    cells = List.copyOf(cells);
    anomalies = List.copyOf(anomalies);
    rowsFound = Set.copyOf(rowsFound);
    expected = Set.copyOf(expected);
  }
}
