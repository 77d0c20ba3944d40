package org.nianbao.read.pdf;

import java.util.List;

/** A line of running text outside tables, glyphs left to right (at least one inked). */
record Line(int page, List<Glyph> glyphs) implements Item {
  Line {
    glyphs = List.copyOf(glyphs);
    if (glyphs.stream().allMatch(Glyph::isBlank)) {
      throw new IllegalArgumentException("a line needs an inked glyph");
    }
  }

  private List<Glyph> inked() {
    return glyphs.stream().filter(g -> !g.isBlank()).toList();
  }

  String text() {
    return Texts.join(glyphs);
  }

  double left() {
    return inked().get(0).x();
  }

  double right() {
    List<Glyph> inked = inked();
    return inked.get(inked.size() - 1).right();
  }

  double baseline() {
    return inked().get(0).baseline();
  }

  /** The largest font size on the line. */
  double size() {
    return inked().stream().mapToDouble(Glyph::size).max().orElseThrow();
  }

  @Override
  public double top() {
    return baseline() - size() * 0.85;
  }
}
