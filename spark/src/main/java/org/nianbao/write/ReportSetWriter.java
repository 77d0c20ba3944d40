package org.nianbao.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.nianbao.model.Report;

/**
 * Writes a run's output files from its final reports (cross-report findings already among their
 * anomalies), given in file order ({@link CsvRows#REPORT_ORDER}), as one {@link OutputSet} through the
 * command line's {@link ReportFiles}. For engines that hold the reports themselves (the Spark job). In the
 * Spark module, so that the command line's jar does not carry it.
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
    OutputSet set = OutputSet.begin(out, staging);
    try (ReportFiles files = new ReportFiles(set, keysByFormat)) {
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
            files.write(r);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return r;
        }
      };
      if (xlsx) {
        XlsxWriter.write(set.file(XlsxWriter.FILE), files.layouts(), written);
      } else {
        written.forEachRemaining(r -> { });
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    set.commit();
  }
}
