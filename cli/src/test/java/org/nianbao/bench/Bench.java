package org.nianbao.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.nianbao.TestData;

/**
 * The batch benchmark (README, "Benchmark"), one command: on the same unique documents and in one run, plain
 * Tika text extraction (its own JVM), {@code extract} with the default jobs and with {@code --jobs 1}, at each
 * corpus size, each {@code extract} run right after a Tika run of its own and its ratio taken against that one
 * (the machine's speed drifts over minutes); then one large run with four 400 MB files and the batch's heap
 * capped at 256 MB. Each is a separate {@code java} process timed from start to end, as a user would run it;
 * {@code extract} also reports (hidden {@code --stats}) its own CPU and JIT seconds and peak memory, and its
 * workers'.
 *
 * <p>Arguments: {@code [SIZE...] [--big N]}; default {@code 200 2000 --big 10000}; {@code --big 0} skips it.
 * {@code --copies N DIR} only writes N unique documents into DIR (for {@code bench/spark.sh}).
 */
public final class Bench {
  private static final Path JAR = Path.of("target/nianbao.jar");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--copies")) {
      // bench/spark.sh: only the unique documents, for runs it times itself
      build(samples(), Integer.parseInt(args[1]), Path.of(args[2]));
      return;
    }
    List<Integer> sizes = new ArrayList<>();
    int big = 10_000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--big")) {
        big = Integer.parseInt(args[++i]);
      } else {
        sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(200, 2000);
    }
    if (!Files.exists(JAR)) {
      throw new IllegalStateException("build the jar first: mvn -B -q package -DskipTests");
    }
    List<Path> samples = samples();
    Path work = Files.createTempDirectory("nianbao-bench");
    try {
      System.out.printf(Locale.ROOT, "nianbao batch benchmark: %d samples, %d cores, java %s%n", samples.size(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      // the first run of a jar writes the workers' class archive beside it; later runs use it
      run(List.of("java", "-jar", JAR.toString(), "extract", "-q", "--out", work.resolve("warmup").toString(),
          TestData.corpus().resolve("documents").toString()), work.resolve("warmup.log"));
      System.out.println("| documents | run | seconds | × Tika | docs/s | batch CPU s | batch JIT s | batch peak RSS MB "
          + "| workers CPU s | workers JIT s | worker peak RSS MB |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
      for (int n : sizes) {
        Path corpus = work.resolve("corpus-" + n);
        build(samples, n, corpus);
        for (String jobs : List.of("default", "1")) {
          // each run is compared with a Tika run just before it: the machine's speed drifts over minutes
          double tika = time(List.of("java", "-cp", System.getProperty("java.class.path"), TikaText.class.getName(),
              corpus.toString()), work.resolve("tika.log"));
          row(n, "Tika text, 1 thread", tika, tika, null);
          Path stats = work.resolve("stats-" + n + "-" + jobs);
          List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "extract", "-q",
              "--out", work.resolve("out-" + n + "-" + jobs).toString(), "--stats", stats.toString()));
          if (!jobs.equals("default")) {
            cmd.addAll(List.of("--jobs", jobs));
          }
          cmd.add(corpus.toString());
          double seconds = time(cmd, work.resolve("extract.log"));
          row(n, jobs.equals("default") ? "extract (default jobs)" : "extract --jobs 1", seconds, tika, load(stats));
        }
        delete(corpus);
      }
      if (big > 0) {
        Path corpus = work.resolve("corpus-" + big);
        build(samples, big, corpus);
        for (int i = 0; i < 4; i++) {
          try (RandomAccessFile huge = new RandomAccessFile(corpus.resolve("huge-" + i + ".bin").toFile(), "rw")) {
            huge.setLength(400L << 20);
          }
        }
        Path stats = work.resolve("stats-big");
        double seconds = time(List.of("java", "-Xmx256m", "-jar", JAR.toString(), "extract", "-q",
            "--out", work.resolve("out-big").toString(), "--stats", stats.toString(), corpus.toString()),
            work.resolve("big.log"));
        System.out.println();
        System.out.println("| documents | run | seconds | docs/s | batch CPU s | batch JIT s | batch peak RSS MB "
            + "| workers CPU s | workers JIT s | worker peak RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        Properties p = load(stats);
        System.out.printf(Locale.ROOT,
            "| %d + four 400 MB | extract, batch -Xmx256m | %.1f | %.1f | %s | %s | %s | %s | %s | %s |%n",
            big, seconds, (big + 4) / seconds, p.getProperty("parent_cpu_s"), p.getProperty("parent_jit_s"),
            p.getProperty("parent_peak_rss_mb"), p.getProperty("workers_cpu_s"), p.getProperty("workers_jit_s"),
            p.getProperty("worker_peak_rss_mb"));
      }
    } finally {
      delete(work);
    }
  }

  private static void row(int n, String run, double seconds, double tika, Properties stats) {
    String extra = stats == null ? "| | | | | | |" : String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |",
        stats.getProperty("parent_cpu_s"), stats.getProperty("parent_jit_s"), stats.getProperty("parent_peak_rss_mb"),
        stats.getProperty("workers_cpu_s"), stats.getProperty("workers_jit_s"), stats.getProperty("worker_peak_rss_mb"));
    System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %.2f | %.1f %s%n", n, run, seconds, seconds / tika, n / seconds, extra);
  }

  /** The documents of the golden corpus and the real reports: every format nianbao reads. */
  private static List<Path> samples() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(TestData.corpus().resolve("documents"), TestData.corpus().resolve("real"))) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().matches(".*\\.(html|txt|pdf|docx|doc)"))
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  /**
   * Copies the samples round-robin into {@code n} documents, each changed so that no two have the same bytes
   * (identical copies would be read once and the rest counted as duplicates): a comment at the end of a
   * text, HTML or PDF file, the zip comment of a DOCX, an extra stream in a DOC.
   */
  static void build(List<Path> samples, int n, Path corpus) throws IOException {
    Files.createDirectories(corpus);
    Set<String> hashes = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Path sample = samples.get(i % samples.size());
      String name = sample.getFileName().toString();
      byte[] bytes = unique(Files.readAllBytes(sample), name.substring(name.lastIndexOf('.') + 1), i);
      hashes.add(sha256(bytes));
      Files.write(corpus.resolve(String.format(Locale.ROOT, "%05d-%s", i, name)), bytes);
    }
    if (hashes.size() != n) {
      throw new IllegalStateException("only " + hashes.size() + " of " + n + " copies are unique");
    }
  }

  static byte[] unique(byte[] bytes, String extension, int copy) throws IOException {
    String mark = "bench copy " + copy;
    switch (extension) {
      case "html", "txt" -> {
        return concat(bytes, ("\n<!-- " + mark + " -->\n").getBytes(StandardCharsets.UTF_8));
      }
      case "pdf" -> {
        return concat(bytes, ("\n%" + mark + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      case "docx" -> {
        // the end-of-central-directory record: its comment length, then the comment, end the file
        int end = bytes.length - 22;
        if (bytes[end] != 'P' || bytes[end + 1] != 'K' || bytes[end + 2] != 5 || bytes[end + 3] != 6) {
          throw new IOException("a DOCX sample already has a zip comment");
        }
        byte[] comment = mark.getBytes(StandardCharsets.US_ASCII);
        byte[] out = concat(bytes, comment);
        out[end + 20] = (byte) comment.length;
        out[end + 21] = 0;
        return out;
      }
      case "doc" -> {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes));
            ByteArrayOutputStream out = new ByteArrayOutputStream()) {
          fs.createDocument(new ByteArrayInputStream(mark.getBytes(StandardCharsets.US_ASCII)), "BenchCopy");
          fs.writeFilesystem(out);
          return out.toByteArray();
        }
      }
      default -> throw new IOException("no way to make a unique copy of ." + extension);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command to its end and returns its wall time in seconds. */
  private static double time(List<String> command, Path log) throws IOException, InterruptedException {
    long start = System.nanoTime();
    run(command, log);
    return (System.nanoTime() - start) / 1e9;
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(2, TimeUnit.HOURS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    // exit status 1 only says some inputs failed; the benchmark counts time, not outcomes
    if (p.exitValue() > 1) {
      throw new IOException("exit status " + p.exitValue() + " of " + command + ":\n" + Files.readString(log));
    }
  }

  private static Properties load(Path stats) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newInputStream(stats)) {
      p.load(in);
    }
    return p;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
