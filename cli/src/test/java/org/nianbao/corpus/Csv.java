package org.nianbao.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The expected-file CSV dialect: RFC 4180 quoting, {@code \n} line ends, no BOM. Small enough to keep
 * the corpus independent of the writers under test.
 */
final class Csv {
  private Csv() {}

  static String format(String[] header, List<String[]> rows) {
    StringBuilder sb = new StringBuilder();
    line(sb, header);
    rows.forEach(r -> line(sb, r));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = fields[i];
      if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    sb.append('\n');
  }

  /** Parses a whole file; the header is the first row. */
  static List<String[]> parse(String text) {
    List<String[]> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        rows.add(fields.toArray(String[]::new));
        fields.clear();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(fields.toArray(String[]::new));
    }
    return rows;
  }
}
