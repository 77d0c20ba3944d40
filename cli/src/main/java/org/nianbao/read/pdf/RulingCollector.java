package org.nianbao.read.pdf;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Collects a page's ruling lines: axis-parallel stroked path pieces, and filled rectangles thin enough to
 * be a drawn line (Word and WPS draw some borders as filled bars). Wide fills are cell shading
 * (hongze-2023 paints every cell white) and clipping paths are never drawn, so both are skipped. It is
 * fed by {@link PathOperators} with points already in PDF user space, during the same pass over the
 * content stream that collects the glyphs.
 */
final class RulingCollector {
  /** A filled shape at most this thick (points) is a line, not a shaded area. */
  private static final double MAX_BAR = 2.0;
  /** Pieces shorter than this (points) are dots, hatching or glyph art, not rulings. */
  private static final double MIN_LENGTH = 3.0;
  /** How far off the axis (points) a line may lean and still count as a ruling. */
  private static final double SLANT = 0.5;

  private final double originX;
  private final double top;
  private final List<Segment> segments = new ArrayList<>();
  private final List<List<Point2D>> subpaths = new ArrayList<>();
  private List<Point2D> current;

  RulingCollector(PDRectangle crop) {
    this.originX = crop.getLowerLeftX();
    this.top = crop.getUpperRightY();
  }

  /** The ruling lines painted so far, in page coordinates (origin top-left), not yet merged. */
  List<Segment> segments() {
    return segments;
  }

  void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    List<Point2D> rect = new ArrayList<>(List.of(p0, p1, p2, p3, p0));
    subpaths.add(rect);
    current = null;
  }

  void moveTo(Point2D p) {
    current = new ArrayList<>();
    current.add(p);
    subpaths.add(current);
  }

  void lineTo(Point2D p) {
    if (current == null) {
      moveTo(p);
      return;
    }
    current.add(p);
  }

  /** A curve ends a straight run: rounded corners are not rulings, the straight parts either side are. */
  void curveTo(Point2D end) {
    moveTo(end);
  }

  void closePath() {
    if (current != null && !current.isEmpty()) {
      current.add(current.get(0));
    }
  }

  /** Ends the path unpainted, as after a clip. */
  void endPath() {
    reset();
  }

  void strokePath() {
    stroke();
    reset();
  }

  void fillPath() {
    fill();
    reset();
  }

  void fillAndStrokePath() {
    fill();
    stroke();
    reset();
  }

  private void reset() {
    subpaths.clear();
    current = null;
  }

  private void stroke() {
    for (List<Point2D> path : subpaths) {
      for (int i = 1; i < path.size(); i++) {
        addLine(path.get(i - 1), path.get(i));
      }
    }
  }

  private void fill() {
    for (List<Point2D> path : subpaths) {
      if (path.size() < 2) {
        continue;
      }
      double minX = Double.MAX_VALUE;
      double minY = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE;
      double maxY = -Double.MAX_VALUE;
      for (Point2D p : path) {
        minX = Math.min(minX, p.getX());
        maxX = Math.max(maxX, p.getX());
        minY = Math.min(minY, p.getY());
        maxY = Math.max(maxY, p.getY());
      }
      double w = maxX - minX;
      double h = maxY - minY;
      if (h <= MAX_BAR && w >= MIN_LENGTH) {
        segments.add(new Segment(true, top - (minY + maxY) / 2, minX - originX, maxX - originX));
      } else if (w <= MAX_BAR && h >= MIN_LENGTH) {
        segments.add(new Segment(false, (minX + maxX) / 2 - originX, top - maxY, top - minY));
      }
    }
  }

  private void addLine(Point2D a, Point2D b) {
    double dx = Math.abs(a.getX() - b.getX());
    double dy = Math.abs(a.getY() - b.getY());
    if (dy <= SLANT && dx >= MIN_LENGTH) {
      segments.add(new Segment(true, top - (a.getY() + b.getY()) / 2, a.getX() - originX, b.getX() - originX));
    } else if (dx <= SLANT && dy >= MIN_LENGTH) {
      segments.add(new Segment(false, (a.getX() + b.getX()) / 2 - originX, top - a.getY(), top - b.getY()));
    }
  }

}
