package org.nianbao.read.word;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the DOCX that the checked-in DOC fixture was converted from; runs only on request, because the
 * conversion needs LibreOffice, which CI does not have (see {@code src/test/resources/word/README.md}).
 */
@EnabledIfSystemProperty(named = "nianbao.wordFixtureDir", matches = ".+")
class DocFixtureSourceTest {
  @Test
  void writeDocSource() throws IOException {
    Path dir = Files.createDirectories(Path.of(System.getProperty("nianbao.wordFixtureDir")));
    Files.write(dir.resolve("section3.docx"), WordFixtures.bytes(WordFixtures.docSource()));
  }
}
