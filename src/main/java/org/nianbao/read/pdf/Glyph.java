package org.nianbao.read.pdf;

import org.nianbao.source.Recognition;

/**
 * One glyph of the text layer in page coordinates: origin top-left, y growing downwards, in points.
 *
 * @param x left edge
 * @param baseline the baseline's y
 * @param width the inked width; advances wider than the glyph (letter-spaced vertical labels in
 *     hongze-2023) are clamped so the centre stays on the glyph
 * @param size the font size in points
 * @param recognition for a character read by OCR inside a table cell, the cell's; null otherwise
 */
record Glyph(String text, double x, double baseline, double width, double size, Recognition recognition) {
  /** Glyphs whose advance exceeds this many em are letter-spaced, not wide. */
  private static final double MAX_WIDTH_EM = 1.2;

  Glyph {
    if (!(size > 0)) {
      throw new IllegalArgumentException("size must be positive: " + size);
    }
    width = Math.max(0, Math.min(width, size * MAX_WIDTH_EM));
  }

  /** A glyph of a text layer. */
  Glyph(String text, double x, double baseline, double width, double size) {
    this(text, x, baseline, width, size, null);
  }

  double right() {
    return x + width;
  }

  double centreX() {
    return x + width / 2;
  }

  /** CJK ink sits mostly above the baseline: the middle of the em box is about 0.35 em up. */
  double centreY() {
    return baseline - size * 0.35;
  }

  boolean isBlank() {
    return text.isBlank();
  }
}
