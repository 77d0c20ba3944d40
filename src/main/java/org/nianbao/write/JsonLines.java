package org.nianbao.write;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Report;

/**
 * {@code reports.jsonl} ({@code --format jsonl}): one JSON object per report, in the order of reports.csv,
 * with the reports.csv fields, its cells (value a JSON number, or null when blank or unreadable; flags a list)
 * and its anomalies. UTF-8 without a byte-order mark, one object per line.
 */
public final class JsonLines implements Closeable {
  public static final String FILE = "reports.jsonl";

  private final BufferedWriter out;

  public JsonLines(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  public void write(Report r) throws IOException {
    out.write(line(r));
    out.write('\n');
  }

  /** The report as one line of JSON. */
  public static String line(Report r) {
    StringBuilder b = new StringBuilder(256 + r.cells().size() * 160);
    b.append('{');
    field(b, "report_id", r.id().text()).append(',');
    field(b, "source", r.source()).append(',');
    field(b, "file_type", r.fileType()).append(',');
    field(b, "status", r.status().code()).append(',');
    field(b, "format", r.format()).append(',');
    field(b, "agency", r.agency()).append(',');
    b.append("\"year\":").append(r.year() == null ? "null" : r.year().toString()).append(',');
    field(b, "title", r.title()).append(',');
    field(b, "error", r.error()).append(",\"cells\":[");
    List<CellValue> cells = new ArrayList<>(r.cells());
    cells.sort(Comparator.comparing(CellValue::key).thenComparing(CellValue::locator));
    for (int i = 0; i < cells.size(); i++) {
      CellValue c = cells.get(i);
      b.append(i == 0 ? "{" : ",{");
      field(b, "key", c.key()).append(",\"value\":").append(c.value() == null ? "null" : c.valueText()).append(',');
      field(b, "raw", c.raw()).append(",\"flags\":[");
      List<Flag> flags = c.flags().stream().sorted().toList();
      for (int f = 0; f < flags.size(); f++) {
        b.append(f == 0 ? "" : ",");
        string(b, flags.get(f).code());
      }
      b.append("],\"page\":").append(c.page() == 0 ? "null" : Integer.toString(c.page())).append(',');
      field(b, "row_label", c.rowLabel()).append(',');
      field(b, "column_label", c.columnLabel()).append(',');
      field(b, "locator", c.locator()).append(',');
      field(b, "reviewer", c.reviewer()).append(',');
      field(b, "review_note", c.reviewNote()).append('}');
    }
    b.append("],\"anomalies\":[");
    for (int i = 0; i < r.anomalies().size(); i++) {
      Anomaly a = r.anomalies().get(i);
      b.append(i == 0 ? "{" : ",{");
      field(b, "severity", a.severity().code()).append(',');
      field(b, "rule", a.rule()).append(",\"keys\":[");
      for (int k = 0; k < a.keys().size(); k++) {
        b.append(k == 0 ? "" : ",");
        string(b, a.keys().get(k));
      }
      b.append("],");
      field(b, "expected", a.expected()).append(',');
      field(b, "actual", a.actual()).append(',');
      field(b, "message", a.message()).append(",\"page\":").append(a.page() == 0 ? "null" : Integer.toString(a.page()))
          .append('}');
    }
    return b.append("]}").toString();
  }

  private static StringBuilder field(StringBuilder b, String name, String value) {
    string(b, name);
    b.append(':');
    return string(b, value);
  }

  private static StringBuilder string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
