package org.nianbao.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.TestData;
import org.nianbao.model.Report;
import org.nianbao.pipeline.ReportPipeline;

/**
 * The benchmark's copies differ in their bytes (the old benchmark's DOCX and DOC copies were identical and
 * read once) and still read exactly as the document they copy.
 */
class UniqueCopiesTest {
  private static final ReportPipeline PIPELINE = new ReportPipeline(Optional.empty());

  static Stream<Path> documents() throws IOException {
    return Files.list(TestData.corpus().resolve("documents")).sorted();
  }

  @ParameterizedTest
  @MethodSource("documents")
  void aCopyIsUniqueAndReadsTheSame(Path file) throws IOException {
    String name = file.getFileName().toString();
    byte[] bytes = Files.readAllBytes(file);
    byte[] copy = Bench.unique(bytes, name.substring(name.lastIndexOf('.') + 1), 7);
    assertNotEquals(Arrays.hashCode(bytes), Arrays.hashCode(copy), name);
    Report original = PIPELINE.process(bytes, name);
    Report copied = PIPELINE.process(copy, name);
    assertEquals(original.status(), copied.status(), name);
    assertEquals(original.cells(), copied.cells(), name);
    assertEquals(original.fileType(), copied.fileType(), name);
  }
}
