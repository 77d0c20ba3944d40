package org.nianbao.corpus;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link CorpusGenerator} from the build, which has the test classpath at hand:
 * {@code mvn -o test -Dtest=GenerateCorpusTest -Dcorpus.generate=true} (add
 * {@code -Dcorpus.regenerateDoc=true} to remake the .doc files with LibreOffice).
 */
class GenerateCorpusTest {
  @Test
  @EnabledIfSystemProperty(named = "corpus.generate", matches = "true")
  void generate() throws Exception {
    String corpus = Path.of("corpus").toAbsolutePath().toString();
    CorpusGenerator.main(Boolean.getBoolean("corpus.regenerateDoc")
        ? new String[] {corpus, "--regenerate-doc"}
        : new String[] {corpus});
  }
}
