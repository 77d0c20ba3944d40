package org.nianbao.read.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the read-only {@code shared/} folder. Tests run from the project root, where it is {@code
 * ../shared}; from a git worktree nested elsewhere it is further up, so walk up until one is found.
 */
final class SharedFiles {
  private SharedFiles() {}

  static Path shared() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isDirectory(candidate.resolve("seeds"))) {
        return candidate;
      }
    }
    Path fallback = Path.of("/work/shared");
    if (Files.isDirectory(fallback.resolve("seeds"))) {
      return fallback;
    }
    throw new IllegalStateException("no shared/ folder above " + Path.of("").toAbsolutePath());
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(shared().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] resource(String name) {
    try (var in = SharedFiles.class.getResourceAsStream("/html/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource html/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
