package org.nianbao.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.nianbao.write.OutputSet;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Report;
import org.nianbao.pipeline.batch.FileExtraction;
import org.nianbao.pipeline.batch.ZipLimits;
import org.nianbao.validate.CrossReportChecks;

/**
 * What the job's stages do to their rows, as plain Java: extraction of a partition's files, the choice of
 * the first of several identical inputs, and the cross-report checks of one agency. Each decision is the
 * command line's own code ({@link FileExtraction}, {@link CrossReportChecks}), fed in the command line's
 * order.
 */
final class Stages {
  /** The walk's order: inputs as given, files by name folder by folder, an archive's entries as stored. */
  static final Comparator<Extracted> WALK_ORDER = Comparator.comparingInt(Extracted::getInput)
      .thenComparing(Extracted::getPath).thenComparingInt(Extracted::getEntry);

  /** The files' order: by source, then report id ({@code CsvRows.REPORT_ORDER}). */
  static final Comparator<Extracted> FILE_ORDER =
      Comparator.comparing(Extracted::getSource).thenComparing(Extracted::getReportId);

  /** The rows {@link #extract} reads: where a file is, and its bytes unless it is too large or unlisted. */
  static final StructType FILES = DataTypes.createStructType(new StructField[] {
      DataTypes.createStructField("input", DataTypes.IntegerType, false),
      DataTypes.createStructField("root", DataTypes.StringType, false),
      DataTypes.createStructField("name", DataTypes.StringType, false),
      DataTypes.createStructField("folder", DataTypes.BooleanType, false),
      DataTypes.createStructField("path", DataTypes.StringType, false),
      DataTypes.createStructField("content", DataTypes.BinaryType, true),
      DataTypes.createStructField("large", DataTypes.BooleanType, false)
  });

  private Stages() {}

  /** Where the job found a file: its input argument, and the root its sources are named from. */
  record Root(int input, String uri, String name, boolean folder) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The file's source as the command line names it: the input folder's name, then the path below it. */
    String source(String path) {
      return folder ? join(name, relative(path)) : name;
    }

    String relative(String path) {
      String prefix = uri.endsWith("/") ? uri : uri + "/";
      return folder && path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    private static String join(String parent, String child) {
      return parent.isEmpty() ? child : parent + "/" + child;
    }
  }

  /** Settings the executors need, in a form that travels with the tasks. */
  record Settings(String limits, long timeoutMillis, String mappings) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Extracts the files of one partition ({@link #FILES}) with the executor's pipeline.
   */
  static Iterator<Extracted> extract(Iterator<Row> files, Settings settings) throws IOException, InterruptedException {
    ZipLimits limits = ZipLimits.decode(settings.limits());
    Path work = Files.createTempDirectory("nianbao-spark-");
    List<Extracted> out = new ArrayList<>();
    try (FileExtraction extraction = new FileExtraction(Pipelines.get(settings.mappings()), limits,
        Duration.ofMillis(settings.timeoutMillis()), work.resolve("spool"))) {
      while (files.hasNext()) {
        Row row = files.next();
        Root root = new Root(row.getInt(0), row.getString(1), row.getString(2), row.getBoolean(3));
        String path = row.getString(4);
        String source = root.source(path);
        String walkPath = walkPath(root, path);
        if (row.getBoolean(6)) {
          out.add(extracted(root.input(), walkPath, 0, FileExtraction.tooLarge(source, limits)));
          continue;
        }
        Path file = work.resolve("document");
        if (row.isNullAt(5)) {
          fetch(path, file);
        } else {
          Files.write(file, (byte[]) row.get(5));
        }
        List<Report> reports = extraction.extract(file, source);
        Files.delete(file);
        for (int i = 0; i < reports.size(); i++) {
          out.add(extracted(root.input(), walkPath, i, reports.get(i)));
        }
      }
    } finally {
      OutputSet.deleteTree(work);
    }
    return out.iterator();
  }

  /** A file's path below its input, folders separated by U+0000, so that it sorts as the walk goes. */
  static String walkPath(Root root, String path) {
    return root.folder() ? root.relative(path).replace('/', '\u0000') : "";
  }

  /** Copies a file Spark did not read from its file system (with the executor's Hadoop configuration). */
  private static void fetch(String path, Path to) throws IOException {
    org.apache.hadoop.fs.Path from = new org.apache.hadoop.fs.Path(path);
    FileSystem fs = from.getFileSystem(new Configuration());
    try (InputStream in = fs.open(from)) {
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static Extracted extracted(int input, String path, int entry, Report r) {
    Extracted e = new Extracted();
    e.setInput(input);
    e.setPath(path);
    e.setEntry(entry);
    e.setSource(r.source());
    e.setSourceOrder(r.source().getBytes(StandardCharsets.UTF_16BE));
    e.setReportId(r.id().hex());
    e.setUnread(FileExtraction.unread(r));
    e.setAgencyGroup(CrossReportChecks.normalizeAgency(r.agency()));
    e.setYear(r.year());
    e.setReport(FileExtraction.encode(r));
    return e;
  }

  static Report report(Extracted e) {
    try {
      return FileExtraction.decode(e.getReport());
    } catch (IOException ex) {
      throw new UncheckedIOException("a report encoded by this job decodes", ex);
    }
  }

  /** The grouping key of inputs that are one: identical bytes, or (never read) the same source. */
  static String identity(Extracted e) {
    return e.isUnread() ? "unread:" + e.getSource() : "bytes:" + e.getReportId();
  }

  /**
   * The grouping key of the cross-report checks: the agency group; reports without an agency are checked
   * with nothing and are spread by their identity instead of meeting in one large group.
   */
  static String agency(Extracted e) {
    return e.getAgencyGroup().isEmpty() ? "none:" + identity(e) + "\u0000" + e.getSource() : "agency:" + e.getAgencyGroup();
  }

  /**
   * Of inputs with the same bytes, the first in walk order keeps its report; a later one under another
   * source becomes its duplicate row, one under the same source (the same file named twice) is dropped.
   */
  static Iterator<Extracted> firstOfEach(Iterator<Extracted> same) {
    List<Extracted> all = new ArrayList<>();
    same.forEachRemaining(all::add);
    all.sort(WALK_ORDER);
    Extracted first = all.get(0);
    List<Extracted> out = new ArrayList<>();
    out.add(first);
    Set<String> sources = new HashSet<>();
    sources.add(first.getSource());
    Report firstReport = null;
    for (Extracted e : all.subList(1, all.size())) {
      if (!sources.add(e.getSource()) || e.isUnread()) {
        continue;
      }
      firstReport = firstReport == null ? report(first) : firstReport;
      out.add(extracted(e.getInput(), e.getPath(), e.getEntry(), FileExtraction.duplicateOf(firstReport, e.getSource())));
    }
    return out.iterator();
  }

  /** The cross-report checks of one agency's reports (all its years), in the files' order. */
  static Iterator<Extracted> crossChecks(Iterator<Extracted> agency) {
    List<Extracted> all = new ArrayList<>();
    agency.forEachRemaining(all::add);
    all.sort(FILE_ORDER);
    List<Report> reports = new ArrayList<>(all.size());
    List<CrossReportChecks.Summary> summaries = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      Report r = report(all.get(i));
      reports.add(r);
      summaries.add(CrossReportChecks.summarize(Integer.toString(i), r));
    }
    Map<String, List<Anomaly>> findings = CrossReportChecks.check(summaries);
    List<Extracted> out = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      List<Anomaly> found = findings.get(Integer.toString(i));
      Extracted e = all.get(i);
      out.add(found == null ? e
          : extracted(e.getInput(), e.getPath(), e.getEntry(), FileExtraction.withFindings(reports.get(i), found)));
    }
    return out.iterator();
  }
}
