package org.nianbao.read.ocr;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the Chinese model is: the folder named by {@code -Dnianbao.tessdata}, else {@code lib/tessdata} beside
 * the running jar (where {@code mvn package} puts it), else the repository's {@code ocr/tessdata} (tests).
 */
final class Tessdata {
  static final String LANGUAGE = "chi_sim";
  /** The Latin model: a second reading of every number. */
  static final String LATIN = "eng";

  private Tessdata() {}

  static Optional<Path> folder() {
    List<Path> candidates = new ArrayList<>();
    String property = System.getProperty("nianbao.tessdata");
    if (property != null && !property.isBlank()) {
      candidates.add(Path.of(property));
    }
    try {
      Path code = Path.of(Tessdata.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = Files.isDirectory(code) ? code : code.getParent();
      if (dir != null) {
        candidates.add(dir.resolve("lib/tessdata"));
        candidates.add(dir.resolve("../ocr/tessdata"));
        candidates.add(dir.resolve("../../ocr/tessdata"));
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no code source (a custom class loader): fall back to the working directory
    }
    candidates.add(Path.of("ocr/tessdata"));
    return candidates.stream().map(Path::normalize)
        .filter(p -> Files.isRegularFile(p.resolve(LANGUAGE + ".traineddata"))).findFirst();
  }
}
