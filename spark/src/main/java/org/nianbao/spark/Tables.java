package org.nianbao.spark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;
import org.nianbao.validate.CrossReportChecks;

/**
 * The Parquet tables: the columns of reports.csv, cells.csv and anomalies.csv (OUTPUT.md), numbers as
 * numbers (years, pages and counts as integers, values as decimals), empty numbers as nulls. The anomalies
 * table also carries the report's {@code format}, so that all three are partitioned by format and year.
 * Text is written as the model holds it: the CSV's guard against spreadsheet formulas is for spreadsheets.
 */
final class Tables {
  /** Values are counts and sums of money in 万元 or 元: 28 digits before the point and 10 after hold them all. */
  static final DataType NUMBER = DataTypes.createDecimalType(38, 10);

  static final StructType REPORTS = schema(
      string("report_id"), string("source"), string("file_type"), string("status"), string("format"),
      string("agency"), integer("year"), string("title"), integer("cells"), integer("errors"), integer("warnings"),
      string("error"), string("agency_group"));

  static final StructType CELLS = schema(
      string("report_id"), string("source"), string("agency"), integer("year"), string("format"), string("key"),
      number("value"), string("raw"), string("flags"), integer("page"), string("row_label"), string("column_label"),
      string("locator"), string("reviewer"), string("review_note"));

  static final StructType ANOMALIES = schema(
      string("report_id"), string("source"), string("agency"), integer("year"), string("severity"), string("rule"),
      string("keys"), number("expected"), number("actual"), string("message"), integer("page"), string("format"));

  private Tables() {}

  static Iterator<Row> reports(Extracted e) {
    Report r = Stages.report(e);
    return List.of(RowFactory.create(r.id().text(), r.source(), r.fileType(), r.status().code(), r.format(),
        r.agency(), r.year(), r.title(), r.cells().size(), (int) r.count(Severity.ERROR),
        (int) r.count(Severity.WARNING), r.error(), CrossReportChecks.normalizeAgency(r.agency()))).iterator();
  }

  static Iterator<Row> cells(Extracted e) {
    Report r = Stages.report(e);
    List<Row> rows = new ArrayList<>(r.cells().size());
    for (CellValue c : r.cells()) {
      rows.add(RowFactory.create(r.id().text(), r.source(), r.agency(), r.year(), r.format(), c.key(), c.value(),
          c.raw(), c.flagsText(), page(c.page()), c.rowLabel(), c.columnLabel(), c.locator(),
          c.reviewer(), c.reviewNote()));
    }
    return rows.iterator();
  }

  static Iterator<Row> anomalies(Extracted e) {
    Report r = Stages.report(e);
    List<Row> rows = new ArrayList<>(r.anomalies().size());
    for (Anomaly a : r.anomalies()) {
      rows.add(RowFactory.create(r.id().text(), r.source(), r.agency(), r.year(), a.severity().code(), a.rule(),
          a.keysText(), decimal(a.expected()), decimal(a.actual()), a.message(), page(a.page()), r.format()));
    }
    return rows.iterator();
  }

  private static Integer page(int page) {
    return page == 0 ? null : page;
  }

  /** An anomaly's compared number; empty when its rule compares none. */
  private static BigDecimal decimal(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static StructType schema(StructField... fields) {
    return DataTypes.createStructType(fields);
  }

  private static StructField string(String name) {
    return DataTypes.createStructField(name, DataTypes.StringType, false);
  }

  private static StructField integer(String name) {
    return DataTypes.createStructField(name, DataTypes.IntegerType, true);
  }

  private static StructField number(String name) {
    return DataTypes.createStructField(name, NUMBER, true);
  }
}
