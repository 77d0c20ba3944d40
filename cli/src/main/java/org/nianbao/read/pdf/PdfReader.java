package org.nianbao.read.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.read.NotAReportException;
import org.nianbao.source.SourceDocument;

/**
 * Reads a PDF's text layer and ruling lines into the neutral document. A PDF that opens with the empty
 * user password is read as any other; one without any glyph is a scan and reported as not a report.
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
    if (extracted.pages().stream().allMatch(p -> p.glyphs().stream().allMatch(Glyph::isBlank))) {
      throw new NotAReportException("pdf-scanned", "no text layer (scanned PDF) and OCR is not available");
    }
    Map<String, String> metadata =
        extracted.title() == null || extracted.title().isBlank() ? Map.of() : Map.of("title", extracted.title().strip());
    return new SourceDocument(
        source, fileType, Assembler.assemble(Layout.pages(extracted.pages()), source), metadata);
  }

  private record Extracted(List<PageContent> pages, String title) {}

  /** Everything needed from PDFBox, as plain data; PDFBox's failures become read errors here. */
  private static Extracted extract(byte[] bytes) throws DocumentReadException {
    if (!endsWithEof(bytes)) {
      throw new DocumentReadException("corrupt PDF: truncated (no %%EOF marker at the end)");
    }
    try (PDDocument document =
        Loader.loadPDF(bytes, "", null, null, MemoryUsageSetting.setupMixed(MAX_MEMORY, MAX_SCRATCH).streamCache)) {
      if (document.getNumberOfPages() == 0) {
        throw new DocumentReadException("corrupt PDF: no pages");
      }
      return new Extracted(PageCollector.collect(document), document.getDocumentInformation().getTitle());
    } catch (InvalidPasswordException e) {
      throw new DocumentReadException("encrypted PDF: a password is required", e);
    } catch (IOException e) {
      throw new DocumentReadException("corrupt PDF: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // PDFBox throws unchecked exceptions on some malformed structures
      throw new DocumentReadException("corrupt PDF: " + e, e);
    }
  }

  private static boolean endsWithEof(byte[] bytes) {
    int from = Math.max(0, bytes.length - EOF_WINDOW);
    String tail = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
    return tail.contains("%%EOF");
  }
}
