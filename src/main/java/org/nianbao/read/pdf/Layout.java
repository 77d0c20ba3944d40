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
 */
final class Layout {
  /** {@code -3-}, {@code - 3 -}, {@code —3—}: a page number wherever it stands. */
  private static final Pattern DASHED_NUMBER = Pattern.compile("[-—–－]\\s*\\d{1,4}\\s*[-—–－]");
  /** {@code 3}, {@code 第3页}, {@code 第3页 共6页}, {@code 3/6}: a page number only in the margins. */
  private static final Pattern MARGIN_NUMBER =
      Pattern.compile("(第\\s*\\d{1,4}\\s*页)?\\s*(共\\s*\\d{1,4}\\s*页)?|\\d{1,4}(\\s*/\\s*\\d{1,4})?");
  /** The share of the page height at top and bottom where headers, footers and page numbers sit. */
  private static final double MARGIN = 0.08;

  private Layout() {}

  /** Every page's items, top to bottom, pages in order. */
  static List<List<Item>> pages(List<PageContent> pages) {
    List<List<Table>> tables = new ArrayList<>();
    List<List<Line>> lines = new ArrayList<>();
    for (PageContent page : pages) {
      List<Table> found = new ArrayList<>();
      List<Glyph> rest = new ArrayList<>(page.glyphs());
      for (List<Segment> frame : Rulings.frames(Rulings.merge(page.segments()))) {
        GridBuilder.build(frame, rest, page.page()).ifPresent(t -> {
          found.add(t);
          rest.removeIf(t::holds);
        });
      }
      tables.add(found);
      lines.add(Texts.lines(rest).stream()
          .filter(l -> l.stream().anyMatch(g -> !g.isBlank()))
          .map(l -> new Line(page.page(), l))
          .toList());
    }
    Set<String> running = runningLines(pages, lines);
    List<List<Item>> out = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      PageContent page = pages.get(i);
      List<Line> kept = lines.get(i).stream()
          .filter(l -> !isNoise(l, page, running))
          .toList();
      List<Item> items = new ArrayList<>(Borderless.tables(kept));
      items.addAll(tables.get(i));
      items.sort(Comparator.comparingDouble(Item::top));
      out.add(items);
    }
    return out;
  }

  private static boolean isNoise(Line line, PageContent page, Set<String> running) {
    String text = Texts.compact(line.text());
    if (DASHED_NUMBER.matcher(text).matches()) {
      return true;
    }
    return inMargin(line, page) && (MARGIN_NUMBER.matcher(text).matches() || running.contains(key(line)));
  }

  /** Margin lines repeated on two or more pages (page numbers may differ): running headers and footers. */
  private static Set<String> runningLines(List<PageContent> pages, List<List<Line>> lines) {
    Map<String, Set<Integer>> seen = new HashMap<>();
    for (int i = 0; i < pages.size(); i++) {
      for (Line l : lines.get(i)) {
        if (inMargin(l, pages.get(i))) {
          seen.computeIfAbsent(key(l), k -> new HashSet<>()).add(i);
        }
      }
    }
    Set<String> running = new HashSet<>();
    seen.forEach((k, p) -> {
      if (p.size() >= 2) {
        running.add(k);
      }
    });
    return running;
  }

  private static String key(Line line) {
    return Texts.compact(line.text()).replaceAll("\\d+", "#");
  }

  private static boolean inMargin(Line line, PageContent page) {
    return line.baseline() < page.height() * MARGIN || line.top() > page.height() * (1 - MARGIN);
  }
}
