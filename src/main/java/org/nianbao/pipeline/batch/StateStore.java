package org.nianbao.pipeline.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;

/**
 * The run state in {@code OUT/.nianbao-state/}: one small file per finished input, written to a temporary
 * file and renamed, so a run killed at any moment leaves only whole entries. A rerun with resume skips
 * the inputs found here; the CSV files are always assembled from these entries.
 */
final class StateStore {
  static final String FOLDER = ".nianbao-state";
  private static final String SUFFIX = ".rep";
  private static final byte KIND_REPORT = 1;
  private static final byte KIND_DUPLICATE = 2;

  /** What is stored for one input. */
  sealed interface Entry {}

  record Stored(Report report) implements Entry {}

  /** An input with the same bytes as {@code firstSource}, resolved against it when the files are written. */
  record Duplicate(ReportId id, String source, String firstSource) implements Entry {}

  private final Path root;
  private final Path done;

  private StateStore(Path root) {
    this.root = root;
    this.done = root.resolve("done");
  }

  /** Opens the state under {@code out}; without resume, whatever an earlier run left is cleared first. */
  static StateStore open(Path out, boolean resume) throws IOException {
    StateStore store = new StateStore(out.resolve(FOLDER));
    if (!resume) {
      deleteTree(store.root);
    }
    Files.createDirectories(store.done);
    try (Stream<Path> files = Files.list(store.done)) {
      for (Path leftover : files.filter(p -> !p.getFileName().toString().endsWith(SUFFIX)).toList()) {
        Files.deleteIfExists(leftover);
      }
    }
    return store;
  }

  /** The keys of every input finished by earlier runs. */
  Set<String> finishedKeys() throws IOException {
    Set<String> keys = new HashSet<>();
    try (Stream<Path> files = Files.list(done)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX))
          .forEach(n -> keys.add(n.substring(0, n.length() - SUFFIX.length())));
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

  void putReport(String key, Report report) throws IOException {
    write(key, out -> {
      out.writeByte(KIND_REPORT);
      ReportCodec.write(out, report);
    });
  }

  void putDuplicate(String key, Duplicate duplicate) throws IOException {
    write(key, out -> {
      out.writeByte(KIND_DUPLICATE);
      ReportCodec.writeString(out, duplicate.id().hex());
      ReportCodec.writeString(out, duplicate.source());
      ReportCodec.writeString(out, duplicate.firstSource());
    });
  }

  Entry load(String key) throws IOException {
    try (InputStream file = Files.newInputStream(done.resolve(key + SUFFIX));
        DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
      byte kind = in.readByte();
      return switch (kind) {
        case KIND_REPORT -> new Stored(ReportCodec.read(in));
        case KIND_DUPLICATE -> new Duplicate(
            new ReportId(ReportCodec.readString(in)), ReportCodec.readString(in), ReportCodec.readString(in));
        default -> throw new IOException("damaged state entry " + key + ": kind " + kind);
      };
    }
  }

  private interface Body {
    void writeTo(DataOutputStream out) throws IOException;
  }

  private void write(String key, Body body) throws IOException {
    Path tmp = Files.createTempFile(done, "." + key, ".tmp");
    try {
      try (OutputStream file = Files.newOutputStream(tmp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
        body.writeTo(out);
      }
      Files.move(tmp, done.resolve(key + SUFFIX), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
