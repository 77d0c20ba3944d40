package org.nianbao.read.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * Collects a page's ruling lines: axis-parallel stroked path pieces, and filled rectangles thin enough to
 * be a drawn line (Word and WPS draw some borders as filled bars). Wide fills are cell shading
 * (hongze-2023 paints every cell white) and clipping paths are never drawn, so both are skipped.
 */
final class RulingCollector extends PDFGraphicsStreamEngine {
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

  private RulingCollector(PDPage page) {
    super(page);
    PDRectangle crop = page.getCropBox();
    this.originX = crop.getLowerLeftX();
    this.top = crop.getUpperRightY();
  }

  /** The ruling lines of one page, in page coordinates (origin top-left), not yet merged. */
  static List<Segment> collect(PDPage page) throws IOException {
    RulingCollector collector = new RulingCollector(page);
    collector.processPage(page);
    return collector.segments;
  }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    List<Point2D> rect = new ArrayList<>(List.of(p0, p1, p2, p3, p0));
    subpaths.add(rect);
    current = null;
  }

  @Override
  public void moveTo(float x, float y) {
    current = new ArrayList<>();
    current.add(new Point2D.Float(x, y));
    subpaths.add(current);
  }

  @Override
  public void lineTo(float x, float y) {
    if (current == null) {
      moveTo(x, y);
      return;
    }
    current.add(new Point2D.Float(x, y));
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    // a curve ends a straight run: rounded corners are not rulings, the straight parts either side are
    moveTo(x3, y3);
  }

  @Override
  public Point2D getCurrentPoint() {
    return current == null || current.isEmpty() ? new Point2D.Float() : current.get(current.size() - 1);
  }

  @Override
  public void closePath() {
    if (current != null && !current.isEmpty()) {
      current.add(current.get(0));
    }
  }

  @Override
  public void endPath() {
    reset();
  }

  @Override
  public void clip(int windingRule) {
    // the clip path is followed by endPath, which discards it
  }

  @Override
  public void strokePath() {
    stroke();
    reset();
  }

  @Override
  public void fillPath(int windingRule) {
    fill();
    reset();
  }

  @Override
  public void fillAndStrokePath(int windingRule) {
    fill();
    stroke();
    reset();
  }

  @Override
  public void drawImage(PDImage pdImage) {
    // images carry no rulings
  }

  @Override
  public void shadingFill(COSName shadingName) {
    // shadings are backgrounds
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
