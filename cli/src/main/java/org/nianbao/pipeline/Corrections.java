package org.nianbao.pipeline;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A reviewer's decisions (--corrections FILE): a CSV {@code report_id,key,value,reviewer,note}, UTF-8 with
 * or without a byte-order mark, one header row. The report id is written as nianbao writes it
 * ({@code sha256:} and 16 hex digits; the bare digits are accepted too). Loaded once per JVM; immutable.
 */
public final class Corrections {
  public static final String[] HEADER = {"report_id", "key", "value", "reviewer", "note"};

  /**
   * One line of the file.
   *
   * @param line the line number in the file (the header is line 1), for the findings that name it
   * @param reportId the id in nianbao's form ({@code sha256:…})
   * @param value the reviewer's number, or null when the text is not a number (reported, not applied)
   */
  public record Correction(int line, String reportId, String key, String valueText, BigDecimal value,
      String reviewer, String note) {}

  public static final Corrections NONE = new Corrections(List.of());

  private final List<Correction> all;
  private final Map<String, List<Correction>> byReport = new LinkedHashMap<>();

  private Corrections(List<Correction> all) {
    this.all = List.copyOf(all);
    for (Correction c : this.all) {
      byReport.computeIfAbsent(c.reportId(), r -> new ArrayList<>()).add(c);
    }
  }

  /** Reads the file; a file that cannot be read or lacks the columns throws with the reason. */
  public static Corrections load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return parse(new StringReader(text));
  }

  static Corrections parse(Reader in) throws IOException {
    List<String[]> rows;
    try (CSVReader reader = new CSVReaderBuilder(in).withCSVParser(new CSVParserBuilder().build()).build()) {
      rows = reader.readAll();
    } catch (CsvException e) {
      throw new IOException("line " + e.getLineNumber() + ": " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new IOException("empty file; the first line must be " + String.join(",", HEADER));
    }
    String[] header = rows.get(0);
    if (header.length < 3 || !header[0].strip().equals(HEADER[0]) || !header[1].strip().equals(HEADER[1])
        || !header[2].strip().equals(HEADER[2])) {
      throw new IOException("the first line must be " + String.join(",", HEADER) + ", not " + String.join(",", header));
    }
    List<Correction> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      String[] r = rows.get(i);
      if (r.length == 1 && r[0].isBlank()) {
        continue;
      }
      if (r.length < 3) {
        throw new IOException("line " + (i + 1) + ": needs at least report_id,key,value");
      }
      String value = r[2].strip();
      BigDecimal number;
      try {
        number = new BigDecimal(value.replace(",", ""));
      } catch (NumberFormatException e) {
        number = null;
      }
      out.add(new Correction(i + 1, reportId(r[0]), r[1].strip(), value, number, r.length > 3 ? r[3].strip() : "",
          r.length > 4 ? r[4].strip() : ""));
    }
    return new Corrections(out);
  }

  private static String reportId(String text) {
    String id = text.strip().toLowerCase(Locale.ROOT);
    return id.startsWith("sha256:") ? id : "sha256:" + id;
  }

  /** The corrections of one report, in file order. */
  public List<Correction> of(String reportId) {
    return byReport.getOrDefault(reportId, List.of());
  }

  /** The ids of the reports the corrections name. */
  public Set<String> reportIds() {
    return Set.copyOf(byReport.keySet());
  }

  /** The corrections naming a report that is not among {@code known}. */
  public List<Correction> unmatched(Set<String> known) {
    return all.stream().filter(c -> !known.contains(c.reportId())).toList();
  }

  public List<Correction> all() {
    return all;
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }
}
