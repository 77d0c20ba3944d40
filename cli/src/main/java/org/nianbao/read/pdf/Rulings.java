package org.nianbao.read.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cleans a page's raw ruling pieces into lines and groups touching lines into one table frame each. */
final class Rulings {
  /** Pieces this close across their axis (points) are the same line (double strokes, line caps). */
  private static final double SAME_LINE = 1.0;
  /** Collinear pieces with a gap up to this (points) are one line (Word draws borders cell by cell). */
  private static final double JOIN_GAP = 1.5;
  /** A horizontal and a vertical line this close (points) touch. */
  private static final double TOUCH = 2.5;

  private Rulings() {}

  /** Collinear overlapping or touching pieces merged into single lines. */
  static List<Segment> merge(List<Segment> raw) {
    List<Segment> out = new ArrayList<>();
    for (boolean horizontal : new boolean[] {true, false}) {
      List<Segment> same = raw.stream()
          .filter(s -> s.horizontal() == horizontal)
          .sorted(Comparator.comparingDouble(Segment::pos))
          .toList();
      List<List<Segment>> rows = new ArrayList<>();
      for (Segment s : same) {
        List<Segment> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        if (last != null && s.pos() - last.get(0).pos() <= SAME_LINE) {
          last.add(s);
        } else {
          rows.add(new ArrayList<>(List.of(s)));
        }
      }
      for (List<Segment> row : rows) {
        out.addAll(joinCollinear(row, horizontal));
      }
    }
    return out;
  }

  private static List<Segment> joinCollinear(List<Segment> row, boolean horizontal) {
    List<Segment> byStart = row.stream().sorted(Comparator.comparingDouble(Segment::from)).toList();
    List<Segment> out = new ArrayList<>();
    double pos = byStart.stream().mapToDouble(Segment::pos).average().orElseThrow();
    double from = byStart.get(0).from();
    double to = byStart.get(0).to();
    for (Segment s : byStart.subList(1, byStart.size())) {
      if (s.from() <= to + JOIN_GAP) {
        to = Math.max(to, s.to());
      } else {
        out.add(new Segment(horizontal, pos, from, to));
        from = s.from();
        to = s.to();
      }
    }
    out.add(new Segment(horizontal, pos, from, to));
    return out;
  }

  /** Merged lines grouped into frames: lines that touch, directly or through others, share a frame. */
  static List<List<Segment>> frames(List<Segment> merged) {
    int n = merged.size();
    UnionFind uf = new UnionFind(n);
    for (int i = 0; i < n; i++) {
      Segment a = merged.get(i);
      for (int j = i + 1; j < n; j++) {
        Segment b = merged.get(j);
        if (a.horizontal() != b.horizontal() && a.covers(b.pos(), TOUCH) && b.covers(a.pos(), TOUCH)) {
          uf.union(i, j);
        }
      }
    }
    Map<Integer, List<Segment>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(uf.find(i), k -> new ArrayList<>()).add(merged.get(i));
    }
    return List.copyOf(groups.values());
  }
}
