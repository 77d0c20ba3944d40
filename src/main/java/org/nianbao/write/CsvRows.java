package org.nianbao.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;
import org.nianbao.validate.CrossReportChecks;

/**
 * The rows of reports.csv (with {@code agency_group}, the normalized agency the cross-report checks group
 * by), cells.csv and anomalies.csv for one report (OUTPUT.md), already neutralized
 * against spreadsheet formula injection and in their deterministic order.
 */
public final class CsvRows {
  public static final String[] REPORTS_HEADER = {
    "report_id", "source", "file_type", "status", "format", "agency", "year", "title", "cells", "errors",
    "warnings", "error", "agency_group"
  };
  public static final String[] CELLS_HEADER = {
    "report_id", "source", "agency", "year", "format", "key", "value", "raw", "flags", "page", "row_label",
    "column_label", "locator", "reviewer", "review_note"
  };
  public static final String[] ANOMALIES_HEADER = {
    "report_id", "source", "agency", "year", "severity", "rule", "keys", "expected", "actual", "message", "page"
  };

  /** Orders reports as the files list them: by source path, then report id. */
  public static final Comparator<Report> REPORT_ORDER =
      Comparator.comparing(Report::source).thenComparing(r -> r.id().hex());

  private CsvRows() {}

  /** Columns of {@link #REPORTS_HEADER} that hold numbers (numeric cells in the workbook). */
  public static final Set<String> REPORTS_NUMERIC = Set.of("year", "cells", "errors", "warnings");

  public static String[] reportRow(Report r) {
    return safe(reportFields(r));
  }

  /**
   * The reports.csv row before formula neutralization: the one row model of reports.csv and the workbook's
   * Reports sheet, which writes these fields as typed cells.
   */
  public static String[] reportFields(Report r) {
    return new String[] {
      r.id().text(), r.source(), r.fileType(), r.status().code(), r.format(), r.agency(), r.yearText(), r.title(),
      Integer.toString(r.cells().size()), Long.toString(r.count(Severity.ERROR)),
      Long.toString(r.count(Severity.WARNING)), r.error(), CrossReportChecks.normalizeAgency(r.agency())
    };
  }

  /** Cells sorted by key (then locator, for the rare duplicate key). */
  public static List<String[]> cellRows(Report r) {
    List<CellValue> cells = new ArrayList<>(r.cells());
    cells.sort(Comparator.comparing(CellValue::key).thenComparing(CellValue::locator));
    List<String[]> rows = new ArrayList<>(cells.size());
    for (CellValue c : cells) {
      String[] row = {
        r.id().text(), r.source(), r.agency(), r.yearText(), r.format(), c.key(), c.valueText(), c.raw(),
        c.flagsText(), c.pageText(), c.rowLabel(), c.columnLabel(), c.locator(), c.reviewer(), c.reviewNote()
      };
      rows.add(safe(row));
    }
    return rows;
  }

  /** Anomalies in the order the report holds them (stages add them deterministically). */
  public static List<String[]> anomalyRows(Report r) {
    List<String[]> rows = new ArrayList<>(r.anomalies().size());
    for (Anomaly a : r.anomalies()) {
      String[] row = {
        r.id().text(), r.source(), r.agency(), r.yearText(), a.severity().code(), a.rule(), a.keysText(),
        a.expected(), a.actual(), a.message(), a.pageText()
      };
      rows.add(safe(row));
    }
    return rows;
  }

  private static String[] safe(String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      fields[i] = FormulaGuard.neutralize(fields[i]);
    }
    return fields;
  }
}
