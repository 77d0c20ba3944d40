package org.nianbao.read.pdf;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Times this reader against plain Tika text extraction on the same files in the same JVM, after a
 * warm-up, and prints both and their ratio. Not a unit test: run by hand, e.g.
 * {@code java -cp ... org.nianbao.read.pdf.PdfBench ../shared/corpus-real/huaian-2024.pdf}; without
 * arguments it uses the two real PDFs of {@code shared/corpus-real}.
 */
public final class PdfBench {
  private static final int WARM_UP = 5;
  private static final int ROUNDS = 20;

  private PdfBench() {}

  public static void main(String[] args) throws Exception {
    List<Path> files = new ArrayList<>();
    if (args.length == 0) {
      files.add(PdfTestSupport.corpusReal().resolve("huaian-2024.pdf"));
      files.add(PdfTestSupport.corpusReal().resolve("hongze-2023.pdf"));
    } else {
      for (String a : args) {
        files.add(Path.of(a));
      }
    }
    List<byte[]> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(Files.readAllBytes(f));
    }
    PdfReader reader = new PdfReader();
    AutoDetectParser tika = new AutoDetectParser();
    for (int i = 0; i < WARM_UP; i++) {
      runReader(reader, inputs);
      runTika(tika, inputs);
    }
    long readerNanos = 0;
    long tikaNanos = 0;
    for (int i = 0; i < ROUNDS; i++) {
      long t0 = System.nanoTime();
      runReader(reader, inputs);
      long t1 = System.nanoTime();
      runTika(tika, inputs);
      long t2 = System.nanoTime();
      readerNanos += t1 - t0;
      tikaNanos += t2 - t1;
    }
    double readerMs = readerNanos / 1e6 / ROUNDS;
    double tikaMs = tikaNanos / 1e6 / ROUNDS;
    System.out.printf(Locale.ROOT, "files: %d, rounds: %d after %d warm-up%n", files.size(), ROUNDS, WARM_UP);
    System.out.printf(Locale.ROOT, "nianbao PdfReader: %.1f ms per round%n", readerMs);
    System.out.printf(Locale.ROOT, "Tika text only:    %.1f ms per round%n", tikaMs);
    System.out.printf(Locale.ROOT, "ratio reader/tika: %.2f%n", readerMs / tikaMs);
  }

  private static void runReader(PdfReader reader, List<byte[]> inputs) throws Exception {
    for (byte[] in : inputs) {
      reader.read(in, "bench.pdf", "pdf");
    }
  }

  private static void runTika(AutoDetectParser tika, List<byte[]> inputs) throws Exception {
    for (byte[] in : inputs) {
      try (InputStream stream = new ByteArrayInputStream(in)) {
        tika.parse(stream, new BodyContentHandler(-1), new Metadata(), new ParseContext());
      }
    }
  }
}
