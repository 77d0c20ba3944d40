package org.nianbao;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real reports in corpus/real are copies of ../shared. Where ../shared sits beside the project (CI),
 * the copies must still be byte-for-byte what it holds, so that the tests run on the documents the
 * scores are given for; in a fresh clone without it this check is skipped, and says so.
 */
class SharedCopiesTest {
  private static final List<String> FOLDERS = List.of("seeds", "corpus-real", "corpus-glued", "corpus-text");

  @Test
  void copiesAreCurrent() throws IOException {
    assumeTrue(TestData.shared().isPresent(),
        "../shared is not beside the project: the copies in corpus/real are used as they are");
    Path shared = TestData.shared().orElseThrow();
    List<String> checked = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path dir = shared.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          Path copy = TestData.real(folder + "/" + f.getFileName());
          assertTrue(Files.exists(copy), "../shared/" + folder + "/" + f.getFileName() + " has no copy in corpus/real");
          assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy), "corpus/real/" + folder + "/" + f.getFileName());
          checked.add(folder + "/" + f.getFileName());
        }
      }
    }
    assertTrue(!checked.isEmpty(), "../shared holds none of " + FOLDERS);
  }
}
