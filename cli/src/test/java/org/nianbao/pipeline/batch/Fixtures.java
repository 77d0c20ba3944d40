package org.nianbao.pipeline.batch;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds test inputs (zips with chosen name charsets, bombs) and reads the CSV output back. */
public final class Fixtures {
  private Fixtures() {}

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A zip of the given entries, names written in {@code names} (UTF-8 sets the language flag). */
  public static byte[] zip(Charset names, Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  public static byte[] zip(Map<String, byte[]> entries) throws IOException {
    return zip(StandardCharsets.UTF_8, entries);
  }

  /** One entry of {@code size} zero bytes: compresses about a thousand to one. */
  public static byte[] bomb(int size) throws IOException {
    return zip(Map.of("zeros.html", new byte[size]));
  }

  public static Map<String, byte[]> entries(Object... nameThenBytes) {
    Map<String, byte[]> map = new LinkedHashMap<>();
    for (int i = 0; i < nameThenBytes.length; i += 2) {
      map.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
    }
    return map;
  }

  /** Rows of a CSV file written by nianbao, header included, BOM removed. */
  public static List<String[]> readCsv(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < 3 || bytes[0] != (byte) 0xEF || bytes[1] != (byte) 0xBB || bytes[2] != (byte) 0xBF) {
      throw new AssertionError(file + " does not start with a UTF-8 byte-order mark");
    }
    try (Reader reader = new InputStreamReader(
            new java.io.ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
        CSVReader csv = new CSVReader(reader)) {
      return csv.readAll();
    } catch (CsvException e) {
      throw new IOException(e);
    }
  }

  /** reports.csv as source → row (column names from the header). */
  public static Map<String, Map<String, String>> reportsBySource(Path out) throws IOException {
    List<String[]> rows = readCsv(out.resolve("reports.csv"));
    String[] header = rows.get(0);
    Map<String, Map<String, String>> bySource = new LinkedHashMap<>();
    for (String[] row : rows.subList(1, rows.size())) {
      Map<String, String> named = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        named.put(header[i], row[i]);
      }
      if (bySource.put(named.get("source"), named) != null) {
        throw new AssertionError("two rows for " + named.get("source"));
      }
    }
    return bySource;
  }
}
