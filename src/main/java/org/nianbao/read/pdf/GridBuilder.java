package org.nianbao.read.pdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nianbao.source.Recognition;

/**
 * Builds a ruled table from one frame of ruling lines: the distinct line positions give the grid, a
 * missing inner line merges the positions either side, and every glyph goes to the cell holding its centre.
 */
final class GridBuilder {
  /** Line positions this close (points) are one grid line. */
  private static final double CLUSTER = 2.0;

  private GridBuilder() {}

  /** A frame's table with the glyphs inside it, or empty when the lines do not form a grid of two cells. */
  static Optional<Table> build(List<Segment> frame, List<Glyph> glyphs, int page) {
    return grid(frame, glyphs, page).filter(t -> t.spans().size() >= 2);
  }

  /**
   * A frame drawn as one box, as a one-cell table, or empty. Such a box is a table's first row only where
   * the page leaves it alone at its foot (a caption row 第二十条第（一）项 whose table goes on overleaf); the
   * layout decides that.
   */
  static Optional<Table> box(List<Segment> frame, List<Glyph> glyphs, int page) {
    return grid(frame, glyphs, page).filter(t -> t.spans().size() == 1);
  }

  private static Optional<Table> grid(List<Segment> frame, List<Glyph> glyphs, int page) {
    List<Segment> hs = frame.stream().filter(Segment::horizontal).toList();
    List<Segment> vs = frame.stream().filter(s -> !s.horizontal()).toList();
    if (hs.size() < 2 || vs.size() < 2) {
      return Optional.empty();
    }
    List<Double> xs = positions(vs, hs);
    List<Double> ys = positions(hs, vs);
    int rows = ys.size() - 1;
    int cols = xs.size() - 1;
    if (rows < 1 || cols < 1) {
      return Optional.empty();
    }
    UnionFind uf = new UnionFind(rows * cols);
    for (int r = 0; r < rows; r++) {
      double midY = (ys.get(r) + ys.get(r + 1)) / 2;
      for (int c = 0; c < cols; c++) {
        double midX = (xs.get(c) + xs.get(c + 1)) / 2;
        if (c + 1 < cols && !drawn(vs, xs.get(c + 1), midY)) {
          uf.union(r * cols + c, r * cols + c + 1);
        }
        if (r + 1 < rows && !drawn(hs, ys.get(r + 1), midX)) {
          uf.union(r * cols + c, (r + 1) * cols + c);
        }
      }
    }
    Map<Integer, int[]> boxes = rectangles(uf, rows, cols);
    Map<Integer, List<Glyph>> content = new LinkedHashMap<>();
    for (Glyph g : glyphs) {
      if (g.centreX() >= xs.get(0) && g.centreX() <= xs.get(cols)
          && g.centreY() >= ys.get(0) && g.centreY() <= ys.get(rows)) {
        int r = index(ys, g.centreY());
        int c = index(xs, g.centreX());
        content.computeIfAbsent(uf.find(r * cols + c), k -> new ArrayList<>()).add(g);
      }
    }
    List<Span> spans = new ArrayList<>();
    for (Map.Entry<Integer, int[]> e : boxes.entrySet()) {
      int[] b = e.getValue();
      List<Glyph> inside = content.getOrDefault(e.getKey(), List.of());
      List<String> lines = Texts.cellLines(inside);
      spans.add(new Span(b[0], b[1], b[2] + 1, b[3] + 1, lines, recognition(inside)));
    }
    List<Boolean> openTop = new ArrayList<>();
    List<Boolean> openBottom = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      double midX = (xs.get(c) + xs.get(c + 1)) / 2;
      openTop.add(!drawn(hs, ys.get(0), midX));
      openBottom.add(!drawn(hs, ys.get(rows), midX));
    }
    return Optional.of(
        new Table(xs, Collections.nCopies(rows, page), spans, openTop, openBottom, ys.subList(0, rows),
            ys.subList(1, rows + 1), ys.get(0), ys.get(rows)));
  }

  /**
   * The grid lines across one direction: where the lines of that direction lie, plus the frame's extent
   * from the other direction (a side of the frame may be open, as at the page break in hongze-2023).
   */
  private static List<Double> positions(List<Segment> lines, List<Segment> across) {
    List<Double> raw = new ArrayList<>();
    for (Segment s : lines) {
      raw.add(s.pos());
    }
    raw.add(across.stream().mapToDouble(Segment::from).min().orElseThrow());
    raw.add(across.stream().mapToDouble(Segment::to).max().orElseThrow());
    Collections.sort(raw);
    List<Double> out = new ArrayList<>();
    double sum = raw.get(0);
    int n = 1;
    for (int i = 1; i < raw.size(); i++) {
      if (raw.get(i) - raw.get(i - 1) <= CLUSTER) {
        sum += raw.get(i);
        n++;
      } else {
        out.add(sum / n);
        sum = raw.get(i);
        n = 1;
      }
    }
    out.add(sum / n);
    return out;
  }

  /** Whether a line at {@code pos} runs through the point {@code at} along it. */
  private static boolean drawn(List<Segment> lines, double pos, double at) {
    for (Segment s : lines) {
      if (Math.abs(s.pos() - pos) <= CLUSTER && s.covers(at, 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Each merged cell's grid box {@code [row0, col0, row1, col1]} by root. A set of positions that is not a
   * rectangle (a line missing in only part of an edge) is grown to its bounding box, so cells never overlap.
   */
  private static Map<Integer, int[]> rectangles(UnionFind uf, int rows, int cols) {
    boolean changed = true;
    Map<Integer, int[]> boxes = new LinkedHashMap<>();
    while (changed) {
      changed = false;
      boxes.clear();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int[] b = boxes.computeIfAbsent(uf.find(r * cols + c), k -> new int[] {rows, cols, -1, -1});
          b[0] = Math.min(b[0], r);
          b[1] = Math.min(b[1], c);
          b[2] = Math.max(b[2], r);
          b[3] = Math.max(b[3], c);
        }
      }
      for (Map.Entry<Integer, int[]> e : boxes.entrySet()) {
        int[] b = e.getValue();
        for (int r = b[0]; r <= b[2]; r++) {
          for (int c = b[1]; c <= b[3]; c++) {
            changed |= uf.union(e.getKey(), r * cols + c);
          }
        }
      }
    }
    return boxes;
  }

  /**
   * The OCR reading of a cell's glyphs: the cell's own when they came from one crop; when several crops
   * fell into one cell, the least sure of them without alternatives; null for a text layer.
   */
  private static Recognition recognition(List<Glyph> glyphs) {
    List<Recognition> found = glyphs.stream().map(Glyph::recognition).filter(r -> r != null).distinct().toList();
    if (found.size() <= 1) {
      return found.isEmpty() ? null : found.get(0);
    }
    return new Recognition(found.stream().mapToDouble(Recognition::confidence).min().orElseThrow(), List.of());
  }

  /** The interval of a sorted boundary list holding {@code v}, clamped to the grid. */
  private static int index(List<Double> bounds, double v) {
    int i = 0;
    while (i < bounds.size() - 2 && v >= bounds.get(i + 1)) {
      i++;
    }
    return i;
  }
}
