package org.nianbao.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * HTML with real colspan/rowspan merges, either plain (as a CMS emits it) or as Word pastes it:
 * {@code MsoNormalTable}, every label split over several {@code <span>}s, line breaks as separate
 * {@code <p>}s, empty cells as {@code &nbsp;}.
 */
final class HtmlWriter {
  private static final String WORD_P = "<p class=MsoNormal align=center style='text-align:center;line-height:15.0pt'>";
  private static final String WORD_TD = " style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;"
      + "padding:0cm 5.4pt 0cm 5.4pt'";

  private HtmlWriter() {}

  static byte[] write(ReportSpec spec) {
    Rendering r = spec.rendering();
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n");
    sb.append(r.wordPasted()
        ? "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n"
        : "<html lang=\"zh-CN\">\n");
    sb.append("<head>\n");
    if (r.metaCharset()) {
      sb.append("<meta charset=\"").append(r.charset().name().equals("GBK") ? "gbk" : "utf-8").append("\">\n");
    }
    sb.append("<title>").append(escape(spec.title())).append("</title>\n</head>\n<body>\n");
    sb.append("<div class=\"article\">\n");
    for (Outline.Part part : Outline.of(spec)) {
      if (part instanceof Outline.Title t) {
        if (spec.has(Variant.BREADCRUMB)) {
          sb.append("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; ")
              .append("<a href=\"/zwgk/zfxxgknb/\">政府信息公开年报</a></div>\n");
        }
        sb.append("<h1>").append(String.join("<br>", t.lines().stream().map(HtmlWriter::escape).toList()))
            .append("</h1>\n");
        sb.append("<div class=\"meta\">来源：").append(escape(spec.agency())).append("</div>\n");
      } else if (part instanceof Outline.Heading h) {
        sb.append(r.wordPasted()
            ? "<p class=MsoNormal><b><span style='font-size:16.0pt;font-family:黑体'>" + escape(h.text())
                + "</span></b></p>\n"
            : "<h2>" + escape(h.text()) + "</h2>\n");
      } else if (part instanceof Outline.Text t) {
        sb.append(r.wordPasted()
            ? "<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:仿宋'>"
                + escape(t.text()) + "</span></p>\n"
            : "<p>" + escape(t.text()) + "</p>\n");
      } else if (part instanceof Outline.Table t) {
        table(sb, t.grid(), r.wordPasted());
      }
    }
    sb.append("</div>\n</body>\n</html>\n");
    if (!r.charset().newEncoder().canEncode(sb)) {
      throw new IllegalStateException(spec.name() + ": html not encodable in " + r.charset());
    }
    return sb.toString().getBytes(r.charset());
  }

  private static void table(StringBuilder sb, Grid grid, boolean word) {
    sb.append(word
        ? "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
            + "border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>\n"
        : "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
    for (List<Grid.Cell> row : grid.rows()) {
      sb.append(word ? "<tr style='height:20.0pt'>\n" : "<tr>\n");
      for (Grid.Cell cell : row) {
        if (cell.continuation()) {
          continue;
        }
        sb.append("<td");
        if (cell.colspan() > 1) {
          sb.append(word ? " colspan=" + cell.colspan() : " colspan=\"" + cell.colspan() + "\"");
        }
        if (cell.rowspan() > 1) {
          sb.append(word ? " rowspan=" + cell.rowspan() : " rowspan=\"" + cell.rowspan() + "\"");
        }
        if (word) {
          sb.append(WORD_TD).append('>').append(wordContent(cell)).append("</td>\n");
        } else {
          sb.append('>').append(escape(cell.text()).replace("\n", "<br>")).append("</td>\n");
        }
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  /** Word wraps every run in its own span and every line in its own paragraph. */
  private static String wordContent(Grid.Cell cell) {
    if (cell.text().isEmpty()) {
      return WORD_P + "<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span></p>";
    }
    StringBuilder sb = new StringBuilder();
    for (String line : cell.text().split("\n", -1)) {
      sb.append(WORD_P);
      for (String run : runs(line, cell.label())) {
        sb.append(cell.label()
            ? "<span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>"
            : "<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\"'>");
        sb.append(escape(run)).append("</span>");
      }
      sb.append("<span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span></p>");
    }
    return sb.toString();
  }

  /** Splits a label into up to three runs at fixed fractions, as Word does after edits. */
  private static List<String> runs(String text, boolean label) {
    List<String> runs = new ArrayList<>();
    if (!label || text.length() < 6) {
      runs.add(text);
      return runs;
    }
    int a = text.length() / 3;
    int b = 2 * text.length() / 3;
    runs.add(text.substring(0, a));
    runs.add(text.substring(a, b));
    runs.add(text.substring(b));
    return runs;
  }

  static String escape(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\u00a0' -> sb.append("&nbsp;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
