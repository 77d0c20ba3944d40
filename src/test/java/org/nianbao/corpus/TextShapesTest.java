package org.nianbao.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.model.CellValue;
import org.nianbao.model.Report;
import org.nianbao.model.Status;
import org.nianbao.pipeline.ReportPipeline;

/**
 * The text-shape fixtures of the golden corpus ({@code corpus/documents/text-*.txt}, made by
 * {@code corpus/text-shapes/make_text_shapes.py}: pdftotext, pdftotext -layout, Tika text, glued rows, markdown
 * variants) against the truth of the document each was made from, independently of their expected files: no
 * cell may differ from the truth without a flag or an anomaly naming it (zero silent errors), and each shape
 * keeps the share of exact cells it reaches today.
 */
class TextShapesTest {
  private static final Path CORPUS = Path.of("corpus");
  private static final ReportPipeline PIPELINE = new ReportPipeline(Optional.empty());
  private static final Pattern SOURCE = Pattern.compile("Source: `([^`]+)`");
  /** The share of exact cells each shape must keep (the decoder's coverage when the fixtures were made). */
  private static final Map<String, Double> FLOOR = Map.of("text-pdftotext-layout-", 0.90, "text-pdftotext-", 0.78,
      "text-glued-", 1.0, "text-md-", 1.0, "text-tika-html-", 1.0, "text-tika-docx-", 0.12);

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS.resolve("documents"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("text-")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void noSilentErrorAgainstTheSourceTruth(String fileName) throws IOException {
    String name = fileName.substring(0, fileName.lastIndexOf('.'));
    Matcher m = SOURCE.matcher(Files.readString(CORPUS.resolve("expected").resolve(name).resolve("NOTE.md"),
        StandardCharsets.UTF_8));
    assertTrue(m.find(), name + "/NOTE.md names no source");
    Map<String, String> truth = new HashMap<>();
    for (String[] row : Csv.parse(Files.readString(CORPUS.resolve("expected").resolve(m.group(1)).resolve("cells.csv"),
        StandardCharsets.UTF_8)).stream().skip(1).toList()) {
      if (!row[0].startsWith("text.")) {
        truth.put(row[0], row[1]);
      }
    }
    Report r = PIPELINE.process(Files.readAllBytes(CORPUS.resolve("documents").resolve(fileName)), fileName);
    Map<String, CellValue> cells = r.cells().stream().collect(Collectors.toMap(CellValue::key, c -> c));
    Set<String> named = r.anomalies().stream().flatMap(a -> a.keys().stream()).collect(Collectors.toSet());
    boolean partial = r.status() == Status.PARTIAL;
    List<String> silent = new ArrayList<>();
    int exact = 0;
    for (Map.Entry<String, String> e : truth.entrySet()) {
      CellValue c = cells.get(e.getKey());
      boolean right = c != null && (e.getValue().isEmpty() ? c.value() == null
          : c.value() != null && c.value().compareTo(new BigDecimal(e.getValue())) == 0);
      if (right) {
        exact++;
        continue;
      }
      boolean flagged = c != null && !c.flags().isEmpty() || named.contains(e.getKey()) || c == null && partial;
      if (!flagged) {
        silent.add(e.getKey() + "=" + e.getValue() + " got " + (c == null ? "<none>" : c.valueText()));
      }
    }
    assertTrue(silent.isEmpty(), name + ": silent errors " + silent);
    double floor = FLOOR.entrySet().stream().filter(f -> name.startsWith(f.getKey()))
        .mapToDouble(Map.Entry::getValue).max().orElse(0);
    assertTrue(exact >= floor * truth.size() - 1e-9, name + ": " + exact + " of " + truth.size() + " cells exact, below "
        + floor);
  }
}
