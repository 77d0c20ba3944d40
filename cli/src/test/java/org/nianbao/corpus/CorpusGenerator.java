package org.nianbao.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes the generated part of the golden corpus: each spec's document under {@code corpus/documents/}
 * and its expected CSV files and NOTE.md under {@code corpus/expected/<name>/}. Deterministic: the same
 * sources give the same bytes.
 *
 * <p>A {@code .doc} cannot be written without LibreOffice and a {@code .pdf} not without a CJK TrueType
 * font, neither of which CI has, so the checked-in {@code .doc} and {@code .pdf} files are left alone
 * unless {@code --regenerate-doc} or {@code --regenerate-pdf=FONT.ttf} is given; their expected files are
 * always rewritten from the spec.
 *
 * <p>Usage: {@code CorpusGenerator [corpus-dir] [--regenerate-doc] [--regenerate-pdf=FONT.ttf]} (default
 * {@code corpus}).
 */
public final class CorpusGenerator {
  private static final String PDF_FLAG = "--regenerate-pdf=";

  private CorpusGenerator() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "corpus");
    boolean regenerateDoc = List.of(args).contains("--regenerate-doc");
    String pdfFont = List.of(args).stream().filter(a -> a.startsWith(PDF_FLAG)).map(a -> a.substring(PDF_FLAG.length()))
        .findFirst().orElse("");
    for (Map.Entry<String, byte[]> e : files(Corpus.specs()).entrySet()) {
      Path target = root.resolve(e.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, e.getValue());
    }
    for (ReportSpec spec : Corpus.specs()) {
      if (spec.rendering().fileType().equals("doc") && regenerateDoc) {
        convertToDoc(spec, root.resolve("documents"));
      }
      if (spec.rendering().fileType().equals("pdf") && !pdfFont.isEmpty()) {
        Files.write(root.resolve("documents").resolve(spec.fileName()), PdfWriter.write(spec, Path.of(pdfFont)));
      }
    }
  }

  /**
   * Every generated file by its path under the corpus root. The {@code .doc} and {@code .pdf} documents
   * are not among them (they need LibreOffice or a CJK font); their expected files are.
   */
  public static Map<String, byte[]> files(List<ReportSpec> specs) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (ReportSpec spec : specs) {
      byte[] document = render(spec);
      if (document != null) {
        out.put("documents/" + spec.fileName(), document);
      }
      String dir = "expected/" + spec.name() + "/";
      out.put(dir + "report.csv", utf8(Csv.format(Expected.REPORT_HEADER, List.<String[]>of(Expected.reportRow(spec)))));
      out.put(dir + "cells.csv", utf8(Csv.format(Expected.CELLS_HEADER, Expected.cellRows(spec))));
      out.put(dir + "anomalies.csv", utf8(Csv.format(Expected.ANOMALIES_HEADER, Expected.anomalyRows(spec))));
      out.put(dir + "NOTE.md", utf8(Notes.of(spec)));
    }
    return out;
  }

  /** The document's bytes, or null for a {@code .doc} or {@code .pdf} (see {@link #main}). */
  static byte[] render(ReportSpec spec) {
    return switch (spec.rendering().fileType()) {
      case "html" -> HtmlWriter.write(spec);
      case "txt" -> TxtWriter.write(spec);
      case "docx" -> DocxWriter.write(spec);
      case "doc", "pdf" -> null;
      default -> throw new IllegalArgumentException(spec.rendering().fileType());
    };
  }

  /** Writes the spec as DOCX to a temporary folder and has LibreOffice save it as Word 97 .doc. */
  private static void convertToDoc(ReportSpec spec, Path documents) throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("nianbao-doc");
    Path docx = tmp.resolve(spec.name() + ".docx");
    Files.write(docx, DocxWriter.write(spec));
    Process p = new ProcessBuilder("soffice", "--headless", "--convert-to", "doc", "--outdir", tmp.toString(),
        docx.toString()).inheritIO().start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("soffice failed for " + docx);
    }
    Files.copy(tmp.resolve(spec.name() + ".doc"), documents.resolve(spec.fileName()),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
