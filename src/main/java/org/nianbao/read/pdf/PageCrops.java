package org.nianbao.read.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.nianbao.source.Box;

/**
 * Renders the part of a PDF page around a cell as a PNG with the cell outlined, for the review pages. The
 * box is in the reader's coordinates (points from the crop box's top left, y down), so one scale maps it
 * onto the rendered image. One instance per document: it keeps the document open and the last page
 * rendered, since a page's flagged cells are asked for one after the other. Not thread-safe.
 */
public final class PageCrops implements Closeable {
  /** Rendering resolution: twice the PDF's 72 points per inch, sharp enough for small table digits. */
  private static final float DPI = 144;
  private static final float SCALE = DPI / 72f;
  /** Page margin kept around the cell, in points: enough to show its row and column labels. */
  private static final double MARGIN_X = 200;
  private static final double MARGIN_Y = 70;
  /** The outline colour. */
  public static final Color OUTLINE = new Color(0xE5, 0x1C, 0x23);

  private final byte[] pdf;
  private PDDocument document;
  private int renderedPage;
  private BufferedImage rendered;

  public PageCrops(byte[] pdf) {
    this.pdf = pdf;
  }

  /** The PNG of page {@code page} (1-based) around {@code box}, or empty when the page cannot be rendered. */
  public Optional<byte[]> crop(int page, Box box) {
    if (!box.isPresent() || page < 1) {
      return Optional.empty();
    }
    try {
      if (document == null) {
        document = Loader.loadPDF(pdf);
      }
      if (page > document.getNumberOfPages()) {
        return Optional.empty();
      }
      if (rendered == null || renderedPage != page) {
        rendered = new PDFRenderer(document).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
        renderedPage = page;
      }
      BufferedImage full = rendered;
      int x0 = clamp((box.x0() - MARGIN_X) * SCALE, full.getWidth());
      int y0 = clamp((box.y0() - MARGIN_Y) * SCALE, full.getHeight());
      int x1 = clamp((box.x1() + MARGIN_X) * SCALE, full.getWidth());
      int y1 = clamp((box.y1() + MARGIN_Y) * SCALE, full.getHeight());
      if (x1 - x0 < 4 || y1 - y0 < 4) {
        return Optional.empty();
      }
      BufferedImage crop = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = crop.createGraphics();
      try {
        g.drawImage(full, -x0, -y0, null);
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(3f));
        g.drawRect((int) Math.round(box.x0() * SCALE) - x0 - 2, (int) Math.round(box.y0() * SCALE) - y0 - 2,
            (int) Math.round((box.x1() - box.x0()) * SCALE) + 4, (int) Math.round((box.y1() - box.y0()) * SCALE) + 4);
      } finally {
        g.dispose();
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(crop, "png", png);
      return Optional.of(png.toByteArray());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static int clamp(double v, int max) {
    return (int) Math.max(0, Math.min(max, Math.round(v)));
  }

  @Override
  public void close() throws IOException {
    rendered = null;
    if (document != null) {
      document.close();
      document = null;
    }
  }
}
