package org.nianbao.read.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.read.ocr.Scanner;
import org.nianbao.source.Block;
import org.nianbao.source.Recognition;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;

/**
 * Reads a scanned report delivered as image files (PNG, JPEG, TIFF with one page per frame) by OCR, through
 * the same layout as a PDF's pages. It lives beside the PDF reader because it shares that layout.
 */
public final class ImageReader implements DocumentReader {
  /** An image's resolution is taken from its size as an A4 page (its long side 11.69 inches). */
  private static final double A4_LONG_INCHES = 11.69;

  @Override
  public SourceDocument read(byte[] bytes, String source, String fileType) throws DocumentReadException {
    List<BufferedImage> frames = frames(bytes);
    if (frames.isEmpty()) {
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.image_empty"));
    }
    List<PageContent> pages = new ArrayList<>();
    Set<Integer> scanned = new TreeSet<>();
    for (int i = 0; i < frames.size(); i++) {
      BufferedImage image = frames.get(i);
      double dpi = Math.max(image.getWidth(), image.getHeight()) / A4_LONG_INCHES;
      pages.add(Scans.content(i + 1, Scanner.scan(image, dpi)));
      scanned.add(i + 1);
    }
    Map<SourceRef, Recognition> recognitions = new HashMap<>();
    List<Block> blocks = Assembler.assemble(Layout.pages(pages), source, recognitions);
    return new SourceDocument(source, fileType, blocks, Map.of(), recognitions, scanned);
  }

  private static List<BufferedImage> frames(byte[] bytes) throws DocumentReadException {
    List<BufferedImage> out = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new DocumentReadException(org.nianbao.model.Messages.text("read.image_unsupported"));
      }
      javax.imageio.ImageReader reader = readers.next();
      try {
        reader.setInput(in, false, true);
        int n = reader.getNumImages(true);
        for (int i = 0; i < n; i++) {
          out.add(reader.read(i));
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.image_corrupt", String.valueOf(e.getMessage())), e);
    }
    return out;
  }
}
