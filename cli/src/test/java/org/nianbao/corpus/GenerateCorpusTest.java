package org.nianbao.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link CorpusGenerator} from the build, which has the test classpath at hand:
 * {@code mvn -o test -Dtest=GenerateCorpusTest -Dcorpus.generate=true} (add
 * {@code -Dcorpus.regenerateDoc=true} to remake the .doc files with LibreOffice, and
 * {@code -Dcorpus.regeneratePdf=true} to remake the .pdf files with the CJK font {@code -Dcorpus.pdfFont},
 * by default Droid Sans Fallback from the Debian package fonts-droid-fallback).
 */
class GenerateCorpusTest {
  static final String DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

  @Test
  @EnabledIfSystemProperty(named = "corpus.generate", matches = "true")
  void generate() throws Exception {
    List<String> args = new ArrayList<>();
    args.add(Path.of("corpus").toAbsolutePath().toString());
    if (Boolean.getBoolean("corpus.regenerateDoc")) {
      args.add("--regenerate-doc");
    }
    if (Boolean.getBoolean("corpus.regeneratePdf")) {
      args.add("--regenerate-pdf=" + System.getProperty("corpus.pdfFont", DROID));
    }
    CorpusGenerator.main(args.toArray(String[]::new));
  }
}
