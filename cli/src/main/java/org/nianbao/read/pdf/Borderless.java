package org.nianbao.read.pdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds tables drawn without ruling lines among a page's text lines: consecutive lines broken into chunks
 * by wide gaps, whose number-bearing lines share whitespace columns. A column boundary is always a real
 * gap between glyphs, so a run of touching digits is never split and two cells are never glued.
 */
final class Borderless {
  /** A gap wider than this many em splits a line into separate cells. */
  private static final double CELL_GAP_EM = 1.2;
  /** A gap wider than this many em between words of a chunk splits it where it holds a column boundary. */
  private static final double SPACE_EM = 0.5;
  /** Lines further apart than this many em do not belong to the same table. */
  private static final double MAX_PITCH_EM = 3.0;

  private Borderless() {}

  /** The page's lines with every borderless table found among them replacing its lines. */
  static List<Item> tables(List<Line> lines) {
    List<Item> out = new ArrayList<>();
    boolean[] tabular = tabular(lines);
    int i = 0;
    while (i < lines.size()) {
      int end = i;
      while (end < lines.size() && tabular[end] && (end == i || close(lines, end - 1, end))) {
        end++;
      }
      Table table = end - i >= 2 ? table(lines.subList(i, end)) : null;
      if (table != null) {
        out.add(table);
        i = end;
      } else {
        out.add(lines.get(i));
        i++;
      }
    }
    return out;
  }

  /**
   * Which lines may be rows of a table: those of two chunks or more, and a line of one chunk standing right
   * above such lines down to one with numbers, whose columns split it where it has word spaces (a scanned
   * header whose characters are boxed wide, so its gaps fell under the chunk threshold).
   */
  private static boolean[] tabular(List<Line> lines) {
    int n = lines.size();
    boolean[] tabular = new boolean[n];
    for (int k = 0; k < n; k++) {
      tabular[k] = chunks(lines.get(k)).size() >= 2;
    }
    for (int k = n - 2; k >= 0; k--) {
      if (tabular[k]) {
        continue;
      }
      int m = k + 1;
      while (m < n && tabular[m] && close(lines, m - 1, m) && !hasNumber(chunks(lines.get(m)))) {
        m++;
      }
      if (m < n && tabular[m] && close(lines, m - 1, m)) {
        List<List<Glyph>> below = chunks(lines.get(m));
        List<Double> xs = new ArrayList<>();
        xs.add(Double.NEGATIVE_INFINITY);
        for (int c = 1; c < below.size(); c++) {
          List<Glyph> left = below.get(c - 1);
          xs.add((left.get(left.size() - 1).right() + below.get(c).get(0).x()) / 2);
        }
        xs.add(Double.POSITIVE_INFINITY);
        tabular[k] = atBoundaries(chunks(lines.get(k)), xs).size() >= 2;
      }
    }
    return tabular;
  }

  private static boolean close(List<Line> lines, int above, int below) {
    return lines.get(below).baseline() - lines.get(above).baseline() <= MAX_PITCH_EM * lines.get(below).size();
  }

  private static boolean hasNumber(List<List<Glyph>> chunks) {
    return chunks.stream().anyMatch(c -> Texts.isNumber(Texts.join(c)));
  }

  private static List<List<Glyph>> chunks(Line line) {
    List<List<Glyph>> chunks = new ArrayList<>();
    List<Glyph> chunk = null;
    double prevRight = 0;
    for (Glyph g : line.glyphs()) {
      if (g.isBlank()) {
        continue;
      }
      if (chunk == null || g.x() - prevRight > CELL_GAP_EM * g.size()) {
        chunk = new ArrayList<>();
        chunks.add(chunk);
      }
      chunk.add(g);
      prevRight = g.right();
    }
    return chunks;
  }

  /** A table from a run of chunked lines, or null when their numbers do not line up in columns. */
  private static Table table(List<Line> run) {
    List<double[]> extents = new ArrayList<>();
    for (Line line : run) {
      List<List<Glyph>> chunks = chunks(line);
      if (chunks.stream().anyMatch(c -> Texts.isNumber(Texts.join(c)))) {
        for (List<Glyph> c : chunks) {
          extents.add(new double[] {c.get(0).x(), c.get(c.size() - 1).right()});
        }
      }
    }
    if (extents.isEmpty()) {
      return null;
    }
    extents.sort((a, b) -> Double.compare(a[0], b[0]));
    List<double[]> columns = new ArrayList<>();
    for (double[] e : extents) {
      double[] last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
      if (last != null && e[0] <= last[1]) {
        last[1] = Math.max(last[1], e[1]);
      } else {
        columns.add(new double[] {e[0], e[1]});
      }
    }
    if (columns.size() < 2) {
      return null;
    }
    List<Double> xs = new ArrayList<>();
    xs.add(Math.min(columns.get(0)[0], run.stream().mapToDouble(Line::left).min().orElseThrow()));
    for (int k = 1; k < columns.size(); k++) {
      xs.add((columns.get(k - 1)[1] + columns.get(k)[0]) / 2);
    }
    xs.add(Math.max(columns.get(columns.size() - 1)[1], run.stream().mapToDouble(Line::right).max().orElseThrow()));
    int cols = columns.size();
    List<Span> spans = new ArrayList<>();
    for (int r = 0; r < run.size(); r++) {
      spans.addAll(row(r, chunks(run.get(r)), xs));
    }
    List<Boolean> closed = Collections.nCopies(cols, false);
    Line last = run.get(run.size() - 1);
    List<Double> tops = new ArrayList<>();
    List<Double> bottoms = new ArrayList<>();
    for (Line line : run) {
      tops.add(line.top());
      bottoms.add(line.baseline() + line.size() * 0.25);
    }
    return new Table(
        xs, Collections.nCopies(run.size(), run.get(0).page()), spans, closed, closed, tops, bottoms,
        run.get(0).top(), last.baseline() + last.size() * 0.25);
  }

  /** One line's cells: a chunk spanning several columns (a centred header) becomes a merged cell. */
  private static List<Span> row(int r, List<List<Glyph>> chunks, List<Double> xs) {
    int cols = xs.size() - 1;
    List<List<String>> texts = new ArrayList<>();
    int[] anchor = new int[cols];
    for (int c = 0; c < cols; c++) {
      texts.add(new ArrayList<>());
      anchor[c] = c;
    }
    boolean[] taken = new boolean[cols];
    for (List<Glyph> chunk : atBoundaries(chunks, xs)) {
      int from = column(xs, chunk.get(0).x() + 0.1);
      int to = column(xs, chunk.get(chunk.size() - 1).right() - 0.1);
      boolean free = true;
      for (int c = from; c <= to; c++) {
        free &= !taken[c];
      }
      if (free) {
        for (int c = from; c <= to; c++) {
          taken[c] = true;
          anchor[c] = from;
        }
      } else {
        from = column(xs, (chunk.get(0).x() + chunk.get(chunk.size() - 1).right()) / 2);
        taken[from] = true;
      }
      texts.get(anchor[from]).add(Texts.join(chunk));
    }
    List<Span> spans = new ArrayList<>();
    int c = 0;
    while (c < cols) {
      int end = c + 1;
      while (end < cols && anchor[end] == c) {
        end++;
      }
      String text = String.join(" ", texts.get(c));
      spans.add(new Span(r, c, r + 1, end, text.isEmpty() ? List.of() : List.of(text)));
      c = end;
    }
    return spans;
  }

  /**
   * The chunks split where a word space inside one holds a column boundary: a header line whose words the
   * gap threshold left together (a scan's characters are boxed wider than a text layer's glyphs, so its
   * gaps look narrower) still has its words apart where the numbers' columns are apart. A word centred
   * over several columns has no space at a boundary and stays whole.
   */
  private static List<List<Glyph>> atBoundaries(List<List<Glyph>> chunks, List<Double> xs) {
    List<List<Glyph>> out = new ArrayList<>();
    for (List<Glyph> chunk : chunks) {
      List<Glyph> part = new ArrayList<>();
      for (Glyph g : chunk) {
        if (!part.isEmpty()) {
          Glyph prev = part.get(part.size() - 1);
          double from = prev.right();
          double to = g.x();
          if (to - from > SPACE_EM * g.size()
              && xs.subList(1, xs.size() - 1).stream().anyMatch(x -> x > from && x < to)) {
            out.add(part);
            part = new ArrayList<>();
          }
        }
        part.add(g);
      }
      out.add(part);
    }
    return out;
  }

  private static int column(List<Double> xs, double x) {
    int i = 0;
    while (i < xs.size() - 2 && x >= xs.get(i + 1)) {
      i++;
    }
    return i;
  }
}
