package org.nianbao.locate;

import java.util.List;
import org.nianbao.map.TableMatch;
import org.nianbao.model.Anomaly;

/**
 * The tables of one document matched to table specs, and the report's format era.
 *
 * @param format the report's era code, or {@code unknown} when no statistics table was recognized
 * @param matches the chosen match of every recognized table, in document order
 * @param anomalies findings about the document's structure (missing or mixed sections)
 */
public record LocatedReport(String format, List<TableMatch> matches, List<Anomaly> anomalies) {
  public LocatedReport {
    matches = List.copyOf(matches);
    anomalies = List.copyOf(anomalies);
  }
}
