package org.nianbao.read.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.read.ocr.Scanner;
import org.nianbao.source.Block;
import org.nianbao.source.Recognition;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;

/**
 * Reads a PDF's text layer and ruling lines into the neutral document. A PDF that opens with the empty
 * user password is read as any other. Pages without any inked glyph (scans, alone or among text pages) are
 * rendered at {@link Scanner#DPI} and read by OCR into the same glyphs and lines.
 */
public final class PdfReader implements DocumentReader {
  /** PDFBox's scratch buffers: this much in memory, then temporary files up to the second cap. */
  private static final long MAX_MEMORY = 64L << 20;
  private static final long MAX_SCRATCH = 1L << 30;
  /** The end-of-file marker must be within this many bytes of the end; otherwise the file was cut short. */
  private static final int EOF_WINDOW = 2048;

  @Override
  public SourceDocument read(byte[] bytes, String source, String fileType) throws DocumentReadException {
    Extracted extracted = extract(bytes);
    Map<String, String> metadata =
        extracted.title() == null || extracted.title().isBlank() ? Map.of() : Map.of("title", extracted.title().strip());
    Map<SourceRef, Recognition> recognitions = new HashMap<>();
    List<Block> blocks = Assembler.assemble(Layout.pages(extracted.pages()), source, recognitions);
    return new SourceDocument(source, fileType, blocks, metadata, recognitions, extracted.scanned());
  }

  private record Extracted(List<PageContent> pages, String title, Set<Integer> scanned) {}

  /** A page without a single inked glyph is a scan (or blank): it is rendered and read by OCR. */
  private static boolean isScanned(PageContent page) {
    return page.glyphs().stream().allMatch(Glyph::isBlank);
  }

  /** Everything needed from PDFBox, as plain data; PDFBox's failures become read errors here. */
  private static Extracted extract(byte[] bytes) throws DocumentReadException {
    if (!endsWithEof(bytes)) {
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.pdf_truncated"));
    }
    try (PDDocument document =
        Loader.loadPDF(bytes, "", null, null, MemoryUsageSetting.setupMixed(MAX_MEMORY, MAX_SCRATCH).streamCache)) {
      document.setResourceCache(new FontKeepingCache());
      if (document.getNumberOfPages() == 0) {
        throw new DocumentReadException(org.nianbao.model.Messages.text("read.pdf_no_pages"));
      }
      List<PageContent> pages = new ArrayList<>(PageCollector.collect(document));
      Set<Integer> scanned = new TreeSet<>();
      PDFRenderer renderer = null;
      for (int i = 0; i < pages.size(); i++) {
        if (isScanned(pages.get(i))) {
          renderer = renderer == null ? new PDFRenderer(document) : renderer;
          BufferedImage image = renderer.renderImageWithDPI(i, Scanner.DPI, ImageType.GRAY);
          pages.set(i, Scans.content(i + 1, Scanner.scan(image, Scanner.DPI)));
          scanned.add(i + 1);
        }
      }
      return new Extracted(pages, document.getDocumentInformation().getTitle(), scanned);
    } catch (InvalidPasswordException e) {
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.pdf_encrypted"), e);
    } catch (IOException e) {
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.corrupt", "PDF", String.valueOf(e.getMessage())), e);
    } catch (RuntimeException e) {
      // PDFBox throws unchecked exceptions on some malformed structures
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.corrupt", "PDF", e.toString()), e);
    }
  }

  private static boolean endsWithEof(byte[] bytes) {
    int from = Math.max(0, bytes.length - EOF_WINDOW);
    String tail = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
    return tail.contains("%%EOF");
  }
}
