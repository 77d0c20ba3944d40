package org.nianbao.corpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a spec is written out.
 *
 * @param fileType report.csv {@code file_type}: html, docx, doc or txt
 * @param charset text encoding of html/txt documents
 * @param bom write a UTF-8 byte-order mark (txt)
 * @param metaCharset declare the charset in a {@code <meta charset>} (html)
 * @param wordPasted html as Word pastes it: MsoNormalTable, labels split over spans and paragraphs
 * @param lineEnd line separator of txt documents
 * @param pdf page layout of pdf documents ({@link PdfLayout#FLOW} for the others)
 */
public record Rendering(
    String fileType, Charset charset, boolean bom, boolean metaCharset, boolean wordPasted, String lineEnd,
    PdfLayout pdf) {
  public static final Charset GBK = Charset.forName("GBK");

  public static Rendering html(Charset charset, boolean metaCharset, boolean wordPasted) {
    return new Rendering("html", charset, false, metaCharset, wordPasted, "\n", PdfLayout.FLOW);
  }

  public static Rendering docx() {
    return new Rendering("docx", StandardCharsets.UTF_8, false, false, false, "\n", PdfLayout.FLOW);
  }

  /** A .doc converted once from the spec's DOCX rendering with LibreOffice (see corpus/README.md). */
  public static Rendering doc() {
    return new Rendering("doc", StandardCharsets.UTF_8, false, false, false, "\n", PdfLayout.FLOW);
  }

  /** A PDF written with PDFBox by {@link PdfWriter}; checked in, as it needs a CJK font (see corpus/README.md). */
  public static Rendering pdf(PdfLayout layout) {
    return new Rendering("pdf", StandardCharsets.UTF_8, false, false, false, "\n", layout);
  }

  public static Rendering txt(Charset charset, boolean bom, String lineEnd) {
    return new Rendering("txt", charset, bom, false, false, lineEnd, PdfLayout.FLOW);
  }

  public String describe() {
    return switch (fileType) {
      case "html" -> "HTML, " + charset.name() + (metaCharset ? " declared in <meta charset>" : " without a meta charset")
          + (wordPasted ? ", Word-pasted markup (MsoNormalTable, labels split over <span>s and <p>s)" : ", plain markup");
      case "txt" -> "TXT in the seed's flattened layout, " + charset.name() + (bom ? " with BOM" : "")
          + (lineEnd.equals("\r\n") ? ", CRLF line ends" : ", LF line ends");
      case "docx" -> "DOCX written with POI XWPF (gridSpan/vMerge merges, fixed core-properties dates)";
      case "pdf" -> "PDF written with PDFBox by `PdfWriter`: A4 pages numbered at the foot (`-N-` unless said below), "
          + "text in a subset of "
          + "Droid Sans Fallback embedded in the file (ASCII in the standard Helvetica), " + pdf.describe();
      default -> "DOC converted with LibreOffice from the DOCX rendering of this spec";
    };
  }
}
