package org.nianbao.read.pdf;

import org.nianbao.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.read.DocumentReadException;
import org.nianbao.source.Cell;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

/** Finding the shared corpus, reading fixtures and looking cells up by their label. */
final class PdfTestSupport {
  private static final Pattern GOLD_NUMBER = Pattern.compile("\"([a-z0-9_.]+)\"\\s*:\\s*(-?[0-9.]+)");

  private PdfTestSupport() {}

  /** The copies of the real reports in {@code corpus/real/corpus-real}. */
  static Path corpusReal() {
    return TestData.real("corpus-real");
  }

  static SourceDocument readReal(String name) throws IOException, DocumentReadException {
    Path pdf = corpusReal().resolve(name + ".pdf");
    return new PdfReader().read(Files.readAllBytes(pdf), pdf.toString(), "pdf");
  }

  static byte[] fixture(String name) {
    return TestData.resource("/pdf/" + name);
  }

  static SourceDocument readFixture(String name) throws DocumentReadException {
    return new PdfReader().read(fixture(name), name, "pdf");
  }

  /** The numbers of a gold file (flat {@code "key": number} pairs), by key. */
  static Map<String, String> gold(String name) throws IOException {
    String json = Files.readString(corpusReal().resolve(name + ".gold.json"), StandardCharsets.UTF_8);
    Map<String, String> values = new HashMap<>();
    Matcher m = GOLD_NUMBER.matcher(json);
    while (m.find()) {
      values.put(m.group(1), m.group(2));
    }
    return values;
  }

  static String compact(String text) {
    return text.replaceAll("[\\s\\u3000]+", "");
  }

  /** The first cell anywhere whose whitespace-free text is {@code label}, as an anchor. */
  static Optional<Cell> anchor(SourceDocument doc, String label) {
    return doc.tables().stream()
        .flatMap(t -> t.rows().stream())
        .flatMap(List::stream)
        .filter(c -> !c.isCopy() && compact(c.text()).equals(label))
        .findFirst();
  }

  static TableBlock tableWith(SourceDocument doc, String label) {
    return doc.tables().stream()
        .filter(t -> t.rows().stream().flatMap(List::stream).anyMatch(c -> compact(c.text()).equals(label)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table with " + label));
  }

  /** The printed cells (copies of merged cells skipped) to the right of the row labelled {@code label}. */
  static List<String> valuesAfter(SourceDocument doc, String label) {
    TableBlock table = tableWith(doc, label);
    for (List<Cell> row : table.rows()) {
      for (int c = 0; c < row.size(); c++) {
        if (compact(row.get(c).text()).equals(label)) {
          int labelCol = c;
          return row.stream()
              .filter(x -> x.col() > labelCol && !x.isCopy())
              .map(Cell::text)
              .toList();
        }
      }
    }
    throw new AssertionError("no row " + label);
  }

  /** How many grid rows the merged cell anchored at {@code anchor} covers. */
  static long rowsCovered(SourceDocument doc, Cell anchor) {
    return doc.tables().stream()
        .flatMap(t -> t.rows().stream())
        .filter(row -> row.stream().anyMatch(c -> c.anchorRow() == anchor.row() && c.anchorCol() == anchor.col()
            && c.text().equals(anchor.text())))
        .count();
  }
}
