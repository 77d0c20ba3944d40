package org.nianbao.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Messages;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;
import org.nianbao.model.Status;
import org.nianbao.source.Cell;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

/**
 * Writes the review pages ({@code --review}): {@code review/index.html} listing the reports by status with
 * counts and links, and one static page per report with flagged cells or error anomalies. Each flagged cell
 * shows its raw text, flags and findings, its line of the corrections file to copy, and its source: the PDF
 * page around it with the cell outlined (a PNG beside the page), or the table as read with the cell
 * highlighted. Plain HTML and CSS, no script, no external resource: the folder opens from the file system.
 * Reports arrive one at a time; only the index lines are kept.
 */
public final class ReviewWriter {
  public static final String FOLDER = "review";
  public static final String INDEX = "index.html";
  /** The highlight of a cell in a table as read; its test looks for this colour in a screenshot. */
  public static final String HIGHLIGHT = "#ffd400";

  /**
   * Flags that ask for a look at the page: a doubt, a guess or a decision. Mechanical fixes (full-width
   * digits, a dash read as 0, a unit or separator removed, spaces, a sign) are listed in anomalies.csv as
   * {@code cell_fixed} but do not make a cell one to review.
   */
  private static final Set<Flag> TO_CHECK = EnumSet.of(Flag.BLANK, Flag.UNPARSEABLE, Flag.DOUBLE_ZERO, Flag.OCR,
      Flag.FUZZY_LABEL, Flag.HEADER_REALIGNED, Flag.FROM_SEQUENCE, Flag.SPLIT_BY_IDENTITY, Flag.SPLIT_BY_PROSE,
      Flag.OCR_DOUBT, Flag.OCR_FIXED_BY_IDENTITY, Flag.REVIEWED);
  /** An identity naming more cells than this is shown at its first cell (the total), not at every part. */
  private static final int MAX_CELLS_PER_FINDING = 6;
  /** Rows of the table shown above and below a highlighted cell. */
  private static final int WINDOW = 3;

  private static final String STYLE = """
      body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:1.5em;color:#222}
      h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
      table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px;font-size:.9em}
      .kv th{text-align:left;background:#f0f0f0}.cell{display:flex;gap:2em;border-top:2px solid #ccc;padding:1em 0}
      .info{flex:0 0 34em}.source{flex:1 1 auto;overflow:auto}.source img{border:1px solid #999;max-width:100%}
      .hit{background:HIGHLIGHT;outline:3px solid #e51c23;font-weight:bold}.copy{color:#aaa;background:#f6f6f6}
      .error{color:#b00020}.warning{color:#8a5a00}.info-sev{color:#555}
      textarea{width:100%;font-family:monospace;font-size:.85em}
      .ok{color:#1b5e20}.anomalies{color:#b00020}.partial{color:#8a5a00}.failed{color:#7f0000}
      """.replace("HIGHLIGHT", HIGHLIGHT);

  private record Line(Status status, String page, String source, String agency, String year, int cells,
      long errors) {}

  private final Path dir;
  private final ReviewSources sources;
  private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
  private final List<Line> lines = new ArrayList<>();
  private int pages;

  public ReviewWriter(Path dir, ReviewSources sources) throws IOException {
    this.dir = dir;
    this.sources = sources;
    Files.createDirectories(dir);
  }

  /** Counts the report and writes its page when it has something to review. */
  public void report(Report r) throws IOException {
    counts.merge(r.status(), 1, Integer::sum);
    Map<String, List<Anomaly>> byKey = new LinkedHashMap<>();
    Set<String> flagged = new LinkedHashSet<>();
    for (CellValue c : r.cells()) {
      if (c.flags().stream().anyMatch(TO_CHECK::contains)) {
        flagged.add(c.key());
      }
    }
    for (Anomaly a : r.anomalies()) {
      a.keys().forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(a));
      if (a.severity() == Severity.ERROR) {
        flagged.addAll(a.keys().size() > MAX_CELLS_PER_FINDING ? a.keys().subList(0, 1) : a.keys());
      }
    }
    boolean errors = r.anomalies().stream().anyMatch(a -> a.severity() == Severity.ERROR);
    if (flagged.isEmpty() && !errors) {
      return;
    }
    pages++;
    String name = String.format(Locale.ROOT, "%04d", pages);
    Map<String, CellValue> cells = new LinkedHashMap<>();
    r.cells().forEach(c -> cells.putIfAbsent(c.key(), c));
    Optional<SourceDocument> doc = flagged.isEmpty() ? Optional.empty() : sources.document(r.source());
    StringBuilder html = head(Messages.text("review.report.title", r.source()));
    html.append("<p><a href=\"").append(INDEX).append("\">").append(esc(Messages.text("review.back"))).append("</a></p>");
    html.append("<h1>").append(esc(r.title().isEmpty() ? r.source() : r.title())).append("</h1>");
    html.append("<table class=\"kv\">");
    row(html, Messages.text("column.source"), r.source());
    row(html, Messages.text("column.report_id"), r.id().text());
    row(html, Messages.text("column.agency"), r.agency());
    row(html, Messages.text("column.year"), r.yearText());
    row(html, Messages.text("column.status"), r.status().code() + " — " + Messages.text("status." + r.status().code()));
    row(html, Messages.text("column.format"), Messages.format(r.format()));
    html.append("</table>");
    List<Anomaly> loose = r.anomalies().stream()
        .filter(a -> a.severity() == Severity.ERROR && a.keys().stream().noneMatch(cells::containsKey)).toList();
    if (!loose.isEmpty()) {
      html.append("<h2>").append(esc(Messages.text("review.findings"))).append("</h2><ul>");
      loose.forEach(a -> anomaly(html, a));
      html.append("</ul>");
    }
    html.append("<h2>").append(esc(Messages.text("review.cells", flagged.size()))).append("</h2>");
    int n = 0;
    for (String key : flagged) {
      CellValue c = cells.get(key);
      if (c == null) {
        continue;
      }
      n++;
      html.append("<section class=\"cell\" id=\"c").append(n).append("\"><div class=\"info\"><h3>")
          .append(esc(Messages.cellLabel(c.rowLabel(), c.columnLabel()))).append("</h3><table class=\"kv\">");
      row(html, Messages.text("column.key"), c.key());
      row(html, Messages.text("column.raw"), c.raw());
      row(html, Messages.text("column.value"), c.value() == null ? Messages.text("label.blank") : c.valueText());
      row(html, Messages.text("column.flags"), c.flags().stream().sorted().map(f -> f.code() + "（" + Messages.flag(f) + "）")
          .collect(Collectors.joining(Messages.text("list.separator"))));
      row(html, Messages.text("column.page"), c.pageText());
      row(html, Messages.text("column.locator"), c.locator());
      if (!c.reviewer().isEmpty()) {
        row(html, Messages.text("column.reviewer"), c.reviewer() + (c.reviewNote().isEmpty() ? "" : "：" + c.reviewNote()));
      }
      html.append("</table><ul>");
      byKey.getOrDefault(key, List.of()).forEach(a -> anomaly(html, a));
      html.append("</ul><p>").append(esc(Messages.text("review.copy"))).append("</p><textarea readonly rows=\"2\">")
          .append(esc(String.join(",", "report_id", "key", "value", "reviewer", "note"))).append('\n')
          .append(esc(String.join(",", r.id().text(), c.key(), c.valueText(), "", ""))).append("</textarea></div>");
      html.append("<div class=\"source\">");
      source(html, doc, r, c, name + "-c" + n + ".png");
      html.append("</div></section>");
    }
    html.append("</body></html>\n");
    Files.writeString(dir.resolve(name + ".html"), html, StandardCharsets.UTF_8);
    lines.add(new Line(r.status(), name + ".html", r.source(), r.agency(), r.yearText(), n, r.count(Severity.ERROR)));
  }

  /** The source beside a cell: the PDF page around it, or its table as read. */
  private void source(StringBuilder html, Optional<SourceDocument> doc, Report r, CellValue c, String png)
      throws IOException {
    if (doc.isEmpty()) {
      html.append("<p>").append(esc(Messages.text("review.no_source"))).append("</p>");
      return;
    }
    for (TableBlock t : doc.get().tables()) {
      for (int i = 0; i < t.rows().size(); i++) {
        List<Cell> cells = t.rows().get(i);
        for (Cell cell : cells) {
          if (!cell.ref().locator().equals(c.locator())) {
            continue;
          }
          if (cell.ref().box().isPresent()) {
            Optional<byte[]> image = sources.crop(r.source(), cell.ref().page(), cell.ref().box());
            if (image.isPresent()) {
              Files.write(dir.resolve(png), image.get());
              html.append("<p>").append(esc(Messages.text("review.page_crop", cell.ref().page()))).append("</p>")
                  .append("<img alt=\"\" src=\"").append(png).append("\">");
              return;
            }
          }
          html.append("<p>").append(esc(Messages.text("review.table_as_read"))).append("</p>");
          table(html, t, cell);
          return;
        }
      }
    }
    html.append("<p>").append(esc(Messages.text("review.no_source"))).append("</p>");
  }

  /** The table's two first rows and the rows around the hit, the hit highlighted, merged copies greyed. */
  private static void table(StringBuilder html, TableBlock t, Cell hit) {
    html.append("<table class=\"src\">");
    int from = Math.max(0, hit.row() - WINDOW);
    int to = Math.min(t.rows().size(), hit.row() + WINDOW + 1);
    for (int i = 0; i < t.rows().size(); i++) {
      if (i >= 2 && (i < from || i >= to)) {
        continue;
      }
      html.append("<tr>");
      for (Cell cell : t.rows().get(i)) {
        boolean anchor = cell.row() == cell.anchorRow() && cell.col() == cell.anchorCol();
        boolean isHit = cell.row() == hit.row() && cell.col() == hit.col();
        html.append("<td").append(isHit ? " class=\"hit\"" : anchor ? "" : " class=\"copy\"").append('>')
            .append(anchor || isHit ? esc(cell.text()) : "").append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</table>");
  }

  private static void anomaly(StringBuilder html, Anomaly a) {
    String css = a.severity() == Severity.INFO ? "info-sev" : a.severity().code();
    html.append("<li class=\"").append(css).append("\"><b>").append(esc(Messages.text("severity." + a.severity().code())))
        .append(" · ").append(esc(a.rule())).append("（").append(esc(Messages.ruleName(a.rule()))).append("）</b>：")
        .append(esc(a.message())).append("</li>");
  }

  /** Writes the index: counts by status, then the reports with pages, grouped by status. */
  public void finish() throws IOException {
    StringBuilder html = head(Messages.text("review.index.title"));
    html.append("<h1>").append(esc(Messages.text("review.index.title"))).append("</h1><table class=\"kv\">");
    for (Status s : Status.values()) {
      if (counts.containsKey(s)) {
        row(html, s.code() + " — " + Messages.text("status." + s.code()), Integer.toString(counts.get(s)));
      }
    }
    html.append("</table>");
    for (Status s : Status.values()) {
      List<Line> of = lines.stream().filter(l -> l.status() == s).toList();
      if (of.isEmpty()) {
        continue;
      }
      html.append("<h2 class=\"").append(s.code()).append("\">").append(esc(s.code() + " — "
          + Messages.text("status." + s.code()))).append("（").append(of.size()).append("）</h2><table><tr><th>")
          .append(esc(Messages.text("column.source"))).append("</th><th>").append(esc(Messages.text("column.agency")))
          .append("</th><th>").append(esc(Messages.text("column.year"))).append("</th><th>")
          .append(esc(Messages.text("review.flagged"))).append("</th><th>").append(esc(Messages.text("column.errors")))
          .append("</th></tr>");
      for (Line l : of) {
        html.append("<tr><td><a href=\"").append(l.page()).append("\">").append(esc(l.source())).append("</a></td><td>")
            .append(esc(l.agency())).append("</td><td>").append(esc(l.year())).append("</td><td>").append(l.cells())
            .append("</td><td>").append(l.errors()).append("</td></tr>");
      }
      html.append("</table>");
    }
    if (lines.isEmpty()) {
      html.append("<p>").append(esc(Messages.text("review.nothing"))).append("</p>");
    }
    html.append("</body></html>\n");
    Files.writeString(dir.resolve(INDEX), html, StandardCharsets.UTF_8);
  }

  private static StringBuilder head(String title) {
    return new StringBuilder("<!DOCTYPE html><html lang=\"").append(Messages.language().equals("en") ? "en" : "zh-CN")
        .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title><style>").append(STYLE)
        .append("</style></head><body>");
  }

  private static void row(StringBuilder html, String label, String value) {
    html.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
