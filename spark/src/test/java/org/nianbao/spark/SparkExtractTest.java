package org.nianbao.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.cli.Main;
import org.nianbao.write.CsvRows;

/**
 * The Spark job in {@code local[2]} against the command line on the same inputs: the project's corpus
 * (generated and real documents), a folder of archives (one inside another), copies of corpus documents,
 * an empty file and two years of one agency. Every CSV file must hold the same rows; the Parquet tables must read back
 * with the CSV's columns, numbers as numbers.
 */
class SparkExtractTest {
  private static SparkSession spark;

  /** Kept after the run, to compare by hand when a test fails. */
  private static final Path TMP = Path.of("target", "spark-test");

  private static Path cliOut;
  private static Path sparkOut;
  private static SparkExtract.Summary summary;

  @BeforeAll
  static void runBoth() throws IOException {
    deleteTree(TMP);
    Path tmp = TMP;
    Path extra = archives(tmp.resolve("extra"));
    List<String> inputs = List.of("corpus/documents", "corpus/real", extra.toString());
    cliOut = tmp.resolve("cli");
    sparkOut = tmp.resolve("spark");
    List<String> args = new ArrayList<>(List.of("extract", "--quiet", "--jobs", "2", "--out", cliOut.toString()));
    args.addAll(inputs);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertTrue(status <= 1, "the command line ran: " + err.toString(StandardCharsets.UTF_8));

    spark = SparkSession.builder().master("local[2]").appName("nianbao-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    List<String> job = new ArrayList<>(inputs);
    job.addAll(List.of("--out", sparkOut.toString()));
    summary = SparkExtract.run(spark, SparkExtract.Options.parse(job.toArray(String[]::new)));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /**
   * Two archives of corpus documents (one inside the other), two copies of one document, an empty file, a
   * hidden file, a name Spark's own listing skips, and two years of one agency.
   */
  private static Path archives(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Path docs = Path.of("corpus/documents");
    byte[] inner = zip(Map.of("inner/pdf-2021-split.pdf", Files.readAllBytes(docs.resolve("pdf-2021-split.pdf"))));
    Files.write(dir.resolve("batch.zip"), zip(Map.of(
        "a/html-2021-plain-clean.html", Files.readAllBytes(docs.resolve("html-2021-plain-clean.html")),
        "b/txt-2019-bom.txt", Files.readAllBytes(docs.resolve("txt-2019-bom.txt")),
        "nested.zip", inner,
        "../evil.txt", "x".getBytes(StandardCharsets.UTF_8))));
    Files.copy(docs.resolve("docx-2021-quirks.docx"), dir.resolve("copy-of-quirks.docx"));
    Files.copy(docs.resolve("docx-2021-quirks.docx"), dir.resolve("sub/another-copy.docx"));
    Files.write(dir.resolve("empty.txt"), new byte[0]);
    // the seed (2021, also in corpus/real) and a 2022 copy carrying in what 2021 did not carry out
    String seed = Files.readString(Path.of("corpus/real/seeds/000_cba99305fd9fd5d3.txt"), StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("years"));
    // one more line end: not the same bytes as the seed, so not its duplicate (a duplicate has no numbers to compare)
    Files.writeString(dir.resolve("years/lanlongkou-2021.txt"), seed + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("years/lanlongkou-2022.txt"), nextYear(seed), StandardCharsets.UTF_8);
    Files.write(dir.resolve("sub/.hidden.txt"), "hidden".getBytes(StandardCharsets.UTF_8));
    Files.copy(docs.resolve("txt-2021-gbk-mixed.txt"), dir.resolve("sub/_underscored.txt"));
    return dir;
  }

  /** The seed as the 2022 report, with 自然人 of 二、上年结转 printed as 5. */
  private static String nextYear(String seed) {
    String row = "\t二、上年结转政府信息公开申请数量\n";
    String text = seed.replace("拦隆口镇人民政府2021年度", "拦隆口镇人民政府2022年度");
    int at = text.indexOf(row);
    assertTrue(at > 0, "the seed has its carried-over row");
    int cell = text.indexOf('\t', at + row.length());
    return text.substring(0, cell) + "\t5" + text.substring(text.indexOf('\n', cell));
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void everyCsvFileHoldsTheCommandLinesRows() throws IOException {
    List<String> names = csvNames(cliOut);
    assertTrue(names.containsAll(SparkExtract.csvFiles()), "the command line wrote " + names);
    assertEquals(names, csvNames(sparkOut), "the same files");
    for (String name : names) {
      List<String> expected = sortedLines(cliOut.resolve(name));
      List<String> actual = sortedLines(sparkOut.resolve(name));
      assertEquals(expected.size(), actual.size(), name + ": rows");
      assertEquals(expected, actual, name);
    }
  }

  @Test
  void theInputsCoverWhatTheComparisonIsAbout() throws IOException {
    String reports = Files.readString(sparkOut.resolve("reports.csv"), StandardCharsets.UTF_8);
    String anomalies = Files.readString(sparkOut.resolve("anomalies.csv"), StandardCharsets.UTF_8);
    assertTrue(reports.contains("batch.zip!/nested.zip!/inner/pdf-2021-split.pdf"), "an archive in an archive");
    assertTrue(anomalies.contains("duplicate_report"), "identical inputs");
    assertTrue(anomalies.contains("carry_over_continuity"), "the cross-report checks across years");
    assertTrue(reports.contains("已拒绝：条目名"), "the walker's limits");
    assertTrue(reports.contains("empty.txt"), "an empty file");
    assertTrue(reports.contains("sub/_underscored.txt"), "a name Spark's listing skips");
    assertTrue(summary.inputs() > 50, "inputs: " + summary.inputs());
  }

  @Test
  void anInputThatDoesNotExistIsAUsageErrorAsOnTheCommandLine() {
    SparkExtract.Options options = SparkExtract.Options.parse("corpus/no-such-folder", "--out",
        TMP.resolve("none").toString());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SparkExtract.run(spark, options));
    assertEquals("No such file or folder: corpus/no-such-folder", e.getMessage());
  }

  @Test
  void parquetTablesHaveTheCsvColumnsWithNumbersAsNumbers() throws IOException {
    check("reports", CsvRows.REPORTS_HEADER, Map.of("year", DataTypes.IntegerType, "cells", DataTypes.IntegerType,
        "errors", DataTypes.IntegerType, "warnings", DataTypes.IntegerType));
    check("cells", CsvRows.CELLS_HEADER, Map.of("year", DataTypes.IntegerType, "page", DataTypes.IntegerType,
        "value", Tables.NUMBER));
    check("anomalies", CsvRows.ANOMALIES_HEADER, Map.of("year", DataTypes.IntegerType, "page", DataTypes.IntegerType,
        "expected", Tables.NUMBER, "actual", Tables.NUMBER));
    Dataset<Row> cells = spark.read().parquet(sparkOut.resolve("parquet/cells").toString());
    assertTrue(cells.filter("value is not null and value > 0").count() > 100, "numbers were written");
    assertTrue(Files.isDirectory(sparkOut.resolve("parquet/reports/format=2021")), "partitioned by format");
  }

  private static void check(String table, String[] header, Map<String, DataType> types) throws IOException {
    Dataset<Row> rows = spark.read().parquet(sparkOut.resolve("parquet/" + table).toString());
    StructType schema = rows.schema();
    List<String> columns = Arrays.asList(schema.fieldNames());
    assertTrue(columns.containsAll(Arrays.asList(header)), table + ": " + columns);
    types.forEach((column, type) -> {
      DataType actual = schema.apply(column).dataType();
      boolean same = type instanceof DecimalType ? actual instanceof DecimalType : actual.equals(type);
      assertTrue(same, table + "." + column + " is " + actual);
    });
    long csvRows = sortedLines(sparkOut.resolve(table + ".csv")).size() - 1;
    assertEquals(csvRows, rows.count(), table + ": Parquet rows against CSV rows");
    assertFalse(rows.isEmpty(), table);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static List<String> csvNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
    }
  }

  /** A file's records (quoted line breaks kept inside their record), sorted. */
  private static List<String> sortedLines(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> records = new ArrayList<>();
    StringBuilder record = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted && c == '\n') {
        records.add(record.toString());
        record.setLength(0);
      } else {
        record.append(c);
      }
    }
    if (record.length() > 0) {
      records.add(record.toString());
    }
    return records.stream().sorted().toList();
  }
}
