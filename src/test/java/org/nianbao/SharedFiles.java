package org.nianbao;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the read-only {@code shared/} folder that sits beside the project (CI has it at ../shared). */
public final class SharedFiles {
  private SharedFiles() {}

  public static Path shared() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("spec"))) {
        return candidate;
      }
    }
    return Path.of("../shared");
  }
}
