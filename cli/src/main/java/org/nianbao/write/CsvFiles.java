package org.nianbao.write;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /**
   * Rows rendered as the bytes they take in a file (no byte-order mark, no header): workers render their
   * report's rows, and the run's files are assembled from these fragments.
   */
  public static byte[] render(List<String[]> rows) {
    // the bytes the OpenCSV writer of these files writes (CsvFilesTest compares them), without its cost per
    // field, which was a twentieth of a worker's time; encoded straight to UTF-8, not through a String
    Utf8 out = new Utf8(64 + 160 * rows.size());
    // A report's rows repeat its id, source, agency, year and format, and often a label: a field equal to the
    // one above it is copied from that row's bytes instead of encoded again.
    String[] above = new String[0];
    int[] aboveStart = new int[0];
    int[] aboveEnd = new int[0];
    for (String[] row : rows) {
      if (row == null) {
        continue;
      }
      if (aboveStart.length < row.length) {
        above = java.util.Arrays.copyOf(above, row.length);
        aboveStart = java.util.Arrays.copyOf(aboveStart, row.length);
        aboveEnd = java.util.Arrays.copyOf(aboveEnd, row.length);
      }
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          out.ascii(',');
        }
        String field = row[i];
        int start = out.size;
        if (field != null && field.equals(above[i])) {
          out.copy(aboveStart[i], aboveEnd[i]);
        } else if (field != null && out.text(field, false)) {
          // one pass that also tells whether the field needs quotes; only then (rarely) a second, quoted
          out.size = start;
          out.ascii('"');
          out.text(field, true);
          out.ascii('"');
        }
        above[i] = field;
        aboveStart[i] = start;
        aboveEnd[i] = out.size;
      }
      for (int i = row.length; i < above.length; i++) {
        above[i] = null;
      }
      out.ascii('\r');
      out.ascii('\n');
    }
    return out.bytes();
  }

  /** A growing UTF-8 buffer; a lone surrogate becomes '?', as {@code String.getBytes} writes it. */
  private static final class Utf8 {
    private byte[] buf;
    private int size;

    Utf8(int capacity) {
      buf = new byte[capacity];
    }

    void ascii(char c) {
      room(1);
      buf[size++] = (byte) c;
    }

    private char[] chars = new char[256];

    /**
     * Appends the text's UTF-8 bytes, each '"' doubled when {@code quoted}; true when the text holds a
     * character that makes a CSV field need quotes ({@code " , CR LF}).
     */
    boolean text(String s, boolean quoted) {
      int n = s.length();
      // at most three bytes a char: a doubled quote takes two, a surrogate pair four for its two chars
      room(n * 3);
      if (chars.length < n) {
        chars = new char[Math.max(n, chars.length * 2)];
      }
      s.getChars(0, n, chars, 0);
      char[] cs = chars;
      byte[] b = buf;
      int at = size;
      boolean special = false;
      for (int i = 0; i < n; i++) {
        char c = cs[i];
        if (c < 0x80) {
          if (c == '"' || c == ',' || c == '\n' || c == '\r') {
            special = true;
            if (c == '"' && quoted) {
              b[at++] = '"';
            }
          }
          b[at++] = (byte) c;
        } else if (c < 0x800) {
          b[at++] = (byte) (0xC0 | c >> 6);
          b[at++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isSurrogate(c)) {
          if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
            int cp = Character.toCodePoint(c, cs[++i]);
            b[at++] = (byte) (0xF0 | cp >> 18);
            b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
            b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[at++] = (byte) (0x80 | cp & 0x3F);
          } else {
            b[at++] = '?';
          }
        } else {
          b[at++] = (byte) (0xE0 | c >> 12);
          b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
          b[at++] = (byte) (0x80 | c & 0x3F);
        }
      }
      size = at;
      return special;
    }

    /** Appends bytes already written, from {@code start} to {@code end}. */
    void copy(int start, int end) {
      room(end - start);
      System.arraycopy(buf, start, buf, size, end - start);
      size += end - start;
    }

    private void room(int more) {
      if (size + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }

    byte[] bytes() {
      return java.util.Arrays.copyOf(buf, size);
    }
  }

  /** {@link #render} through the OpenCSV writer the files use: for the test that both give the same bytes. */
  static byte[] renderWithOpenCsv(List<String[]> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 96 * rows.size());
    try (CSVWriter csv = writer(bytes)) {
      for (String[] row : rows) {
        csv.writeNext(row, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** A CSV file written row by row or from rendered fragments; not atomic by itself (see {@link OutputSet}). */
  public static final class Sink implements Closeable {
    private final OutputStream file;
    private final CSVWriter csv;

    public Sink(Path path, String[] header) throws IOException {
      this.file = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
      this.csv = open(new NoClose(file));
      csv.writeNext(header, false);
    }

    public void row(String[] fields) {
      csv.writeNext(fields, false);
    }

    /** Appends rows already rendered by {@link #render}. */
    public void raw(byte[] fragment) throws IOException {
      csv.flush();
      file.write(fragment);
    }

    @Override
    public void close() throws IOException {
      csv.close();
      file.close();
    }
  }

  /** Passes bytes on; flushing and closing stay with the sink, so a flush does not reach the disk. */
  private static final class NoClose extends java.io.FilterOutputStream {
    NoClose(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() {
      // the sink flushes its file when it closes
    }

    @Override
    public void close() {
      // the sink closes its file
    }
  }

  /** A CSV writer on the stream, with the byte-order mark already written. */
  public static CSVWriter open(OutputStream out) throws IOException {
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    return writer(out);
  }

  private static CSVWriter writer(OutputStream out) {
    return new CSVWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
        ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
        "\r\n");
  }
}
