package org.nianbao.pipeline.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Turns the command-line inputs into a deterministic sequence of {@link Input}s: files as given, folders
 * recursively in name order (hidden names skipped), zip archives in entry order without unpacking them to
 * disk, archives inside archives read from memory. Every problem becomes a {@link Input.Refused} with its
 * reason, so each input ends as exactly one row.
 */
final class InputWalker {
  /** Receives what the walk finds, in walk order, on the walking thread. */
  interface Visitor {
    /** The expected number of inputs changed: an archive turned out to hold {@code delta + 1} inputs. */
    void adjustTotal(int delta);

    void accept(Input input) throws InterruptedException;
  }

  /**
   * Names without the UTF-8 flag are decoded as GB18030 (a superset of GBK), what Chinese Windows tools
   * write. ISO-8859-1 is the last resort: it decodes any byte, so an archive whose names are neither is
   * still read, with garbled names.
   */
  private static final List<Charset> NAME_CHARSETS = List.of(Charset.forName("GB18030"), StandardCharsets.ISO_8859_1);

  /** Entries that make a zip a document (OOXML, ODF, OFD) rather than an archive of documents. */
  private static final List<String> DOCUMENT_MARKERS =
      List.of("[Content_Types].xml", "mimetype", "OFD.xml", "word/document.xml", "xl/workbook.xml");

  private final ZipLimits limits;

  InputWalker(ZipLimits limits) {
    this.limits = limits;
  }

  /** Counts the files a walk will visit, without reading any; an archive counts as one until opened. */
  static int count(List<Path> inputs) {
    int n = 0;
    for (Path input : inputs) {
      n += Files.isDirectory(input) ? countFolder(input) : 1;
    }
    return n;
  }

  void walk(List<Path> inputs, Visitor visitor) throws InterruptedException {
    for (Path input : inputs) {
      Path name = input.toAbsolutePath().normalize().getFileName();
      String root = name == null ? "" : name.toString();
      if (Files.isDirectory(input)) {
        walkFolder(input, root, visitor);
      } else {
        visitFile(input, root, visitor);
      }
    }
  }

  private static int countFolder(Path dir) {
    int n = 0;
    for (Path child : children(dir).orElse(List.of())) {
      n += Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) ? countFolder(child) : 1;
    }
    return n;
  }

  private void walkFolder(Path dir, String source, Visitor visitor) throws InterruptedException {
    Optional<List<Path>> children = children(dir);
    if (children.isEmpty()) {
      visitor.accept(new Input.Refused(source, "cannot list folder"));
      return;
    }
    for (Path child : children.get()) {
      String childSource = join(source, child.getFileName().toString());
      // Symbolic links to folders are not followed: they can loop and can leave the input root.
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        walkFolder(child, childSource, visitor);
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

  private void visitFile(Path file, String source, Visitor visitor) throws InterruptedException {
    if (!Files.isRegularFile(file)) {
      visitor.accept(new Input.Refused(source, "not a regular file"));
      return;
    }
    try {
      if (startsLikeZip(file)) {
        Optional<ZipFile> zip = openZip(file);
        if (zip.isPresent()) {
          try (ZipFile archive = zip.get()) {
            if (!isDocument(name -> archive.getEntry(name) != null)) {
              walkZipFile(archive, source, visitor);
              return;
            }
          }
        }
      }
      long size = Files.size(file);
      if (size > limits.maxEntryBytes()) {
        visitor.accept(new Input.Refused(source, "refused: file larger than " + mb(limits.maxEntryBytes())));
        return;
      }
      visitor.accept(new Input.Document(source, Files.readAllBytes(file)));
    } catch (IOException e) {
      visitor.accept(new Input.Refused(source, "cannot read file: " + e.getMessage()));
    }
  }

  private static boolean startsLikeZip(Path file) throws IOException {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 4) < 4) {
        return false;
      }
    }
    return head[0] == 'P' && head[1] == 'K' && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
  }

  /** Opens a zip with the first name charset that decodes every name; empty when it is no zip at all. */
  private static Optional<ZipFile> openZip(Path file) {
    for (Charset names : NAME_CHARSETS) {
      try {
        return Optional.of(new ZipFile(file.toFile(), ZipFile.OPEN_READ, names));
      } catch (IOException e) {
        // a name not valid in this charset, or a damaged zip: the next charset tells which
      }
    }
    return Optional.empty();
  }

  private static boolean isDocument(Predicate<String> hasEntry) {
    return DOCUMENT_MARKERS.stream().anyMatch(hasEntry);
  }

  /** Uncompressed bytes and entries taken so far from one top-level archive and everything inside it. */
  private static final class Budget {
    long bytes;
    int entries;
  }

  private void walkZipFile(ZipFile archive, String source, Visitor visitor) throws InterruptedException {
    if (archive.size() > limits.maxEntries()) {
      visitor.accept(new Input.Refused(source, "refused: archive has more than " + limits.maxEntries() + " entries"));
      return;
    }
    int documents = (int) archive.stream().filter(e -> EntryName.of(e).kind() != EntryName.Kind.SKIPPED).count();
    visitor.adjustTotal(documents - 1);
    Budget budget = new Budget();
    Enumeration<? extends ZipEntry> entries = archive.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      budget.entries++;
      visitEntry(source, EntryName.of(entry), 1, budget, visitor,
          () -> archive.getInputStream(entry), entry::getCompressedSize);
    }
  }

  private interface EntryOpener {
    InputStream open() throws IOException;
  }

  private void visitEntry(String archiveSource, EntryName name, int depth, Budget budget, Visitor visitor,
      EntryOpener opener, LongSupplier compressedBytes) throws InterruptedException {
    String source = archiveSource + "!/" + name.clean();
    switch (name.kind()) {
      case SKIPPED -> {
        return;
      }
      case UNSAFE -> {
        visitor.accept(new Input.Refused(source,
            "refused: unsafe entry name \"" + name.raw() + "\" points outside the archive"));
        return;
      }
      case DOCUMENT -> {
        // read below
      }
    }
    if (budget.bytes >= limits.maxTotalBytes()) {
      visitor.accept(new Input.Refused(source, "refused: possible zip bomb: archive holds more than "
          + mb(limits.maxTotalBytes()) + " uncompressed"));
      return;
    }
    Input read;
    try (InputStream in = opener.open()) {
      read = load(source, in, compressedBytes, budget);
    } catch (IOException e) {
      read = new Input.Refused(source, "cannot read zip entry: " + e.getMessage());
    }
    if (read instanceof Input.Document doc && isArchive(doc.bytes())) {
      if (depth >= limits.maxDepth()) {
        visitor.accept(new Input.Refused(source,
            "refused: possible zip bomb: archives nested more than " + limits.maxDepth() + " deep"));
      } else {
        walkZipBytes(doc.bytes(), source, depth + 1, budget, visitor);
      }
      return;
    }
    visitor.accept(read);
  }

  /** Inflates one entry while it stays inside the limits; counts what it inflated against the budget. */
  private Input load(String source, InputStream in, LongSupplier compressedBytes, Budget budget)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > limits.maxEntryBytes()) {
          return new Input.Refused(source, "refused: possible zip bomb: entry larger than "
              + mb(limits.maxEntryBytes()) + " uncompressed");
        }
        if (budget.bytes + total > limits.maxTotalBytes()) {
          return new Input.Refused(source, "refused: possible zip bomb: archive holds more than "
              + mb(limits.maxTotalBytes()) + " uncompressed");
        }
        if (total > limits.ratioFloorBytes() && total > limits.maxRatio() * Math.max(1, compressedBytes.getAsLong())) {
          return new Input.Refused(source, "refused: possible zip bomb: compression ratio over "
              + limits.maxRatio() + ":1");
        }
        out.write(buffer, 0, n);
      }
    } finally {
      budget.bytes += total;
    }
    return new Input.Document(source, out.toByteArray());
  }

  private static boolean isArchive(byte[] bytes) {
    Optional<Set<String>> names = CentralDirectory.names(bytes);
    return names.isPresent() && !isDocument(names.get()::contains);
  }

  /**
   * Reads a zip held in memory. A name charset that fails part-way restarts the archive with the next
   * charset, skipping the entries already visited, so each entry is still visited once.
   */
  private void walkZipBytes(byte[] zip, String source, int depth, Budget budget, Visitor visitor)
      throws InterruptedException {
    int visited = 0;
    for (Charset names : NAME_CHARSETS) {
      CountingStream raw = new CountingStream(new ByteArrayInputStream(zip));
      try (ZipInputStream in = new ZipInputStream(raw, names)) {
        for (int i = 0; i < visited; i++) {
          in.getNextEntry();
        }
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          visited++;
          if (++budget.entries > limits.maxEntries()) {
            visitor.accept(new Input.Refused(source,
                "refused: archive has more than " + limits.maxEntries() + " entries"));
            return;
          }
          EntryName name = EntryName.of(entry);
          if (name.kind() != EntryName.Kind.SKIPPED) {
            visitor.adjustTotal(1);
          }
          long start = raw.count;
          long declared = entry.getCompressedSize();
          visitEntry(source, name, depth, budget, visitor, () -> new NoClose(in),
              () -> declared > 0 ? declared : raw.count - start);
        }
        visitor.adjustTotal(-1);
        return;
      } catch (IllegalArgumentException e) {
        // an entry name that is not valid in this charset: try the next one
      } catch (IOException e) {
        visitor.adjustTotal(-1);
        visitor.accept(new Input.Refused(source,
            "damaged archive: " + e.getMessage() + " (after " + visited + " entries)"));
        return;
      }
    }
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%d MB", bytes >> 20);
  }

  /** Counts the compressed bytes the zip reader consumed, for the ratio check of streamed entries. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  /** Lets {@link #visitEntry} close what it opened without closing the whole zip stream. */
  private static final class NoClose extends FilterInputStream {
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

    static EntryName of(ZipEntry entry) {
      String raw = entry.getName();
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
          : entry.isDirectory() || hidden || clean.isEmpty() ? Kind.SKIPPED : Kind.DOCUMENT;
      return new EntryName(raw, clean, kind);
    }
  }

  /**
   * Lists the names in a zip's central directory without inflating anything, enough to tell an archive
   * from a zip-based document; empty when the bytes hold no plain (non-zip64) central directory.
   */
  static final class CentralDirectory {
    private static final int END = 0x06054b50;
    private static final int ENTRY = 0x02014b50;

    private CentralDirectory() {}

    static Optional<Set<String>> names(byte[] zip) {
      if (zip.length < 22 || zip[0] != 'P' || zip[1] != 'K') {
        return Optional.empty();
      }
      int end = -1;
      for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
        if (int32(zip, i) == END) {
          end = i;
          break;
        }
      }
      if (end < 0) {
        return Optional.empty();
      }
      int count = int16(zip, end + 10);
      long offset = int32(zip, end + 16) & 0xFFFFFFFFL;
      Set<String> names = new HashSet<>();
      int pos = (int) Math.min(offset, Integer.MAX_VALUE);
      for (int i = 0; i < count; i++) {
        if (pos < 0 || pos + 46 > zip.length || int32(zip, pos) != ENTRY) {
          return Optional.empty();
        }
        int nameLength = int16(zip, pos + 28);
        int skip = nameLength + int16(zip, pos + 30) + int16(zip, pos + 32);
        if (pos + 46 + nameLength > zip.length) {
          return Optional.empty();
        }
        // the markers are ASCII, so a byte-per-char decoding finds them whatever the name charset is
        names.add(new String(zip, pos + 46, nameLength, StandardCharsets.ISO_8859_1));
        pos += 46 + skip;
      }
      return Optional.of(names);
    }

    private static int int16(byte[] b, int i) {
      return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int i) {
      return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
  }
}
