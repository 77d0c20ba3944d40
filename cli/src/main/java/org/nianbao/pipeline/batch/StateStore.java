package org.nianbao.pipeline.batch;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Status;
import org.nianbao.validate.CrossReportChecks;
import org.nianbao.write.CsvFiles;
import org.nianbao.write.CsvRows;
import org.nianbao.write.OutputSet;
import org.nianbao.write.WideLayout;

/**
 * The run state in {@code OUT/.nianbao-state/}: one small file per finished input (its report and its
 * cells.csv and anomalies.csv rows, already rendered by the worker), written to a temporary file and
 * renamed, so a run killed at any moment leaves only whole entries. A rerun with resume skips the inputs
 * found here; the CSV files are always assembled from these entries. {@code tmp/} holds the run's
 * temporary files (copies of nested archives, the output set being written) and is emptied at every start.
 */
final class StateStore {
  static final String FOLDER = ".nianbao-state";
  private static final String DONE = ".rep";
  /** A failure that was not the document's fault (a crash, a timeout): finished, unless retried. */
  private static final String RETRY = ".retry";
  /** What the stored entries were made with (see {@link Made}). */
  private static final String MADE = "made-with.txt";
  private static final byte KIND_REPORT = 1;
  private static final byte KIND_DUPLICATE = 2;

  /** What is stored for one input. */
  sealed interface Entry {}

  /** A report with its rendered cells.csv and anomalies.csv rows. */
  record Stored(Report report, byte[] cellRows, byte[] anomalyRows) implements Entry {}

  /** An input with the same bytes as {@code firstSource}, resolved against it when the files are written. */
  record Duplicate(ReportId id, String source, String firstSource) implements Entry {}

  /**
   * The front of a report entry: what the batch needs while the run goes on (progress, the cross-report
   * checks, the wide layouts), readable without decoding the report's cells.
   *
   * @param summary the report's summary for the cross-report checks, its {@code ref} still to be set
   */
  record Head(Status status, CrossReportChecks.Summary summary, Set<String> keys) {
    CrossReportChecks.Summary summary(String key) {
      return new CrossReportChecks.Summary(key, summary.reportId(), summary.source(), summary.agency(),
          summary.year(), summary.format(), summary.values());
    }
  }

  /**
   * What the stored entries were made with: the settings that shape every report (the language of its
   * messages, the mapping files), and the reports a reviewer's corrections were applied to. A resumed run
   * whose settings differ makes every entry again; one whose corrections no longer name a report makes that
   * report again, so that a withdrawn correction does not stay in the output.
   */
  record Made(String settings, Set<String> corrected) {
    Made {
      corrected = Set.copyOf(corrected);
    }
  }

  private final Path root;
  private final Path done;
  /** The entries an earlier run left (resumed runs only), read once before the lanes start. */
  private final Set<String> earlier = new HashSet<>();

  private StateStore(Path root) {
    this.root = root;
    this.done = root.resolve("done");
  }

  static Path folder(Path out) {
    return out.resolve(FOLDER);
  }

  /**
   * Opens the state under {@code out} (whose lock the caller holds); without resume, whatever an earlier run
   * left is cleared first. Temporary files of earlier runs are removed in any case.
   */
  static StateStore open(Path out, boolean resume) throws IOException {
    StateStore store = new StateStore(folder(out));
    Files.createDirectories(store.root);
    try (Stream<Path> children = Files.list(store.root)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        boolean keep = name.equals(RunLock.FILE) || name.equals("tmp")
            || resume && (name.equals("done") || name.equals(MADE));
        if (!keep) {
          OutputSet.deleteTree(child);
        }
      }
    }
    Files.createDirectories(store.done);
    try (Stream<Path> files = Files.list(store.done)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (isEntry(name)) {
          store.earlier.add(name);
        } else {
          Files.deleteIfExists(file);
        }
      }
    }
    return store;
  }

  /** The folder for this run's temporary files. */
  Path temp() {
    return root.resolve("tmp");
  }

  /** Empties the temporary folder, which only this run (holding the lock) uses. */
  void clearTemp() throws IOException {
    OutputSet.deleteTree(temp());
    Files.createDirectories(temp());
  }

  private static boolean isEntry(String name) {
    return name.endsWith(DONE) || name.endsWith(RETRY);
  }

  /**
   * The keys of every input finished by earlier runs.
   *
   * @param retryFailed leave out inputs that failed through no fault of their own (crash, timeout)
   */
  Set<String> finishedKeys(boolean retryFailed) throws IOException {
    Set<String> keys = new HashSet<>();
    try (Stream<Path> files = Files.list(done)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(DONE) || (!retryFailed && n.endsWith(RETRY)))
          .forEach(n -> keys.add(n.substring(0, n.lastIndexOf('.'))));
    }
    return keys;
  }

  /** Identifies an input by its bytes and its source: the same file under two names is two inputs. */
  static String key(ReportId id, String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return id.hex() + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The stored form of a report: written by workers, kept as they sent it. */
  static byte[] reportEntry(Report report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 + 256 * report.cells().size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(KIND_REPORT);
      writeBytes(out, head(report));
      ReportCodec.write(out, report);
      writeBytes(out, CsvFiles.render(CsvRows.cellRows(report)));
      writeBytes(out, CsvFiles.render(CsvRows.anomalyRows(report)));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static byte[] head(Report report) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      CrossReportChecks.Summary s = CrossReportChecks.summarize("", report);
      ReportCodec.writeString(out, report.status().code());
      ReportCodec.writeString(out, s.reportId());
      ReportCodec.writeString(out, s.source());
      ReportCodec.writeString(out, s.agency());
      out.writeInt(s.year() == null ? Integer.MIN_VALUE : s.year());
      ReportCodec.writeString(out, s.format());
      out.writeInt(s.values().size());
      for (Map.Entry<String, CrossReportChecks.Value> v : new TreeMap<>(s.values()).entrySet()) {
        ReportCodec.writeString(out, v.getKey());
        ReportCodec.writeString(out, v.getValue().number().toString());
        out.writeInt(v.getValue().page());
      }
      Set<String> cumulative = WideLayout.keysOf(report);
      out.writeInt(cumulative.size());
      for (String k : cumulative) {
        ReportCodec.writeString(out, k);
      }
    }
    return bytes.toByteArray();
  }

  /** Reads only the front of an entry; a duplicate has none (empty). */
  static Optional<Head> head(byte[] entry, String key) throws IOException {
    try (DataInputStream in = new DataInputStream(new ArrayInput(entry))) {
      byte kind = in.readByte();
      if (kind == KIND_DUPLICATE) {
        return Optional.empty();
      }
      if (kind != KIND_REPORT) {
        throw new IOException("damaged state entry " + key + ": kind " + kind);
      }
      in.readInt();
      Status status = Status.fromCode(ReportCodec.readString(in));
      String reportId = ReportCodec.readString(in);
      String source = ReportCodec.readString(in);
      String agency = ReportCodec.readString(in);
      int year = in.readInt();
      String format = ReportCodec.readString(in);
      int n = in.readInt();
      Map<String, CrossReportChecks.Value> values = new HashMap<>();
      for (int i = 0; i < n; i++) {
        values.put(ReportCodec.readString(in), new CrossReportChecks.Value(new BigDecimal(ReportCodec.readString(in)),
            in.readInt()));
      }
      int c = in.readInt();
      Set<String> cumulative = new HashSet<>();
      for (int i = 0; i < c; i++) {
        cumulative.add(ReportCodec.readString(in));
      }
      return Optional.of(new Head(status, new CrossReportChecks.Summary("", reportId, source, agency,
          year == Integer.MIN_VALUE ? null : year, format, values), cumulative));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("damaged state entry " + key + ": " + e.getMessage(), e);
    }
  }

  static byte[] duplicateEntry(Duplicate duplicate) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(KIND_DUPLICATE);
      ReportCodec.writeString(out, duplicate.id().hex());
      ReportCodec.writeString(out, duplicate.source());
      ReportCodec.writeString(out, duplicate.firstSource());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Decodes an entry's bytes; damaged bytes give an {@link IOException}. */
  static Entry decode(byte[] entry, String key) throws IOException {
    try (DataInputStream in = new DataInputStream(new ArrayInput(entry))) {
      byte kind = in.readByte();
      if (kind == KIND_REPORT) {
        in.skipNBytes(in.readInt());
      }
      return switch (kind) {
        case KIND_REPORT -> new Stored(ReportCodec.read(in), readBytes(in), readBytes(in));
        case KIND_DUPLICATE -> new Duplicate(
            new ReportId(ReportCodec.readString(in)), ReportCodec.readString(in), ReportCodec.readString(in));
        default -> throw new IOException("damaged state entry " + key + ": kind " + kind);
      };
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("damaged state entry " + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stores an entry under its key.
   *
   * @param retryable a failure that was not the document's fault, retried by {@code --retry-failed}
   */
  void put(String key, byte[] entry, boolean retryable) throws IOException {
    // one temporary file per key: an input is stored once per run, and open() removes what a killed run left;
    // written with one call, as creating and writing files costs a run of thousands some seconds
    Path tmp = done.resolve("." + key + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(entry);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
      }
      Files.move(tmp, done.resolve(key + (retryable ? RETRY : DONE)), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      moved = true;
      // an earlier run's entry of the other kind (a failure now retried, or the reverse) must not stay beside it
      String other = key + (retryable ? DONE : RETRY);
      if (earlier.contains(other)) {
        Files.deleteIfExists(done.resolve(other));
      }
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** What the stored entries were made with; empty settings when no earlier run recorded them. */
  Made made() throws IOException {
    Path file = root.resolve(MADE);
    if (!Files.exists(file)) {
      return new Made("", Set.of());
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String settings = lines.isEmpty() ? "" : lines.get(0);
    return new Made(settings, Set.copyOf(lines.subList(Math.min(1, lines.size()), lines.size())));
  }

  /** Records what the entries are made with (replaced whole, so a killed run leaves the old record or this). */
  void made(Made made) throws IOException {
    Path tmp = Files.createTempFile(root, "." + MADE, ".tmp");
    try {
      List<String> lines = new ArrayList<>();
      lines.add(made.settings());
      lines.addAll(new java.util.TreeSet<>(made.corrected()));
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, root.resolve(MADE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  void putReport(String key, Report report) throws IOException {
    put(key, reportEntry(report), false);
  }

  void putDuplicate(String key, Duplicate duplicate) throws IOException {
    put(key, duplicateEntry(duplicate), false);
  }

  Entry load(String key) throws IOException {
    return decode(bytes(key), key);
  }

  byte[] bytes(String key) throws IOException {
    Path file = done.resolve(key + DONE);
    if (!Files.exists(file)) {
      file = done.resolve(key + RETRY);
    }
    return Files.readAllBytes(file);
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 256 << 20) {
      throw new IOException("damaged state entry: length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  /** A byte array read without the locking of {@link ByteArrayInputStream}, which entries pay per byte. */
  private static final class ArrayInput extends java.io.InputStream {
    private final byte[] bytes;
    private int pos;

    ArrayInput(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= bytes.length) {
        return len == 0 ? 0 : -1;
      }
      int n = Math.min(len, bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public long skip(long n) {
      long k = Math.max(0, Math.min(n, bytes.length - pos));
      pos += (int) k;
      return k;
    }
  }

}
