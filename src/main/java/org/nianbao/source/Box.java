package org.nianbao.source;

/**
 * A rectangle on a page in PDF points, origin at the page's top left, y growing downwards (as the PDF reader
 * lays text out). {@link #NONE} for text that has no position (HTML, Word, plain text).
 */
public record Box(double x0, double y0, double x1, double y1) {
  public static final Box NONE = new Box(0, 0, 0, 0);

  public Box {
    if (x1 < x0 || y1 < y0) {
      throw new IllegalArgumentException("box corners out of order: " + x0 + "," + y0 + " " + x1 + "," + y1);
    }
  }

  public boolean isPresent() {
    return x1 > x0 && y1 > y0;
  }
}
