package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.nianbao.model.Messages;
import org.nianbao.model.ReportId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the command-line inputs into a deterministic sequence of {@link Input}s: files as given, folders
 * recursively in name order (hidden names skipped), zip archives in entry order without unpacking them,
 * archives inside archives and the entries of damaged archives through temporary files. Every document is
 * streamed once through SHA-256 (its id, for duplicates and resuming) and never held in memory; every
 * problem becomes a {@link Input.Refused} with its reason, so each input ends as exactly one row.
 */
public final class InputWalker {
  private static final Logger LOG = LoggerFactory.getLogger(InputWalker.class);

  /** How many leading bytes of each document the walker keeps, to name a type when extraction fails. */
  public static final int HEAD_BYTES = 64 * 1024;

  /** Receives what the walk finds, in walk order, on the walking thread. */
  public interface Visitor {
    /** The expected number of inputs changed: an archive turned out to hold {@code delta + 1} inputs. */
    void adjustTotal(int delta);

    void accept(Input input) throws InterruptedException;
  }

  /** Entries that make a zip a document (OOXML, ODF, OFD) rather than an archive of documents. */
  private static final List<String> DOCUMENT_MARKERS =
      List.of("[Content_Types].xml", "mimetype", "OFD.xml", "word/document.xml", "xl/workbook.xml");

  private final ZipLimits limits;
  private final Path spoolDir;
  private int spools;

  /** @param spoolDir where nested archives and the entries of damaged archives are copied while a run lasts */
  public InputWalker(ZipLimits limits, Path spoolDir) {
    this.limits = limits;
    this.spoolDir = spoolDir;
  }

  /** Counts the files a walk will visit, without reading any; an archive counts as one until opened. */
  public static int count(List<Path> inputs) {
    int n = 0;
    for (Path input : inputs) {
      n += Files.isDirectory(input) ? countFolder(input) : 1;
    }
    return n;
  }

  public void walk(List<Path> inputs, Visitor visitor) throws InterruptedException {
    Path base = commonParent(inputs);
    for (Path input : inputs) {
      String root = rootName(base, input);
      Path real;
      try {
        real = input.toRealPath();
      } catch (IOException e) {
        visitor.accept(new Input.Refused(root, Messages.text("error.cannot_read", String.valueOf(e.getMessage()))));
        continue;
      }
      if (Files.isDirectory(real)) {
        walkFolder(input, root, real, visitor);
      } else {
        visitFile(input, root, visitor);
      }
    }
  }

  /**
   * The folder the sources are relative to: the deepest folder holding every input, so that inputs of the
   * same name in different folders ({@code a/reports} and {@code b/reports}) keep the part that tells them
   * apart, and a single input is named by its own name ({@code reports/report.html}).
   */
  static Path commonParent(List<Path> inputs) {
    Path base = null;
    for (Path input : inputs) {
      Path parent = input.toAbsolutePath().normalize().getParent();
      if (parent == null) {
        return null;
      }
      if (base == null) {
        base = parent;
      } else {
        while (base != null && !parent.startsWith(base)) {
          base = base.getParent();
        }
        if (base == null) {
          return null;
        }
      }
    }
    return base;
  }

  /** An input's source: its path below {@code base}, with {@code /} separators. */
  static String rootName(Path base, Path input) {
    Path abs = input.toAbsolutePath().normalize();
    Path rel = base == null ? abs.getFileName() : base.relativize(abs);
    if (rel == null) {
      return "";
    }
    List<String> parts = new java.util.ArrayList<>();
    rel.forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  private static int countFolder(Path dir) {
    int n = 0;
    for (Path child : children(dir).orElse(List.of())) {
      if (Files.isSymbolicLink(child)) {
        n += Files.isDirectory(child) ? 0 : 1;
      } else {
        n += Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) ? countFolder(child) : 1;
      }
    }
    return n;
  }

  /**
   * Symbolic links are followed only to files inside the input folder ({@code root}); links to folders are
   * skipped (they can loop, and what they point to inside the folder is walked anyway).
   */
  private void walkFolder(Path dir, String source, Path root, Visitor visitor) throws InterruptedException {
    Optional<List<Path>> children = children(dir);
    if (children.isEmpty()) {
      visitor.accept(new Input.Refused(source, "cannot list folder"));
      return;
    }
    for (Path child : children.get()) {
      String childSource = join(source, child.getFileName().toString());
      if (Files.isSymbolicLink(child)) {
        Path target;
        try {
          target = child.toRealPath();
        } catch (IOException e) {
          visitor.accept(new Input.Refused(childSource, Messages.text("error.broken_symlink")));
          continue;
        }
        if (Files.isDirectory(target)) {
          LOG.info("{}: a link to a folder, not followed", childSource);
        } else if (!target.startsWith(root)) {
          visitor.accept(new Input.Refused(childSource,
              Messages.text("error.refused.symlink", target.toString())));
        } else {
          visitFile(child, childSource, visitor);
        }
      } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        walkFolder(child, childSource, root, visitor);
      } else {
        visitFile(child, childSource, visitor);
      }
    }
  }

  private static Optional<List<Path>> children(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return Optional.of(list.filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "/" + name;
  }

  /** One file under the source name given: the file itself, or the entries of the archive it is. */
  void visitFile(Path file, String source, Visitor visitor) throws InterruptedException {
    if (!Files.isRegularFile(file)) {
      visitor.accept(new Input.Refused(source, "not a regular file"));
      return;
    }
    try {
      if (startsLikeZip(file)) {
        Optional<ZipFile> zip = open(file);
        if (zip.isPresent()) {
          try (ZipFile archive = zip.get()) {
            if (!isDocument(archive)) {
              walkZip(archive, file, source, 1, new Budget(), visitor);
              return;
            }
          }
        } else if (!damagedIsDocument(file)) {
          walkDamaged(file, source, 1, new Budget(), visitor, openError(file));
          return;
        }
      }
      if (Files.size(file) > limits.maxEntryBytes()) {
        visitor.accept(new Input.Refused(source,
            Messages.text("error.refused.file_too_large", LimitedCopy.mb(limits.maxEntryBytes()))));
        return;
      }
      // taken before the bytes are hashed: a change while hashing changes the stamp too
      String stamp = Location.InFile.stampOf(file);
      Hashed hashed;
      try (InputStream in = Files.newInputStream(file)) {
        hashed = hash(in, null, 0, null);
      }
      visitor.accept(hashed.document(source, new Location.InFile(file, stamp), false));
    } catch (LimitedCopy.Refusal e) {
      visitor.accept(new Input.Refused(source, e.getMessage()));
    } catch (IOException e) {
      visitor.accept(new Input.Refused(source, Messages.text("error.cannot_read", String.valueOf(e.getMessage()))));
    }
  }

  private static boolean startsLikeZip(Path file) throws IOException {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 4) < 4) {
        return false;
      }
    }
    return looksLikeZip(head);
  }

  private static boolean looksLikeZip(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
  }

  private static Optional<ZipFile> open(Path file) {
    try {
      return Optional.of(ZipNames.open(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String openError(Path file) {
    try (ZipFile zip = ZipNames.open(file)) {
      return "no error";
    } catch (IOException e) {
      return e.getMessage() == null ? e.toString() : e.getMessage();
    }
  }

  private static boolean isDocument(ZipFile archive) {
    return DOCUMENT_MARKERS.stream().anyMatch(m -> archive.getEntry(m) != null);
  }

  /** Uncompressed bytes and entries taken so far from one top-level archive and everything inside it. */
  private static final class Budget {
    long bytes;
    int entries;
  }

  private void walkZip(ZipFile archive, Path path, String source, int depth, Budget budget, Visitor visitor)
      throws InterruptedException {
    List<ZipArchiveEntry> entries = Collections.list(archive.getEntries());
    if (budget.entries + entries.size() > limits.maxEntries()) {
      visitor.accept(new Input.Refused(source,
          Messages.text("error.refused.entries", String.valueOf(limits.maxEntries()))));
      return;
    }
    int documents = (int) entries.stream().filter(e -> EntryName.of(e).kind() != EntryName.Kind.SKIPPED).count();
    visitor.adjustTotal(documents - 1);
    for (ZipArchiveEntry entry : entries) {
      budget.entries++;
      EntryName name = EntryName.of(entry);
      String entrySource = source + "!/" + name.clean();
      if (!admit(name, entrySource, budget, visitor)) {
        continue;
      }
      if (!archive.canReadEntryData(entry)) {
        visitor.accept(new Input.Refused(entrySource,
            Messages.text("error.zip_entry_method")));
        continue;
      }
      try (InputStream in = archive.getInputStream(entry)) {
        InputStreamStatistics stats = in instanceof InputStreamStatistics s ? s : null;
        visitEntry(in, () -> stats != null ? stats.getCompressedCount() : entry.getCompressedSize(),
            new Location.InZip(path, entry.getLocalHeaderOffset(), name.clean()), entrySource, depth, budget, visitor);
      } catch (IOException e) {
        visitor.accept(new Input.Refused(entrySource, Messages.text("error.zip_entry", String.valueOf(e.getMessage()))));
      }
    }
  }

  /** Refuses the entries a walk never reads; true for those to read. */
  private boolean admit(EntryName name, String source, Budget budget, Visitor visitor) throws InterruptedException {
    switch (name.kind()) {
      case SKIPPED -> {
        return false;
      }
      case UNSAFE -> {
        visitor.accept(new Input.Refused(source,
            Messages.text("error.refused.unsafe_name", name.raw())));
        return false;
      }
      default -> { }
    }
    if (budget.bytes >= limits.maxTotalBytes()) {
      visitor.accept(new Input.Refused(source,
          Messages.text("error.refused.archive_too_large", LimitedCopy.mb(limits.maxTotalBytes()))));
      return false;
    }
    return true;
  }

  /**
   * Hashes one entry within the limits. An entry that is itself a zip is copied to a temporary file while it
   * is hashed, then walked (or, when it is a zip-based document, read from its archive like any entry).
   *
   * @param location where a worker reads the entry; {@code null} when only a temporary copy can serve
   */
  private void visitEntry(InputStream in, LongSupplier compressed, Location location, String source, int depth,
      Budget budget, Visitor visitor) throws IOException, InterruptedException {
    Path spool = spoolDir.resolve("spool-" + ++spools);
    Files.createDirectories(spoolDir);
    Hashed hashed;
    boolean keepSpool = false;
    try {
      try (SpoolOut out = new SpoolOut(spool, location == null)) {
        hashed = hash(in, compressed, budget.bytes, out);
      } finally {
        budget.bytes += lastCopied;
      }
      if (Files.exists(spool) && looksLikeZip(hashed.head())) {
        Optional<ZipFile> inner = open(spool);
        boolean document = inner.isPresent() ? isDocument(inner.get()) : damagedIsDocument(spool);
        if (!document) {
          keepSpool = true;
          if (depth >= limits.maxDepth()) {
            inner.ifPresent(InputWalker::closeQuietly);
            visitor.accept(new Input.Refused(source,
                Messages.text("error.refused.nested", String.valueOf(limits.maxDepth()))));
          } else if (inner.isPresent()) {
            try (ZipFile archive = inner.get()) {
              walkZip(archive, spool, source, depth + 1, budget, visitor);
            }
          } else {
            walkDamaged(spool, source, depth + 1, budget, visitor, openError(spool));
          }
          return;
        }
        inner.ifPresent(InputWalker::closeQuietly);
      }
      if (location == null) {
        keepSpool = true;
        visitor.accept(hashed.document(source, new Location.InFile(spool), true));
      } else {
        visitor.accept(hashed.document(source, location, false));
      }
    } catch (LimitedCopy.Refusal e) {
      visitor.accept(new Input.Refused(source, e.getMessage()));
    } finally {
      if (!keepSpool) {
        Files.deleteIfExists(spool);
      }
    }
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException e) {
      LOG.debug("closing a zip", e);
    }
  }

  /** A zip whose central directory cannot be read is still a document when its first entries say so. */
  private static boolean damagedIsDocument(Path file) {
    try (ZipArchiveInputStream in = stream(file)) {
      ZipArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (DOCUMENT_MARKERS.contains(ZipNames.of(entry))) {
          return true;
        }
      }
    } catch (IOException e) {
      // the damage: decide by the entries before it
    }
    return false;
  }

  private static ZipArchiveInputStream stream(Path file) throws IOException {
    return new ZipArchiveInputStream(Files.newInputStream(file), "ISO-8859-1", true, true);
  }

  /**
   * Reads a zip that cannot be opened (no or a damaged central directory) entry by entry from its local
   * headers, up to the damage. The entries read are kept; the archive itself gets a failed row saying what
   * is wrong with it and how many entries were read.
   */
  private void walkDamaged(Path file, String source, int depth, Budget budget, Visitor visitor, String reason)
      throws InterruptedException {
    int read = 0;
    String damage = reason;
    try (ZipArchiveInputStream in = stream(file)) {
      ZipArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (++budget.entries > limits.maxEntries()) {
          damage = Messages.text("error.damaged.entries", String.valueOf(limits.maxEntries()));
          break;
        }
        EntryName name = EntryName.of(entry);
        String entrySource = source + "!/" + name.clean();
        if (name.kind() != EntryName.Kind.SKIPPED) {
          visitor.adjustTotal(1);
        }
        if (!admit(name, entrySource, budget, visitor)) {
          continue;
        }
        if (!in.canReadEntryData(entry)) {
          visitor.accept(new Input.Refused(entrySource,
              Messages.text("error.zip_entry_method")));
          continue;
        }
        try {
          visitEntry(new NoClose(in), in::getCompressedCount, null, entrySource, depth, budget, visitor);
        } catch (IOException e) {
          visitor.accept(new Input.Refused(entrySource, Messages.text("error.zip_entry", String.valueOf(e.getMessage()))));
          throw e;
        }
        read++;
      }
    } catch (IOException e) {
      damage = Messages.text("error.damaged.reading", reason, e.getMessage() == null ? e.toString() : e.getMessage());
    }
    visitor.accept(new Input.Refused(source,
        Messages.text("error.damaged_archive", damage, String.valueOf(read))));
  }

  /** What a streamed document gave: its id, size and first bytes. */
  private record Hashed(ReportId id, long size, byte[] head) {
    Input.Document document(String source, Location location, boolean spooled) {
      return new Input.Document(source, location, id, size, head, spooled);
    }
  }

  private long lastCopied;

  private Hashed hash(InputStream in, LongSupplier compressed, long alreadyInflated, OutputStream copy)
      throws IOException, LimitedCopy.Refusal {
    HashSink sink = new HashSink(copy);
    lastCopied = 0;
    try {
      LimitedCopy.copy(in, sink, limits, compressed, alreadyInflated);
    } finally {
      lastCopied = sink.size;
    }
    return new Hashed(ReportId.fromDigest(sink.digest.digest()), sink.size, sink.head());
  }

  /** Feeds SHA-256, keeps the first bytes and passes everything on to an optional copy. */
  private static final class HashSink extends OutputStream {
    final MessageDigest digest;
    final byte[] head = new byte[HEAD_BYTES];
    final OutputStream copy;
    long size;

    HashSink(OutputStream copy) {
      this.copy = copy;
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by every Java platform", e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (size < HEAD_BYTES) {
        System.arraycopy(b, off, head, (int) size, (int) Math.min(len, HEAD_BYTES - size));
      }
      digest.update(b, off, len);
      if (copy != null) {
        copy.write(b, off, len);
      }
      size += len;
    }

    byte[] head() {
      return Arrays.copyOf(head, (int) Math.min(size, HEAD_BYTES));
    }
  }

  /**
   * The temporary copy of an entry: made when {@code always}, or when the entry starts like a zip (an archive
   * in an archive must be on disk to be opened); otherwise nothing is written.
   */
  private static final class SpoolOut extends OutputStream {
    private final Path file;
    private final boolean always;
    private OutputStream out;
    private boolean decided;
    private final byte[] first = new byte[4];
    private int firstLength;

    SpoolOut(Path file, boolean always) {
      this.file = file;
      this.always = always;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (!decided) {
        int take = Math.min(len, 4 - firstLength);
        System.arraycopy(b, off, first, firstLength, take);
        firstLength += take;
        if (firstLength < 4 && !always) {
          return;
        }
        decided = true;
        if (always || looksLikeZip(first)) {
          out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
          out.write(first, 0, firstLength);
        }
        off += take;
        len -= take;
      }
      if (out != null && len > 0) {
        out.write(b, off, len);
      }
    }

    @Override
    public void close() throws IOException {
      if (!decided && always) {
        Files.write(file, Arrays.copyOf(first, firstLength));
      }
      if (out != null) {
        out.close();
      }
    }
  }

  /** Lets an entry's reader close what it opened without closing the whole archive stream. */
  private static final class NoClose extends java.io.FilterInputStream {
    NoClose(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the entry ends at the next getNextEntry(); the archive stream stays open
    }
  }

  /** An entry's name, classified, and the cleaned form used in {@code source}. */
  record EntryName(String raw, String clean, Kind kind) {
    enum Kind {
      DOCUMENT,
      SKIPPED,
      UNSAFE
    }

    static EntryName of(ZipArchiveEntry entry) {
      return of(ZipNames.of(entry), entry.isDirectory());
    }

    static EntryName of(String raw, boolean directory) {
      String slashed = raw.replace('\\', '/');
      boolean unsafe = slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*");
      List<String> kept = new ArrayList<>();
      boolean hidden = false;
      for (String segment : slashed.split("/")) {
        if (segment.equals("..")) {
          unsafe = true;
        } else if (!segment.isEmpty() && !segment.equals(".")) {
          hidden |= segment.startsWith(".") || segment.equals("__MACOSX");
          kept.add(segment.replaceFirst("^[A-Za-z]:", ""));
        }
      }
      String clean = String.join("/", kept);
      Kind kind = unsafe ? Kind.UNSAFE
          : directory || slashed.endsWith("/") || hidden || clean.isEmpty() ? Kind.SKIPPED : Kind.DOCUMENT;
      return new EntryName(raw, clean, kind);
    }
  }
}
