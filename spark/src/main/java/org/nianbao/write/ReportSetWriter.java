package org.nianbao.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.nianbao.model.Report;

/**
 * Writes a run's output files from its final reports (cross-report findings already among their
 * anomalies), given in file order ({@link CsvRows#REPORT_ORDER}), as one {@link OutputSet}: the same rows
 * and files the batch assembles from its state folder. For engines that hold the reports themselves (the
 * Spark job), so their files cannot drift from the command line's. In the Spark module, so that the command
 * line's jar does not carry it.
 */
public final class ReportSetWriter {
  private ReportSetWriter() {}

  /**
   * @param keysByFormat for every format among the reports, the keys {@link WideLayout#keysOf} found in its
   *     reports (an empty set when none): one wide file per known format present
   * @param xlsx also write the workbook
   */
  public static void write(Path out, Path staging, Map<String, Set<String>> keysByFormat, Iterator<Report> reports,
      boolean xlsx) throws IOException {
    Map<String, WideLayout> layouts = new LinkedHashMap<>();
    for (String format : WideLayout.FORMATS) {
      if (keysByFormat.containsKey(format)) {
        layouts.put(format, WideLayout.of(format, keysByFormat.get(format)));
      }
    }
    OutputSet set = OutputSet.begin(out, staging);
    Map<String, CsvFiles.Sink> wide = new LinkedHashMap<>();
    try (CsvFiles.Sink reportSink = new CsvFiles.Sink(set.file(CsvFiles.REPORTS), CsvRows.REPORTS_HEADER);
        CsvFiles.Sink cells = new CsvFiles.Sink(set.file(CsvFiles.CELLS), CsvRows.CELLS_HEADER);
        CsvFiles.Sink anomalies = new CsvFiles.Sink(set.file(CsvFiles.ANOMALIES), CsvRows.ANOMALIES_HEADER)) {
      for (WideLayout layout : layouts.values()) {
        wide.put(layout.format(), new CsvFiles.Sink(set.file(layout.csvName()), layout.keyHeader()));
      }
      Iterator<Report> written = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return reports.hasNext();
        }

        @Override
        public Report next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Report r = reports.next();
          try {
            cells.raw(CsvFiles.render(CsvRows.cellRows(r)));
            anomalies.raw(CsvFiles.render(CsvRows.anomalyRows(r)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          reportSink.row(CsvRows.reportRow(r));
          CsvFiles.Sink wideSink = wide.get(r.format());
          if (wideSink != null) {
            wideSink.row(layouts.get(r.format()).csvRow(r));
          }
          return r;
        }
      };
      if (xlsx) {
        XlsxWriter.write(set.file(XlsxWriter.FILE), List.copyOf(layouts.values()), written);
      } else {
        written.forEachRemaining(r -> { });
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      for (CsvFiles.Sink sink : wide.values()) {
        sink.close();
      }
    }
    set.commit();
  }
}
