package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.nianbao.read.FileTypes;

/**
 * Measures the batch against plain Tika text extraction on one corpus. Lives with the tests because it
 * needs Tika directly, which no stage after {@code read} may import.
 *
 * <p>Run (SAMPLES a folder of inputs, N the corpus size; PROCESSOR_CLASS defaults to the real pipeline,
 * {@code org.nianbao.pipeline.batch.FakeProcessor} measures the batch machinery alone):
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test \
 *   &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.nianbao.pipeline.batch.Bench \
 *      corpus/real/corpus-real 200 [PROCESSOR_CLASS]
 * </pre>
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Bench SAMPLES_DIR N [PROCESSOR_CLASS]");
      System.exit(2);
    }
    Path samples = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    String processor = args.length > 2 ? args[2] : ProcessorSpec.PIPELINE;
    Path work = Files.createTempDirectory("nianbao-bench");
    Path corpus = work.resolve("corpus");
    int distinct = buildCorpus(samples, n, corpus);
    System.out.printf(Locale.ROOT, "corpus: %d documents from %s (%d with distinct bytes)%n", n, samples, distinct);

    double oneJobRate = 0;
    for (int jobs : List.of(1, 2)) {
      BatchOptions options = new BatchOptions(List.of(corpus), work.resolve("out-" + jobs), jobs, false,
          Duration.ofSeconds(120), new ProcessorSpec(processor, Optional.empty()), ZipLimits.DEFAULT,
          BatchOptions.DEFAULT_WORKER_HEAP_MB, false);
      long start = System.nanoTime();
      BatchResult result = new BatchRunner(options).run(new RunListener() {
        @Override
        public void totalChanged(int total) { }

        @Override
        public void inputDone(Done done) { }
      });
      double seconds = (System.nanoTime() - start) / 1e9;
      if (result instanceof BatchResult.Completed completed) {
        BatchSummary s = completed.summary();
        System.out.printf(Locale.ROOT,
            "extract --jobs %d: %.1f docs/s (%.1f s, worker JVM start included); worker peak RSS %d MB, heap %d MB; %s%n",
            jobs, n / seconds, seconds, s.peakWorkerRssKb() >> 10, s.peakWorkerHeapBytes() >> 20, s.byStatus());
        if (jobs == 1) {
          oneJobRate = n / seconds;
        }
      } else {
        System.out.println("extract --jobs " + jobs + " did not start: " + ((BatchResult.NotStarted) result).reason());
      }
    }
    double tikaRate = tika(corpus, n);
    System.out.printf(Locale.ROOT, "tika text, 1 thread in-process: %.1f docs/s; extract --jobs 1 / tika: %s%n",
        tikaRate, oneJobRate > 0 ? String.format(Locale.ROOT, "%.2f", oneJobRate / tikaRate) : "n/a");
    System.out.printf(Locale.ROOT, "parent: peak RSS %d MB, heap %d MB (Tika ran in the parent)%n",
        peakRssKb() >> 10, peakHeapBytes() >> 20);
    try (Stream<Path> all = Files.walk(work)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Copies the samples round-robin, each copy made unique so duplicate detection does not skip it: text
   * formats get an HTML comment, PDFs a trailing PDF comment; zip-based and OLE files stay as they are
   * (appended bytes would damage them) and count as duplicates.
   */
  private static int buildCorpus(Path samples, int n, Path corpus) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.walk(samples)) {
      files = list.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no sample files in " + samples);
    }
    Files.createDirectories(corpus);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      Path sample = files.get(i % files.size());
      byte[] bytes = Files.readAllBytes(sample);
      String type = FileTypes.detect(bytes);
      String mark = switch (type) {
        case FileTypes.HTML, FileTypes.TXT -> "\n<!-- bench copy " + i + " -->\n";
        case FileTypes.PDF -> "\n%bench copy " + i + "\n";
        default -> "";
      };
      if (!mark.isEmpty() || i < files.size()) {
        distinct++;
      }
      String name = String.format(Locale.ROOT, "%05d-%s", i, sample.getFileName());
      Files.write(corpus.resolve(name), concat(bytes, mark.getBytes(StandardCharsets.UTF_8)));
    }
    return distinct;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static double tika(Path corpus, int n) throws IOException {
    AutoDetectParser parser = new AutoDetectParser();
    List<Path> files;
    try (Stream<Path> list = Files.list(corpus)) {
      files = list.sorted().toList();
    }
    long start = System.nanoTime();
    int failures = 0;
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        parser.parse(in, new BodyContentHandler(-1), new Metadata(), new ParseContext());
      } catch (Exception e) {
        failures++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failures > 0) {
      System.out.println("tika: " + failures + " of " + n + " documents failed");
    }
    return n / seconds;
  }

  private static long peakRssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }
}
