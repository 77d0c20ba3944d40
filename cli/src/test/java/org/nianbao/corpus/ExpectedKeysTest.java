package org.nianbao.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key named by an expected file is a canonical key (an lg key read from the 历年累计 column is its
 * row's key plus {@code .cumulative}, as canonical-keys.csv says), and every document has its expected files.
 */
class ExpectedKeysTest {
  private static final Path CORPUS = Path.of("corpus");

  @Test
  void expectedKeysAreCanonical() throws IOException {
    Set<String> canonical = Csv.parse(Files.readString(Path.of("cli/src/main/resources/canonical-keys.csv"),
        StandardCharsets.UTF_8)).stream().skip(1).map(r -> r[0]).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CORPUS.resolve("expected"))) {
      for (Path dir : dirs.sorted().toList()) {
        for (String[] row : rows(dir.resolve("cells.csv"))) {
          if (!canonical.contains(base(row[0]))) {
            unknown.add(dir.getFileName() + "/cells.csv: " + row[0]);
          }
        }
        for (String[] row : rows(dir.resolve("anomalies.csv"))) {
          for (String key : row[2].isEmpty() ? new String[0] : row[2].split(";")) {
            if (!canonical.contains(base(key))) {
              unknown.add(dir.getFileName() + "/anomalies.csv: " + key);
            }
          }
        }
      }
    }
    assertEquals(List.of(), unknown, "keys missing from canonical-keys.csv");
  }

  @Test
  void everyDocumentHasItsExpectedFiles() throws IOException {
    try (Stream<Path> docs = Files.list(CORPUS.resolve("documents"))) {
      for (Path doc : docs.toList()) {
        String file = doc.getFileName().toString();
        Path dir = CORPUS.resolve("expected").resolve(file.substring(0, file.lastIndexOf('.')));
        for (String name : List.of("report.csv", "cells.csv", "anomalies.csv", "NOTE.md")) {
          assertTrue(Files.isRegularFile(dir.resolve(name)), dir.resolve(name) + " is missing");
        }
      }
    }
  }

  private static String base(String key) {
    return key.startsWith("lg.") ? key.replaceFirst("\\.cumulative$", "") : key;
  }

  private static List<String[]> rows(Path csv) throws IOException {
    return Csv.parse(Files.readString(csv, StandardCharsets.UTF_8)).stream().skip(1).toList();
  }
}
