package org.nianbao.read.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Joins a table continued on the next page to its first part: same columns, a repeated header dropped, and
 * a label cell cut by the page break rejoined (huaian-2024 prints {@code （四）无} at the foot of page 4 and
 * {@code 法提供} at the head of page 5).
 */
final class Stitcher {
  /** Column boundaries this close (points) are the same column. */
  private static final double SAME_COLUMN = 2.0;
  /**
   * On scanned pages, after the continuation is scaled to the first part's outer edges: this share of the
   * table's width. Each page of a scan has its own skew and margins, and img2pdf or the copier fits each
   * page image to the sheet, so the same column sits a few points off and the grid a little wider or
   * narrower.
   */
  private static final double SCANNED_SAME_COLUMN = 0.012;
  /** A label that starts a new item: {@code （四）}, {@code 四、}, {@code 1.}, {@code 1、}, {@code (1)}. */
  private static final Pattern ITEM_START = Pattern.compile(
      "^([（(][一二三四五六七八九十\\d]+[)）]|[一二三四五六七八九十]+、|\\d+[.、．])");

  private Stitcher() {}

  /** The two parts as one table, or empty when the second part is not a continuation of the first. */
  static Optional<Table> join(Table first, Table next) {
    if (next.page() != first.lastPage() + 1) {
      return Optional.empty();
    }
    double tolerance = SAME_COLUMN;
    if (scanned(first) || scanned(next)) {
      next = fitted(next, first.xs().get(0), first.xs().get(first.xs().size() - 1));
      tolerance = Math.max(SAME_COLUMN, SCANNED_SAME_COLUMN * (first.xs().get(first.xs().size() - 1)
          - first.xs().get(0)));
    }
    List<Double> xs = first.xs().size() >= next.xs().size() ? first.xs() : next.xs();
    if (!within(first.xs(), xs, tolerance) || !within(next.xs(), xs, tolerance)) {
      return Optional.empty();
    }
    return Optional.of(stitch(regrid(first, xs, tolerance), regrid(next, xs, tolerance)));
  }

  private static boolean scanned(Table t) {
    return t.spans().stream().anyMatch(s -> s.recognition() != null);
  }

  /** The table with its column boundaries scaled and shifted so its outer edges are {@code left} and {@code right}. */
  static Table fitted(Table t, double left, double right) {
    List<Double> xs = t.xs();
    double x0 = xs.get(0);
    double f = (right - left) / (xs.get(xs.size() - 1) - x0);
    List<Double> moved = new ArrayList<>();
    for (double x : xs) {
      moved.add(left + (x - x0) * f);
    }
    return new Table(moved, t.rowPages(), t.spans(), t.openTop(), t.openBottom(), t.rowTops(), t.rowBottoms(),
        t.top(), t.bottom());
  }

  /**
   * Whether every column boundary of {@code xs} is one of {@code grid}'s and the outer edges agree: the
   * continuation of section 二 in huaian-2024 and hongze-2023 has only the boundaries its merged value
   * cells leave, so a coarser continuation still fits the finer first part.
   */
  private static boolean within(List<Double> xs, List<Double> grid, double tolerance) {
    if (Math.abs(xs.get(0) - grid.get(0)) > tolerance
        || Math.abs(xs.get(xs.size() - 1) - grid.get(grid.size() - 1)) > tolerance) {
      return false;
    }
    return xs.stream().allMatch(x -> grid.stream().anyMatch(g -> Math.abs(g - x) <= tolerance));
  }

  /** The table on a finer grid of column boundaries that includes all of its own. */
  private static Table regrid(Table t, List<Double> grid, double tolerance) {
    int[] index = new int[t.xs().size()];
    for (int i = 0; i < index.length; i++) {
      double x = t.xs().get(i);
      int j = 0;
      for (int k = 1; k < grid.size(); k++) {
        if (Math.abs(grid.get(k) - x) < Math.abs(grid.get(j) - x)) {
          j = k;
        }
      }
      index[i] = j;
    }
    List<Span> spans = new ArrayList<>();
    for (Span s : t.spans()) {
      spans.add(new Span(s.row(), index[s.col()], s.rowEnd(), index[s.colEnd()], s.lines(), s.recognition()));
    }
    List<Boolean> openTop = new ArrayList<>();
    List<Boolean> openBottom = new ArrayList<>();
    for (int c = 0; c < grid.size() - 1; c++) {
      int old = 0;
      while (index[old + 1] <= c) {
        old++;
      }
      openTop.add(t.openTop().get(old));
      openBottom.add(t.openBottom().get(old));
    }
    return new Table(grid, t.rowPages(), spans, openTop, openBottom, t.rowTops(), t.rowBottoms(), t.top(),
        t.bottom());
  }

  private static Table stitch(Table first, Table next) {
    int header = repeatedHeader(first, next);
    int offset = first.rows();
    List<Span> spans = new ArrayList<>(first.spans());
    List<Span> continued = new ArrayList<>();
    for (Span s : next.spans()) {
      if (s.rowEnd() > header) {
        continued.add(new Span(Math.max(s.row() - header, 0) + offset, s.col(), s.rowEnd() - header + offset,
            s.colEnd(), s.lines(), s.recognition()));
      }
    }
    int labels = labelColumns(first, next);
    for (int c = 0; c < labels; c++) {
      Span upper = find(spans, offset - 1, c);
      Span lower = find(continued, offset, c);
      if (upper.col() == c && lower.col() == c && upper.colEnd() == lower.colEnd() && upper.colEnd() <= labels
          && continues(upper, lower, first.openBottom().get(c) && next.openTop().get(c))) {
        List<String> lines = new ArrayList<>(upper.lines());
        if (!Texts.compact(upper.text()).equals(Texts.compact(lower.text()))) {
          lines.addAll(lower.lines());
        }
        spans.remove(upper);
        continued.remove(lower);
        spans.add(new Span(upper.row(), c, lower.rowEnd(), upper.colEnd(), lines));
      }
    }
    spans.addAll(continued);
    List<Integer> rowPages = new ArrayList<>(first.rowPages());
    rowPages.addAll(next.rowPages().subList(header, next.rows()));
    List<Double> tops = new ArrayList<>(first.rowTops());
    tops.addAll(next.rowTops().subList(header, next.rows()));
    List<Double> bottoms = new ArrayList<>(first.rowBottoms());
    bottoms.addAll(next.rowBottoms().subList(header, next.rows()));
    return new Table(first.xs(), rowPages, spans, first.openTop(), next.openBottom(), tops, bottoms, first.top(),
        next.bottom());
  }

  /**
   * Whether a label cell cut by the page break goes on below it: both edges at the break undrawn
   * (hongze-2023), the lower part blank or a repeat of the upper, or a merged part whose text does not
   * start a new numbered item (huaian-2024).
   */
  private static boolean continues(Span upper, Span lower, boolean openBreak) {
    if (upper.isBlank() && !lower.isBlank()) {
      return openBreak;
    }
    if (openBreak || lower.isBlank()) {
      return true;
    }
    if (Texts.compact(upper.text()).equals(Texts.compact(lower.text()))) {
      return true;
    }
    boolean merged = upper.rowEnd() - upper.row() > 1 || lower.rowEnd() - lower.row() > 1;
    return merged && !ITEM_START.matcher(Texts.compact(lower.text())).find();
  }

  /** The number of leading rows of the continuation repeating the first part's header rows. */
  private static int repeatedHeader(Table first, Table next) {
    int k = 0;
    while (k < first.rows() && k < next.rows() - 1 && sameRow(first, next, k)) {
      k++;
    }
    return k;
  }

  private static boolean sameRow(Table first, Table next, int r) {
    boolean inked = false;
    for (int c = 0; c < first.cols(); c++) {
      String a = Texts.compact(first.spanAt(r, c).text());
      if (Texts.isNumber(a) || !a.equals(Texts.compact(next.spanAt(r, c).text()))) {
        return false;
      }
      inked |= !a.isEmpty();
    }
    return inked;
  }

  /**
   * Columns left of the first one holding a value: the row labels. A value may carry its unit or be a dash
   * (a table whose every value reads {@code ０件} or {@code —} would otherwise be all labels, and its rows
   * either side of the break would be glued into one).
   */
  private static int labelColumns(Table first, Table next) {
    int labels = first.cols();
    for (Table t : List.of(first, next)) {
      for (Span s : t.spans()) {
        if (Texts.isValue(s.text())) {
          labels = Math.min(labels, s.col());
        }
      }
    }
    return labels;
  }

  private static Span find(List<Span> spans, int row, int col) {
    for (Span s : spans) {
      if (s.covers(row, col)) {
        return s;
      }
    }
    throw new IllegalStateException("no span at " + row + "," + col);
  }
}
