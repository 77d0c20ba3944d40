package org.nianbao.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.nianbao.model.Report;
import org.nianbao.model.Status;
import org.nianbao.pipeline.batch.FileExtraction;
import org.nianbao.pipeline.batch.ZipLimits;
import org.nianbao.write.CsvFiles;
import org.nianbao.write.ReportSetWriter;
import org.nianbao.write.WideLayout;

/**
 * {@code SparkExtract [options] INPUT... --out DIR}: the command line's extraction as a Spark job, for
 * archives on HDFS or object stores. Spark lists the files ({@code binaryFile}, recursive, any Hadoop file
 * system); each executor builds one pipeline and extracts its partitions' files (archives through the
 * command line's walker and limits, each document under a time limit, every failure a {@code failed}
 * row); identical inputs are grouped by their bytes and the cross-report checks run per agency. The job
 * writes the three tables as Parquet ({@code DIR/parquet/reports|cells|anomalies}, partitioned by format
 * and year) and the command line's CSV files (the same writers, the same rows in the same order).
 */
public final class SparkExtract {
  private static final String USAGE = "usage: SparkExtract [--timeout S] [--mappings DIR] [--xlsx] INPUT... --out DIR";

  private SparkExtract() {}

  /** The job's options, as on the command line. */
  public record Options(List<String> inputs, String out, Duration timeout, String mappings, boolean xlsx) {
    public Options {
      inputs = List.copyOf(inputs);
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("no INPUT given");
      }
      if (out == null || out.isEmpty()) {
        throw new IllegalArgumentException("--out DIR is required");
      }
      if (timeout.toSeconds() < 1) {
        throw new IllegalArgumentException("--timeout must be at least 1 second");
      }
    }

    public static Options parse(String... args) {
      List<String> inputs = new ArrayList<>();
      String out = null;
      String mappings = null;
      long timeout = 120;
      boolean xlsx = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> out = value(args, ++i, "--out");
          case "--mappings" -> mappings = value(args, ++i, "--mappings");
          case "--timeout" -> {
            try {
              timeout = Long.parseLong(value(args, ++i, "--timeout"));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--timeout takes whole seconds", e);
            }
          }
          case "--xlsx" -> xlsx = true;
          default -> {
            if (args[i].startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            inputs.add(args[i]);
          }
        }
      }
      return new Options(inputs, out, Duration.ofSeconds(timeout), mappings, xlsx);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }

  /** What a run wrote: inputs by status. */
  public record Summary(int inputs, Map<Status, Integer> byStatus) {}

  public static void main(String[] args) throws IOException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("nianbao").getOrCreate();
    try {
      Summary s = run(spark, options);
      print(s, options, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } finally {
      spark.stop();
    }
  }

  private static void print(Summary s, Options options, PrintStream out) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d inputs", s.inputs()));
    s.byStatus().forEach((status, n) -> line.append(String.format(Locale.ROOT, ", %d %s", n, status.code())));
    out.println(line.append(" -> ").append(options.out()));
  }

  /**
   * Runs the job in the given session and writes its outputs.
   *
   * @throws IllegalArgumentException when an input does not exist
   */
  public static Summary run(SparkSession spark, Options options) throws IOException {
    ZipLimits limits = ZipLimits.DEFAULT;
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Stages.Settings settings = new Stages.Settings(limits.encode(), options.timeout().toMillis(), options.mappings());
    Encoder<Extracted> extractedEncoder = Encoders.bean(Extracted.class);

    // as on the command line, an input that does not exist is a usage error, found before any work
    for (String input : options.inputs()) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
      if (!path.getFileSystem(hadoop).exists(path)) {
        throw new IllegalArgumentException("No such file or folder: " + input);
      }
    }
    org.apache.hadoop.fs.Path base = commonParent(options.inputs(), hadoop);
    Dataset<Row> files = null;
    List<Extracted> listedHere = new ArrayList<>();
    for (int i = 0; i < options.inputs().size(); i++) {
      String input = options.inputs().get(i);
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
      FileSystem fs = path.getFileSystem(hadoop);
      org.apache.hadoop.fs.Path qualified = fs.makeQualified(path);
      FileStatus status = fs.getFileStatus(qualified);
      Stages.Root root = new Stages.Root(i, qualified.toString(), rootName(base, qualified), status.isDirectory());
      Listing listing = Listing.of(fs, root);
      listing.empty().forEach(p -> listedHere.add(Stages.extracted(root.input(), Stages.walkPath(root, p), 0,
          FileExtraction.emptyFile(root.source(p)))));
      Dataset<Row> listed;
      if (root.folder()) {
        listed = list(spark, root, limits);
        if (!listing.underscored().isEmpty()) {
          listed = listed.union(unlisted(spark, root, listing.underscored()));
        }
      } else if (listing.empty().isEmpty()) {
        listed = list(spark, root, limits);
      } else {
        continue;
      }
      files = files == null ? listed : files.union(listed);
    }

    Dataset<Extracted> extracted = files == null ? spark.emptyDataset(extractedEncoder)
        : files.mapPartitions((MapPartitionsFunction<Row, Extracted>) rows -> Stages.extract(rows, settings),
            extractedEncoder);
    if (!listedHere.isEmpty()) {
      extracted = extracted.union(spark.createDataset(listedHere, extractedEncoder));
    }

    Dataset<Extracted> finished = extracted
        .groupByKey((MapFunction<Extracted, String>) Stages::identity, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Extracted, Extracted>) (k, same) -> Stages.firstOfEach(same),
            extractedEncoder)
        .groupByKey((MapFunction<Extracted, String>) Stages::agency, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Extracted, Extracted>) (k, agency) -> Stages.crossChecks(agency),
            extractedEncoder)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      writeParquet(finished, options.out());
      return writeCsv(spark, finished, options, hadoop);
    } finally {
      finished.unpersist();
    }
  }

  /**
   * The folder sources are named from, as on the command line: the deepest folder holding every input (none
   * when the inputs share no folder, on different file systems).
   */
  private static org.apache.hadoop.fs.Path commonParent(List<String> inputs, Configuration hadoop) throws IOException {
    org.apache.hadoop.fs.Path base = null;
    for (String input : inputs) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
      org.apache.hadoop.fs.Path parent = path.getFileSystem(hadoop).makeQualified(path).getParent();
      if (parent == null) {
        return null;
      }
      if (base == null) {
        base = parent;
      } else {
        while (base != null && !within(parent, base)) {
          base = base.getParent();
        }
        if (base == null) {
          return null;
        }
      }
    }
    return base;
  }

  private static boolean within(org.apache.hadoop.fs.Path path, org.apache.hadoop.fs.Path folder) {
    String p = path.toString();
    String f = folder.toString();
    return p.equals(f) || p.startsWith(f.endsWith("/") ? f : f + "/");
  }

  /** An input's name in its sources: its path below {@code base}. */
  private static String rootName(org.apache.hadoop.fs.Path base, org.apache.hadoop.fs.Path input) {
    if (base == null || !within(input, base)) {
      return input.getName();
    }
    String b = base.toString();
    return input.toString().substring(b.endsWith("/") ? b.length() : b.length() + 1);
  }

  /**
   * The files below one input, as the extraction reads them ({@code input}, {@code root}, {@code name},
   * {@code folder}, {@code path}, {@code content}, {@code large}): those within the size limit with their
   * bytes, larger ones without.
   */
  private static Dataset<Row> list(SparkSession spark, Stages.Root root, ZipLimits limits) {
    Dataset<Row> all = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(root.uri());
    Dataset<Row> small = all.filter(col("length").leq(limits.maxEntryBytes())).select(lit(root.input()).as("input"),
        lit(root.uri()).as("root"), lit(root.name()).as("name"), lit(root.folder()).as("folder"), col("path"),
        col("content"), lit(false).as("large"));
    Dataset<Row> large = all.filter(col("length").gt(limits.maxEntryBytes())).select(lit(root.input()).as("input"),
        lit(root.uri()).as("root"), lit(root.name()).as("name"), lit(root.folder()).as("folder"), col("path"),
        lit(null).cast("binary").as("content"), lit(true).as("large"));
    return small.union(large);
  }

  /** Files Spark's listing leaves out, without their bytes: the extraction reads them from their file system. */
  private static Dataset<Row> unlisted(SparkSession spark, Stages.Root root, List<String> paths) {
    List<Row> rows = paths.stream().map(p -> RowFactory.create(root.input(), root.uri(), root.name(), root.folder(), p,
        null, false)).toList();
    return spark.createDataFrame(rows, Stages.FILES);
  }

  private static void writeParquet(Dataset<Extracted> finished, String out) {
    table(finished, Tables::reports, Tables.REPORTS, out, "reports");
    table(finished, Tables::cells, Tables.CELLS, out, "cells");
    table(finished, Tables::anomalies, Tables.ANOMALIES, out, "anomalies");
  }

  private static void table(Dataset<Extracted> finished, FlatMapFunction<Extracted, Row> rows, StructType schema,
      String out, String name) {
    // one file per format and year instead of one per task and partition: far fewer small files to open
    finished.flatMap(rows, Encoders.row(schema)).repartition(col("format"), col("year")).write()
        .mode(SaveMode.Overwrite).partitionBy("format", "year").parquet(out + "/parquet/" + name);
  }

  /**
   * The CSV files, written on the driver by the command line's writers from the reports in file order,
   * streamed from the executors a partition at a time. Into a local folder directly; to another file system
   * through a local folder.
   */
  private static Summary writeCsv(SparkSession spark, Dataset<Extracted> finished, Options options,
      Configuration hadoop) throws IOException {
    Map<String, Set<String>> keysByFormat = new HashMap<>();
    for (String pair : finished.flatMap((FlatMapFunction<Extracted, String>) e -> {
      Report r = Stages.report(e);
      List<String> pairs = new ArrayList<>();
      pairs.add(r.format() + "\u0000");
      WideLayout.keysOf(r).forEach(k -> pairs.add(r.format() + "\u0000" + k));
      return pairs.iterator();
    }, Encoders.STRING()).distinct().collectAsList()) {
      int cut = pair.indexOf('\u0000');
      Set<String> keys = keysByFormat.computeIfAbsent(pair.substring(0, cut), f -> new HashSet<>());
      if (cut + 1 < pair.length()) {
        keys.add(pair.substring(cut + 1));
      }
    }

    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(options.out());
    FileSystem fs = out.getFileSystem(hadoop);
    org.apache.hadoop.fs.Path qualified = fs.makeQualified(out);
    boolean local = "file".equals(qualified.toUri().getScheme());
    Path folder = local ? Path.of(qualified.toUri()) : Files.createTempDirectory("nianbao-spark-out-");

    Iterator<Extracted> ordered = finished.orderBy(col("sourceOrder"), col("reportId")).toLocalIterator();
    Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
    int[] count = {0};
    Iterator<Report> reports = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return ordered.hasNext();
      }

      @Override
      public Report next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Report r = Stages.report(ordered.next());
        byStatus.merge(r.status(), 1, Integer::sum);
        count[0]++;
        return r;
      }
    };
    ReportSetWriter.write(folder, folder.resolve(".nianbao-spark-staging"), keysByFormat, reports, options.xlsx());
    if (!local) {
      try (var written = Files.list(folder)) {
        for (Path p : written.filter(Files::isRegularFile).toList()) {
          fs.copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(p.toUri()),
              new org.apache.hadoop.fs.Path(qualified, p.getFileName().toString()));
        }
      }
      Files.deleteIfExists(folder);
    }
    return new Summary(count[0], byStatus);
  }

  /** The CSV file names the job writes, for callers that check them. */
  public static List<String> csvFiles() {
    return List.of(CsvFiles.REPORTS, CsvFiles.CELLS, CsvFiles.ANOMALIES);
  }
}
