package org.nianbao.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything nianbao learned about one input document: one row of reports.csv plus its cells and
 * anomalies.
 *
 * @param format {@code 2021}, {@code 2019}, {@code s14}, {@code lg} or {@code unknown}
 * @param year the data year, or {@code null} when not found
 * @param error for failed/unrecognized documents, the reason; otherwise ""
 */
public record Report(
    ReportId id,
    String source,
    String fileType,
    Status status,
    String format,
    String agency,
    Integer year,
    String title,
    List<CellValue> cells,
    List<Anomaly> anomalies,
    String error) {
  public Report {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fileType, "fileType");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(error, "error");
    cells = List.copyOf(cells);
    anomalies = List.copyOf(anomalies);
  }

  /** A document that could not be read or holds no report. */
  public static Report unreadable(ReportId id, String source, String fileType, Status status, String error) {
    return new Report(id, source, fileType, status, "unknown", "", null, "", List.of(), List.of(), error);
  }

  public long count(Severity severity) {
    return anomalies.stream().filter(a -> a.severity() == severity).count();
  }

  public String yearText() {
    return year == null ? "" : year.toString();
  }
}
