package org.nianbao.read.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.Box;
import org.nianbao.source.Recognition;
import org.nianbao.source.SourceRef;
import org.nianbao.source.TableBlock;

/**
 * Turns laid-out pages into blocks: tables continued over a page break joined, text lines grouped into
 * paragraphs by spacing, indent and line length, short numbered lines and large type as headings.
 */
final class Assembler {
  /** {@code 三、收到和处理政府信息公开申请情况}: a section heading. */
  private static final Pattern SECTION = Pattern.compile("^[一二三四五六七八九十]+、");
  /** {@code （一）主动公开情况}: a sub-heading when it stands alone. */
  private static final Pattern SUBSECTION = Pattern.compile("^[（(][一二三四五六七八九十]+[)）]");
  private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[。；;，,：:]$");
  private static final int HEADING_MAX_CHARS = 40;
  /** Type this much larger than the body text is a title. */
  private static final double TITLE_SCALE = 1.25;
  /** A title, with its agency's full name, may run to this many characters over two lines. */
  private static final int TITLE_MAX_CHARS = 60;

  private final String source;
  private final Stats stats;
  private final Map<Integer, Integer> linesSeen = new HashMap<>();
  private final List<Block> blocks = new ArrayList<>();
  private final Map<SourceRef, Recognition> recognitions = new HashMap<>();
  private int tables;

  private Assembler(String source, Stats stats) {
    this.source = source;
    this.stats = stats;
  }

  /** The document's blocks in reading order. */
  static List<Block> assemble(List<List<Item>> pages, String source) {
    return assemble(pages, source, new HashMap<>());
  }

  /** The same, with the OCR reading of every table cell read by OCR put in {@code recognitions}. */
  static List<Block> assemble(List<List<Item>> pages, String source, Map<SourceRef, Recognition> recognitions) {
    List<Item> items = stitch(pages);
    Assembler a = new Assembler(source, Stats.of(items));
    List<Line> paragraph = new ArrayList<>();
    for (Item item : items) {
      if (item instanceof Line line) {
        if (!paragraph.isEmpty() && a.breaksBefore(paragraph.get(paragraph.size() - 1), line)) {
          a.emit(paragraph);
          paragraph.clear();
        }
        paragraph.add(line);
      } else if (item instanceof Table table) {
        a.emit(paragraph);
        paragraph.clear();
        if (table.spans().size() == 1) {
          // a one-cell box at a page foot that no table continued overleaf: text in a frame
          a.emitBoxed(table);
        } else {
          a.emit(table);
        }
      }
    }
    a.emit(paragraph);
    recognitions.putAll(a.recognitions);
    return List.copyOf(a.blocks);
  }

  /** Pages' items in order, a table that ends a page joined with one that starts the next when they fit. */
  private static List<Item> stitch(List<List<Item>> pages) {
    List<Item> out = new ArrayList<>();
    for (List<Item> page : pages) {
      for (int i = 0; i < page.size(); i++) {
        Item item = page.get(i);
        int last = out.size() - 1;
        if (i == 0 && item instanceof Table next && last >= 0 && out.get(last) instanceof Table first) {
          var joined = Stitcher.join(first, next);
          if (joined.isPresent()) {
            out.set(last, joined.get());
            continue;
          }
        }
        out.add(item);
      }
    }
    return out;
  }

  private boolean breaksBefore(Line prev, Line line) {
    double size = Math.max(prev.size(), line.size());
    if (Math.abs(prev.size() - line.size()) > 0.15 * size) {
      return true;
    }
    // a title in large type wrapped over lines (its last character may stand alone on the second) is one
    // heading, however its lines are centred
    if (isTitleType(prev) && isTitleType(line) && line.page() == prev.page()
        && line.baseline() - prev.baseline() <= 2 * size) {
      return false;
    }
    if (line.page() == prev.page() && line.baseline() - prev.baseline() > stats.pitch() * 1.4) {
      return true;
    }
    return line.left() > stats.left() + size
        || prev.right() < stats.right() - 1.5 * size
        || SECTION.matcher(Texts.compact(line.text())).find()
        || (headingLevel(List.of(prev), prev.text()) > 0 && prev.text().indexOf('。') < 0);
  }

  private boolean isTitleType(Line line) {
    return line.size() >= stats.size() * TITLE_SCALE;
  }

  private void emit(List<Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (Line l : lines) {
      String t = l.text().strip();
      if (text.length() > 0 && isLatinOrDigit(text.charAt(text.length() - 1)) && isLatinOrDigit(t.charAt(0))) {
        text.append(' ');
      }
      text.append(t);
    }
    Line first = lines.get(0);
    int lineNo = 0;
    for (Line l : lines) {
      int n = linesSeen.merge(l.page(), 1, Integer::sum);
      lineNo = lineNo == 0 ? n : lineNo;
    }
    SourceRef ref = new SourceRef(source, first.page(), "line " + lineNo);
    int level = headingLevel(lines, text.toString());
    blocks.add(level > 0 ? new Heading(text.toString(), level, ref) : new Paragraph(text.toString(), ref));
  }

  /** 1 for a title in large type, 2 for a section heading, 3 for a sub-heading, 0 for running text. */
  private int headingLevel(List<Line> lines, String text) {
    String compact = Texts.compact(text);
    if (ENDS_SENTENCE.matcher(compact).matches()) {
      return 0;
    }
    if (isTitleType(lines.get(0)) && compact.length() <= TITLE_MAX_CHARS) {
      return 1;
    }
    if (compact.length() > HEADING_MAX_CHARS) {
      return 0;
    }
    if (lines.size() > 1) {
      return 0;
    }
    return SECTION.matcher(compact).find() ? 2 : SUBSECTION.matcher(compact).find() ? 3 : 0;
  }

  private void emitBoxed(Table box) {
    int n = linesSeen.merge(box.page(), 1, Integer::sum);
    String text = String.join("", box.spans().get(0).lines());
    if (!text.isBlank()) {
      blocks.add(new Paragraph(text, new SourceRef(source, box.page(), "line " + n)));
    }
  }

  private void emit(Table table) {
    tables++;
    List<List<Cell>> rows = new ArrayList<>();
    for (int r = 0; r < table.rows(); r++) {
      List<Cell> row = new ArrayList<>();
      for (int c = 0; c < table.cols(); c++) {
        Span s = table.spanAt(r, c);
        SourceRef ref = new SourceRef(source, table.rowPages().get(r),
            "table " + tables + " r" + (r + 1) + "c" + (c + 1), box(table, s, r, c));
        row.add(new Cell(s.text(), r, c, s.row(), s.col(), ref));
        if (s.recognition() != null) {
          recognitions.put(ref, s.recognition());
        }
      }
      rows.add(row);
    }
    blocks.add(new TableBlock(rows, true, new SourceRef(source, table.page(), "table " + tables)));
  }

  /** The printed cell's box: the whole span when it lies on one page, else its part in row {@code r}. */
  private static Box box(Table table, Span s, int r, int c) {
    boolean onePage = table.rowPages().get(s.row()).equals(table.rowPages().get(s.rowEnd() - 1));
    int top = onePage ? s.row() : r;
    int bottom = onePage ? s.rowEnd() - 1 : r;
    int left = onePage ? s.col() : c;
    int right = onePage ? s.colEnd() : c + 1;
    double y0 = table.rowTops().get(top);
    double y1 = Math.max(y0, table.rowBottoms().get(bottom));
    return new Box(table.xs().get(left), y0, table.xs().get(right), y1);
  }

  private static boolean isLatinOrDigit(char ch) {
    return ch < 0x80 && Character.isLetterOrDigit(ch);
  }

  /**
   * The running text's usual geometry: body font size, left and right margins, line pitch.
   */
  private record Stats(double size, double left, double right, double pitch) {
    static Stats of(List<Item> items) {
      List<Line> lines = items.stream().filter(Line.class::isInstance).map(Line.class::cast).toList();
      if (lines.isEmpty()) {
        return new Stats(1, 0, 0, 0);
      }
      double size = median(lines.stream().map(Line::size).toList());
      double left = mode(lines.stream().map(Line::left).toList());
      List<Double> fullLines = lines.stream().filter(l -> l.glyphs().size() >= 10).map(Line::right).toList();
      double right = fullLines.isEmpty() ? lines.stream().mapToDouble(Line::right).max().orElseThrow() : mode(fullLines);
      List<Double> pitches = new ArrayList<>();
      for (int i = 1; i < lines.size(); i++) {
        Line a = lines.get(i - 1);
        Line b = lines.get(i);
        double d = b.baseline() - a.baseline();
        if (a.page() == b.page() && d > 0 && d < 3 * b.size()) {
          pitches.add(d);
        }
      }
      return new Stats(size, left, right, pitches.isEmpty() ? 2 * size : median(pitches));
    }

    private static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }

    /** The most frequent value, in 2-point bins. */
    private static double mode(List<Double> values) {
      Map<Long, Integer> counts = new HashMap<>();
      for (double v : values) {
        counts.merge(Math.round(v / 2), 1, Integer::sum);
      }
      long best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      return values.stream().filter(v -> Math.round(v / 2) == best).mapToDouble(Double::doubleValue).average().orElseThrow();
    }
  }
}
