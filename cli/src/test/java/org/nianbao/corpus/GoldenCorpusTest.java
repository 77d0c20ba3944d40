package org.nianbao.corpus;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Report;

/**
 * Runs the pipeline on every document in {@code corpus/documents} and compares its report, cells and
 * anomalies with {@code corpus/expected/<name>/}. On a mismatch the actual files and a diff go to
 * {@code target/golden/<name>/}. With {@code -Dgolden.update=true} the expected files are rewritten from
 * the actual output instead (review the diff before committing; see corpus/README.md).
 */
class GoldenCorpusTest {
  private static final Path CORPUS = Path.of("corpus");
  private static final Path OUT = Path.of("target", "golden");
  private static final String PIPELINE = "org.nianbao.pipeline.ReportPipeline";
  private static final List<String> FILES = List.of("report.csv", "cells.csv", "anomalies.csv");

  static Stream<String> documents() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS.resolve("documents"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void matchesExpected(String fileName) throws Exception {
    String name = fileName.substring(0, fileName.lastIndexOf('.'));
    byte[] bytes = Files.readAllBytes(CORPUS.resolve("documents").resolve(fileName));
    Report report = process(bytes, "corpus/documents/" + fileName);
    List<String> actual = List.of(reportCsv(report), cellsCsv(report), anomaliesCsv(report));
    Path expectedDir = CORPUS.resolve("expected").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(expectedDir);
      for (int i = 0; i < FILES.size(); i++) {
        Files.writeString(expectedDir.resolve(FILES.get(i)), actual.get(i), StandardCharsets.UTF_8);
      }
      return;
    }
    List<String> diff = new ArrayList<>();
    for (int i = 0; i < FILES.size(); i++) {
      Path expectedFile = expectedDir.resolve(FILES.get(i));
      String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : "";
      diff.addAll(LineDiff.diff(name + "/" + FILES.get(i), expected.lines().toList(), actual.get(i).lines().toList()));
    }
    if (diff.isEmpty()) {
      return;
    }
    Path out = OUT.resolve(name);
    Files.createDirectories(out);
    for (int i = 0; i < FILES.size(); i++) {
      Files.writeString(out.resolve("actual-" + FILES.get(i)), actual.get(i), StandardCharsets.UTF_8);
    }
    Files.writeString(out.resolve("diff.txt"), String.join("\n", diff) + "\n", StandardCharsets.UTF_8);
    fail(fileName + " differs from corpus/expected/" + name + " (full diff: " + out.resolve("diff.txt") + "):\n"
        + String.join("\n", diff.subList(0, Math.min(diff.size(), 25))));
  }

  /**
   * The pipeline is looked up by name so that the corpus builds before the pipeline lands; until then
   * the cases are skipped, not failed.
   */
  private static Report process(byte[] bytes, String source) throws ReflectiveOperationException {
    Class<?> type;
    try {
      type = Class.forName(PIPELINE);
    } catch (ClassNotFoundException e) {
      assumeTrue(false, PIPELINE + " is not on the classpath yet");
      throw e;
    }
    Object pipeline = type.getConstructor(Optional.class).newInstance(Optional.empty());
    Method process = type.getMethod("process", byte[].class, String.class);
    try {
      return (Report) process.invoke(pipeline, bytes, source);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  static String reportCsv(Report r) {
    return Csv.format(Expected.REPORT_HEADER, List.<String[]>of(new String[] {
      r.fileType(), r.status().code(), r.format(), r.agency(), r.yearText()
    }));
  }

  static String cellsCsv(Report r) {
    List<String[]> rows = new ArrayList<>();
    for (CellValue c : r.cells()) {
      rows.add(new String[] {c.key(), c.valueText(), c.flagsText()});
    }
    rows.sort(Comparator.<String[], String>comparing(x -> x[0]).thenComparing(x -> x[1]).thenComparing(x -> x[2]));
    return Csv.format(Expected.CELLS_HEADER, rows);
  }

  static String anomaliesCsv(Report r) {
    List<String[]> rows = new ArrayList<>();
    for (Anomaly a : r.anomalies()) {
      rows.add(new String[] {a.severity().code(), a.rule(), a.keysText()});
    }
    rows.sort(Expected.ANOMALY_ORDER);
    return Csv.format(Expected.ANOMALIES_HEADER, rows);
  }
}
