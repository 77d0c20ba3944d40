package org.nianbao.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator's own checks: the truth behind every spec satisfies the identities, so an error in an
 * expected file can only come from a deliberately injected fault; the corpus covers the whole contract;
 * and the checked-in files are exactly what the generator writes.
 */
class TruthModelTest {
  static Stream<ReportSpec> specs() {
    return Corpus.specs().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void truthSatisfiesTheIdentities(ReportSpec spec) {
    Map<String, CellText> truthCells = new LinkedHashMap<>();
    for (String key : spec.cells().keySet()) {
      truthCells.put(key, CellText.plain(spec.truth().get(key)));
    }
    ReportSpec truthOnly = new ReportSpec(spec.name(), spec.era(), spec.rendering(), spec.agency(), spec.year(),
        spec.titleLines(), spec.prose(), spec.truth(), truthCells, Map.of(), Set.of(), spec.missingRows(),
        spec.missingSections(), List.of(), spec.otherAsOneRow(), spec.variants(), List.of(), List.of(), spec.seed());
    assertEquals(List.of(), Expected.identities(truthOnly), spec.name());
    for (Map.Entry<String, BigDecimal> e : spec.truth().entrySet()) {
      if (!e.getKey().endsWith(".items_delta")) {
        assertTrue(e.getValue().signum() >= 0, spec.name() + ": negative " + e.getKey());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void onlyDeclaredFaultsBreakIdentities(ReportSpec spec) {
    boolean errors = Expected.findings(spec).stream().anyMatch(f -> f.severity().equals("error"));
    if (errors) {
      assertFalse(spec.faults().isEmpty(), spec.name() + " has error anomalies without a declared fault");
    }
  }

  @Test
  void corpusCoversTheContract() {
    Set<String> flags = new HashSet<>();
    Set<String> rules = new HashSet<>();
    Set<String> statuses = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    for (ReportSpec spec : Corpus.specs()) {
      Expected.cellRows(spec).forEach(r -> flags.addAll(r[2].isEmpty() ? List.of() : List.of(r[2].split(";"))));
      Expected.findings(spec).forEach(f -> rules.add(f.rule()));
      statuses.add(Expected.status(spec));
      Rendering r = spec.rendering();
      kinds.add(r.fileType() + "-" + spec.era().code());
      kinds.add(r.fileType() + "-" + r.charset().name() + (r.bom() ? "-bom" : "") + (r.metaCharset() ? "-meta" : ""));
    }
    assertEquals(new HashSet<>(CellText.FLAG_ORDER), flags);
    assertEquals(Set.of("blank_cell", "double_zero", "unparseable_cell", "cell_fixed", "t3_balance",
        "t3_result_total", "t3_row_total", "t4_group_total", "missing_section", "missing_row", "unknown_row",
        "format_mixed", "fuzzy_label", "s14_request_channels", "lg_request_channels_cumulative", "header_realigned"),
        rules);
    assertEquals(Set.of("ok", "anomalies", "partial"), statuses);
    assertTrue(kinds.containsAll(List.of("html-2021", "html-2019", "docx-2021", "docx-2019", "txt-2021", "txt-2019",
        "doc-2021", "html-GBK-meta", "html-UTF-8", "txt-GBK", "txt-UTF-8-bom", "pdf-2021", "pdf-2019", "html-s14",
        "docx-s14", "pdf-s14", "html-lg", "docx-lg")), kinds.toString());
    long clean = Corpus.specs().stream()
        .filter(s -> s.quirks().isEmpty() && s.faults().isEmpty() && Expected.findings(s).isEmpty()).count();
    assertTrue(clean >= 2, "at least two fully clean documents");
  }

  /** Expected files of generated documents change only with the generator, never by hand. */
  @Test
  void checkedInFilesMatchTheGenerator() throws IOException {
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : CorpusGenerator.files(Corpus.specs()).entrySet()) {
      Path file = Path.of("corpus").resolve(e.getKey());
      if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), e.getValue())) {
        stale.add(e.getKey());
      }
    }
    assertEquals(List.of(), stale, "regenerate: mvn -o test -Dtest=GenerateCorpusTest -Dcorpus.generate=true");
  }

  /**
   * The PDFs are checked in (writing them needs a CJK font): each stays small, and where the font is
   * installed it is exactly what {@link PdfWriter} writes, so a changed spec cannot leave a stale PDF.
   */
  @Test
  void checkedInPdfsAreSmallAndCurrent() throws IOException {
    Path font = Path.of(GenerateCorpusTest.DROID);
    for (ReportSpec spec : Corpus.specs()) {
      if (spec.rendering().fileType().equals("pdf")) {
        Path file = Path.of("corpus", "documents", spec.fileName());
        assertTrue(Files.size(file) < 100_000, file + " is over 100 KB");
        if (Files.isRegularFile(font)) {
          assertArrayEquals(PdfWriter.write(spec, font), Files.readAllBytes(file),
              file + " is stale: mvn -o test -Dtest=GenerateCorpusTest -Dcorpus.generate=true -Dcorpus.regeneratePdf=true");
        }
      }
    }
  }

  @Test
  void generationIsDeterministic() {
    Map<String, byte[]> first = CorpusGenerator.files(Corpus.specs());
    Map<String, byte[]> second = CorpusGenerator.files(Corpus.specs());
    assertEquals(first.keySet(), second.keySet());
    first.forEach((k, v) -> assertArrayEquals(v, second.get(k), k));
  }
}
