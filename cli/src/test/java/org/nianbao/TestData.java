package org.nianbao;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place tests find their data. Everything a test needs is in the repository: {@link #corpus()} is
 * the project's {@code corpus/} folder (generated documents, and under {@code real/} copies of the public
 * real reports with their gold files). The read-only {@code ../shared} folder is optional: {@link
 * #shared()} is empty where it is absent, and tests that use it skip with a reason.
 */
public final class TestData {
  private TestData() {}

  /** The project's {@code corpus/} folder (tests run from the project root). */
  public static Path corpus() {
    Path dir = Path.of("corpus").toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("documents"))) {
      throw new IllegalStateException("tests run from the project root; no corpus/documents under " + dir.getParent());
    }
    return dir;
  }

  /** A copy of a real report or its gold file, e.g. {@code real("corpus-real/hongze-2023.pdf")}. */
  public static Path real(String relative) {
    return corpus().resolve("real").resolve(relative);
  }

  public static byte[] realBytes(String relative) {
    try {
      return Files.readAllBytes(real(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String realText(String relative) {
    return new String(realBytes(relative), StandardCharsets.UTF_8);
  }

  /** A test resource from the classpath ({@code src/test/resources}), e.g. {@code resource("/html/spans.html")}. */
  public static byte[] resource(String path) {
    try (InputStream in = TestData.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The project's {@code ../shared} folder, when it sits beside the project (CI has it; a fresh clone may not). */
  public static Optional<Path> shared() {
    Path candidate = Path.of("..", "shared").toAbsolutePath().normalize();
    return Files.isDirectory(candidate.resolve("spec")) ? Optional.of(candidate) : Optional.empty();
  }
}
