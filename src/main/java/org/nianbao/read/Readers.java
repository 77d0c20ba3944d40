package org.nianbao.read;

import java.util.Map;
import java.util.Optional;
import org.nianbao.read.html.HtmlReader;
import org.nianbao.read.html.TextReader;
import org.nianbao.read.pdf.ImageReader;
import org.nianbao.read.pdf.PdfReader;
import org.nianbao.read.word.DocReader;
import org.nianbao.read.word.DocxReader;

/** The registry: one reader per detected file type. */
public final class Readers {
  private final Map<String, DocumentReader> byType;

  public Readers() {
    this.byType = Map.of(
        FileTypes.HTML, new HtmlReader(),
        FileTypes.TXT, new TextReader(),
        FileTypes.DOCX, new DocxReader(),
        FileTypes.DOC, new DocReader(),
        FileTypes.PDF, new PdfReader(),
        FileTypes.PNG, new ImageReader(),
        FileTypes.JPG, new ImageReader(),
        FileTypes.TIFF, new ImageReader());
  }

  public Optional<DocumentReader> forType(String fileType) {
    return Optional.ofNullable(byType.get(fileType));
  }
}
