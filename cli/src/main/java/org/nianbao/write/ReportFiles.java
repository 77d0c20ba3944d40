package org.nianbao.write;

import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.model.Report;

/**
 * The CSV files of a run inside its {@link OutputSet}: reports, cells, anomalies and one wide file per format
 * present, written a report at a time in file order. The batch and the Spark job both write through it, so
 * their files cannot drift apart.
 */
public final class ReportFiles implements Closeable {
  private final Map<String, WideLayout> layouts;
  private final CsvFiles.Sink reports;
  private final CsvFiles.Sink cells;
  private final CsvFiles.Sink anomalies;
  private final Map<String, CsvFiles.Sink> wide = new LinkedHashMap<>();

  /**
   * @param keysByFormat for every format among the run's reports, the keys outside its era's catalogue that
   *     its reports hold ({@link WideLayout#keysOf}); one wide file per known format present
   */
  public ReportFiles(OutputSet set, Map<String, Set<String>> keysByFormat) throws IOException {
    layouts = new LinkedHashMap<>();
    for (String format : WideLayout.FORMATS) {
      if (keysByFormat.containsKey(format)) {
        layouts.put(format, WideLayout.of(format, keysByFormat.get(format)));
      }
    }
    reports = new CsvFiles.Sink(set.file(CsvFiles.REPORTS), CsvRows.REPORTS_HEADER);
    cells = new CsvFiles.Sink(set.file(CsvFiles.CELLS), CsvRows.CELLS_HEADER);
    anomalies = new CsvFiles.Sink(set.file(CsvFiles.ANOMALIES), CsvRows.ANOMALIES_HEADER);
    for (WideLayout layout : layouts.values()) {
      wide.put(layout.format(), new CsvFiles.Sink(set.file(layout.csvName()), layout.keyHeader()));
    }
  }

  /** The wide layouts of the formats present, for the workbook. */
  public List<WideLayout> layouts() {
    return List.copyOf(layouts.values());
  }

  /** Writes a report's rows, rendering its cells and anomalies. */
  public void write(Report r) throws IOException {
    write(r, CsvFiles.render(CsvRows.cellRows(r)), CsvFiles.render(CsvRows.anomalyRows(r)));
  }

  /** Writes a report whose cell and anomaly rows were rendered already ({@link CsvFiles#render}). */
  public void write(Report r, byte[] cellRows, byte[] anomalyRows) throws IOException {
    cells.raw(cellRows);
    anomalies.raw(anomalyRows);
    reports.row(CsvRows.reportRow(r));
    CsvFiles.Sink wideSink = wide.get(r.format());
    if (wideSink != null) {
      wideSink.row(layouts.get(r.format()).csvRow(r));
    }
  }

  /** An anomalies row that belongs to no report (a correction naming a report the run does not have). */
  public void anomalyRow(String[] row) {
    anomalies.row(row);
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Closeable sink : sinks()) {
      try {
        sink.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private List<Closeable> sinks() {
    List<Closeable> all = new java.util.ArrayList<>(List.of(reports, cells, anomalies));
    all.addAll(wide.values());
    return all;
  }
}
