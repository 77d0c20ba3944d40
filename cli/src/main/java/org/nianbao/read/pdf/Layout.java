package org.nianbao.read.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lays out every page: ruled tables from the page's lines, the remaining glyphs as text lines without page
 * numbers and running headers or footers, borderless tables among those lines; items top to bottom.
 *
 * <p>Page furniture is told by where it stands relative to the page's content, not by a fixed band: a page
 * number ({@code 2}, {@code - 2 -}, {@code 第 2 页 共 3 页}) is a line at the foot or head of the page, below
 * or above its tables and text, however wide the margin (2–3 cm in Word's and WPS's defaults); a running
 * header or footer is an edge line printed at the same height on two or more pages.
 */
final class Layout {
  /** {@code -3-}, {@code - 3 -}, {@code —3—}: a page number wherever it stands. */
  private static final Pattern DASHED_NUMBER = Pattern.compile("[-—–－]\\s*\\d{1,4}\\s*[-—–－]");
  /** {@code 3}, {@code 第3页}, {@code 第3页 共6页}, {@code 3/6}: a page number only at the page's edge. */
  private static final Pattern MARGIN_NUMBER =
      Pattern.compile("(第\\s*\\d{1,4}\\s*页)?\\s*[,，]?\\s*(共\\s*\\d{1,4}\\s*页)?|\\d{1,4}(\\s*/\\s*\\d{1,4})?");
  /** The share of the page height at top and bottom where headers, footers and page numbers always sit. */
  private static final double MARGIN = 0.08;
  /** Page furniture stands at most this far into the page from its edge: a quarter of the height. */
  private static final double EDGE_ZONE = 0.25;
  /** At most this many lines at the head and foot of a page are taken for furniture. */
  private static final int EDGE_LINES = 2;
  /** A running header repeats at this height (points) on every page. */
  private static final double SAME_HEIGHT = 4;

  private Layout() {}

  /** Every page's items, top to bottom, pages in order. */
  static List<List<Item>> pages(List<PageContent> pages) {
    List<List<Table>> tables = new ArrayList<>();
    List<List<Table>> boxes = new ArrayList<>();
    List<List<Line>> lines = new ArrayList<>();
    for (PageContent page : pages) {
      List<Table> found = new ArrayList<>();
      List<Table> boxed = new ArrayList<>();
      List<Glyph> rest = new ArrayList<>(page.glyphs());
      for (List<Segment> frame : Rulings.frames(Rulings.merge(page.segments()))) {
        GridBuilder.build(frame, rest, page.page()).ifPresentOrElse(t -> {
          found.add(t);
          rest.removeIf(t::holds);
        }, () -> GridBuilder.box(frame, rest, page.page()).ifPresent(boxed::add));
      }
      tables.add(found);
      boxes.add(boxed);
      lines.add(Texts.lines(rest).stream()
          .filter(l -> l.stream().anyMatch(g -> !g.isBlank()))
          .map(l -> new Line(page.page(), l))
          .toList());
    }
    List<Set<Line>> edges = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      edges.add(edgeLines(lines.get(i), tables.get(i), pages.get(i)));
    }
    Set<Line> running = runningLines(pages, lines, edges);
    List<List<Item>> out = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      PageContent page = pages.get(i);
      Set<Line> edge = edges.get(i);
      List<Line> kept = lines.get(i).stream()
          .filter(l -> !isNoise(l, page, edge.contains(l), running))
          .toList();
      List<Table> pageTables = new ArrayList<>(tables.get(i));
      Table foot = footBox(boxes.get(i), kept, pageTables);
      if (foot != null) {
        kept = kept.stream().filter(l -> !inside(l, foot)).toList();
        pageTables.add(foot);
      }
      List<Item> items = new ArrayList<>(Borderless.tables(kept));
      items.addAll(pageTables);
      items.sort(Comparator.comparingDouble(Item::top));
      out.add(items);
    }
    return out;
  }

  private static boolean isNoise(Line line, PageContent page, boolean atEdge, Set<Line> running) {
    String text = Texts.compact(line.text());
    if (DASHED_NUMBER.matcher(text).matches()) {
      return true;
    }
    if (running.contains(line)) {
      return true;
    }
    return (atEdge || inMargin(line, page)) && MARGIN_NUMBER.matcher(text).matches();
  }

  /**
   * The lines at the page's foot (nothing of the page's tables or text below them) and head (nothing above),
   * at most {@link #EDGE_LINES} of each, within a quarter of the page from its edge.
   */
  private static Set<Line> edgeLines(List<Line> lines, List<Table> tables, PageContent page) {
    Set<Line> edge = new HashSet<>();
    double tablesTop = tables.stream().mapToDouble(Table::top).min().orElse(Double.MAX_VALUE);
    double tablesBottom = tables.stream().mapToDouble(Table::bottom).max().orElse(-1);
    List<Line> byTop = lines.stream().sorted(Comparator.comparingDouble(Line::top)).toList();
    for (int i = 0; i < Math.min(EDGE_LINES, byTop.size()); i++) {
      Line head = byTop.get(i);
      if (head.baseline() < tablesTop && head.top() < page.height() * EDGE_ZONE) {
        edge.add(head);
      }
      Line foot = byTop.get(byTop.size() - 1 - i);
      if (foot.top() > tablesBottom && foot.top() > page.height() * (1 - EDGE_ZONE)) {
        edge.add(foot);
      }
    }
    return edge;
  }

  /**
   * Running headers and footers: lines at the head or foot of a page (or in its margins) printed with the
   * same text (page numbers in it may differ), size and height on two or more pages.
   */
  private static Set<Line> runningLines(List<PageContent> pages, List<List<Line>> lines, List<Set<Line>> edges) {
    Map<String, List<Line>> byText = new HashMap<>();
    for (int i = 0; i < pages.size(); i++) {
      for (Line l : lines.get(i)) {
        if (edges.get(i).contains(l) || inMargin(l, pages.get(i))) {
          byText.computeIfAbsent(key(l), k -> new ArrayList<>()).add(l);
        }
      }
    }
    Set<Line> running = new HashSet<>();
    for (List<Line> same : byText.values()) {
      for (Line a : same) {
        for (Line b : same) {
          if (a.page() != b.page() && Math.abs(a.baseline() - b.baseline()) <= SAME_HEIGHT
              && Math.abs(a.size() - b.size()) <= 0.5) {
            running.add(a);
          }
        }
      }
    }
    return running;
  }

  /**
   * The one-cell frame left alone at the foot of the page, below every table and every line outside it (a
   * table's first row, its caption 第二十条第（一）项, whose table goes on overleaf), or null. Any other box
   * stays text: a note or a heading in a frame.
   */
  private static Table footBox(List<Table> boxes, List<Line> lines, List<Table> tables) {
    for (Table box : boxes) {
      boolean inked = lines.stream().anyMatch(l -> inside(l, box));
      boolean below = lines.stream().anyMatch(l -> !inside(l, box) && l.top() > box.top())
          || tables.stream().anyMatch(t -> t.top() > box.top());
      if (inked && !below) {
        return box;
      }
    }
    return null;
  }

  private static boolean inside(Line line, Table box) {
    return line.glyphs().stream().filter(g -> !g.isBlank()).allMatch(box::holds);
  }

  private static String key(Line line) {
    return Texts.compact(line.text()).replaceAll("\\d+", "#");
  }

  private static boolean inMargin(Line line, PageContent page) {
    return line.baseline() < page.height() * MARGIN || line.top() > page.height() * (1 - MARGIN);
  }
}
