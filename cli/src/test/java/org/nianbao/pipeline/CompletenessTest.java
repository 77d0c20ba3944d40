package org.nianbao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.TestData;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Report;
import org.nianbao.model.Status;
import org.nianbao.validate.Completeness;

/**
 * The completeness guarantee on every document in corpus/ (the generated ones and the real copies): each
 * table a report was read from yields every canonical key of its layout, in cells.csv (a value or blank)
 * or named in the keys of an anomaly that says why not; a report missing any of them is {@code partial};
 * and every gap is explained by a specific finding, never only by the {@code unread_cells} safety net.
 * The expected keys come from canonical-keys.csv (the contract), not from the mapping files the pipeline
 * reads, so a change that drops a cell without a finding fails here.
 */
class CompletenessTest {
  private static final ReportPipeline PIPELINE = new ReportPipeline(Optional.empty());
  private static final List<String> TABLES = List.of("t2", "t3", "t4");

  static Stream<Path> documents() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TestData.corpus())) {
      files.filter(Files::isRegularFile)
          .filter(p -> p.startsWith(TestData.corpus().resolve("documents")) || p.startsWith(TestData.corpus().resolve("real")))
          .filter(p -> !p.getFileName().toString().endsWith(".gold.json") && !p.getFileName().toString().endsWith(".md"))
          .sorted().forEach(out::add);
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void everyCellIsReadOrExplained(Path file) throws IOException {
    Report r = PIPELINE.process(Files.readAllBytes(file), TestData.corpus().relativize(file).toString());
    String name = file.getFileName().toString();
    assertTrue(r.anomalies().stream().noneMatch(a -> a.rule().equals(Completeness.RULE)),
        name + ": cells no specific finding explains: " + r.anomalies().stream()
            .filter(a -> a.rule().equals(Completeness.RULE)).toList());
    Set<String> read = new HashSet<>();
    r.cells().forEach(c -> read.add(c.key()));
    Set<String> named = new HashSet<>();
    r.anomalies().forEach(a -> named.addAll(a.keys()));
    Set<String> expected = expectedKeys(r, read, named);
    Set<String> lost = new TreeSet<>(expected);
    lost.removeAll(read);
    lost.removeAll(named);
    assertEquals(Set.of(), lost, name + ": cells neither read nor named by an anomaly");
    boolean complete = read.containsAll(expected);
    if (!complete) {
      assertEquals(Status.PARTIAL, r.status(), name + ": some cells were not read, so the report is partial");
    }
    if (r.status() == Status.OK || r.status() == Status.ANOMALIES) {
      assertTrue(complete, name + " is " + r.status().code() + " but not complete");
    }
  }

  /** The keys the tables found in the report must yield, by the contract's key catalogue. */
  private static Set<String> expectedKeys(Report r, Set<String> read, Set<String> named) {
    Set<String> seen = new LinkedHashSet<>(read);
    seen.addAll(named);
    seen.removeIf(k -> k.startsWith("text."));
    Set<String> expected = new LinkedHashSet<>();
    switch (r.format()) {
      case "2019", "2021" -> {
        String sibling = r.format().equals("2019") ? "2021" : "2019";
        long absent = 0;
        for (String table : TABLES) {
          Set<String> found = seen.stream().filter(k -> k.startsWith(table + ".")).collect(java.util.stream.Collectors.toSet());
          if (found.isEmpty()) {
            absent++;
            continue;
          }
          // a table printed in the other era's layout (format_mixed) owes that layout's keys
          Set<String> own = catalogue(r.format(), table);
          Set<String> other = catalogue(sibling, table);
          assertTrue(own.containsAll(found) || other.containsAll(found), r.source() + ": " + table
              + " keys of neither layout: " + found);
          expected.addAll(own.containsAll(found) ? own : other);
        }
        long missingSections = r.anomalies().stream().map(Anomaly::rule).filter("missing_section"::equals).count();
        if (r.cells().stream().anyMatch(c -> !c.key().startsWith("text."))) {
          assertEquals(absent, missingSections, r.source() + ": every absent section is reported missing");
        }
      }
      case "s14", "lg" -> {
        // regional tables are open sets: each row found owes every value column the table prints
        Set<String> rows = new TreeSet<>();
        boolean cumulative = false;
        for (String k : seen) {
          cumulative |= k.endsWith(".cumulative");
          rows.add(k.replaceFirst("\\.cumulative$", ""));
        }
        for (String row : rows) {
          expected.add(row);
          if (cumulative) {
            expected.add(row + ".cumulative");
          }
        }
      }
      default -> assertTrue(r.cells().stream().map(CellValue::key).allMatch(k -> k.startsWith("text.")),
          r.source() + ": table cells in a report of no known format");
    }
    return expected;
  }

  private static Set<String> catalogue(String format, String table) {
    Set<String> keys = new LinkedHashSet<>();
    KeyCatalog.get().entriesOf(format).stream().map(KeyCatalog.Entry::key).filter(k -> k.startsWith(table + "."))
        .forEach(keys::add);
    return keys;
  }
}
