package org.nianbao.read.pdf;

/**
 * An axis-parallel ruling line in page coordinates (origin top-left).
 *
 * @param horizontal true for a horizontal line at {@code y = pos} from {@code x = from} to {@code to}; false
 *     for a vertical line at {@code x = pos} from {@code y = from} to {@code to}
 */
record Segment(boolean horizontal, double pos, double from, double to) {
  Segment {
    if (from > to) {
      double t = from;
      from = to;
      to = t;
    }
  }

  /** Whether this line runs through the coordinate {@code at} along its length, within {@code tol}. */
  boolean covers(double at, double tol) {
    return at >= from - tol && at <= to + tol;
  }
}
