package org.nianbao.read.pdf;

import java.util.List;

/**
 * A line of running text outside tables, glyphs left to right (at least one inked). A value like a record;
 * its measures are taken once, as the layout asks for them many times a line.
 */
final class Line implements Item {
  private final int page;
  private final List<Glyph> glyphs;
  private final double left;
  private final double right;
  private final double baseline;
  private final double size;
  private int hash;

  Line(int page, List<Glyph> glyphs) {
    this.page = page;
    this.glyphs = List.copyOf(glyphs);
    Glyph first = null;
    Glyph last = null;
    double largest = Double.NEGATIVE_INFINITY;
    for (Glyph g : this.glyphs) {
      if (!g.isBlank()) {
        if (first == null) {
          first = g;
        }
        last = g;
        largest = Math.max(largest, g.size());
      }
    }
    if (first == null) {
      throw new IllegalArgumentException("a line needs an inked glyph");
    }
    this.left = first.x();
    this.right = last.right();
    this.baseline = first.baseline();
    this.size = largest;
  }

  @Override
  public int page() {
    return page;
  }

  List<Glyph> glyphs() {
    return glyphs;
  }

  String text() {
    return Texts.join(glyphs);
  }

  double left() {
    return left;
  }

  double right() {
    return right;
  }

  double baseline() {
    return baseline;
  }

  /** The largest font size on the line. */
  double size() {
    return size;
  }

  @Override
  public double top() {
    return baseline - size * 0.85;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Line other && page == other.page && glyphs.equals(other.glyphs);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * Integer.hashCode(page) + glyphs.hashCode();
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return "Line[page=" + page + ", glyphs=" + glyphs + "]";
  }
}
