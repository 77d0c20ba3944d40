package org.nianbao.write;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import org.nianbao.model.Report;

/**
 * Writes CSV files the way OUTPUT.md promises: RFC 4180 quoting, UTF-8 with a byte-order mark, CRLF line
 * ends, and atomically (a temporary file in the same folder, then a rename), so a killed run never leaves
 * a truncated file that looks whole.
 */
public final class CsvFiles {
  public static final String REPORTS = "reports.csv";
  public static final String CELLS = "cells.csv";
  public static final String ANOMALIES = "anomalies.csv";

  private CsvFiles() {}

  /** Writes the three files for reports already in memory (sorted here). */
  public static void writeAll(Path dir, List<Report> reports) throws IOException {
    List<Report> sorted = reports.stream().sorted(CsvRows.REPORT_ORDER).toList();
    write(dir.resolve(REPORTS), CsvRows.REPORTS_HEADER, sorted.stream().map(CsvRows::reportRow).iterator());
    write(dir.resolve(CELLS), CsvRows.CELLS_HEADER,
        sorted.stream().flatMap(r -> CsvRows.cellRows(r).stream()).iterator());
    write(dir.resolve(ANOMALIES), CsvRows.ANOMALIES_HEADER,
        sorted.stream().flatMap(r -> CsvRows.anomalyRows(r).stream()).iterator());
  }

  /** Writes one CSV file atomically from a stream of rows. */
  public static void write(Path file, String[] header, Iterator<String[]> rows) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp);
          CSVWriter csv = open(out)) {
        csv.writeNext(header, false);
        while (rows.hasNext()) {
          csv.writeNext(rows.next(), false);
        }
      }
      OutputFiles.makeReadable(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A CSV writer on the stream, with the byte-order mark already written. */
  public static CSVWriter open(OutputStream out) throws IOException {
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    return new CSVWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
        ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
        "\r\n");
  }
}
