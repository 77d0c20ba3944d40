package org.nianbao.pipeline.batch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.nianbao.model.Messages;

/**
 * Reads a document's bytes from its {@link Location} within the limits, in a worker (or any other JVM that
 * processes documents). Keeps the archive it last read open, with its entries by offset, because the entries
 * of one archive arrive one after another.
 */
public final class DocumentReads implements Closeable {
  private final ZipLimits limits;
  private Path openPath;
  private ZipFile open;
  private Map<Long, ZipArchiveEntry> byOffset;

  public DocumentReads(ZipLimits limits) {
    this.limits = limits;
  }

  /**
   * The document's bytes.
   *
   * @throws IOException when the file or entry cannot be read, or the limits refuse it (the message says why)
   */
  public byte[] read(Location location) throws IOException {
    try {
      if (location instanceof Location.InFile f) {
        long size = Files.size(f.path());
        if (size > limits.maxEntryBytes()) {
          throw new LimitedCopy.Refusal(Messages.text("error.refused.file_too_large", LimitedCopy.mb(limits.maxEntryBytes())));
        }
        // read straight into an array of the file's size: a large file is held once, not twice
        try (InputStream in = Files.newInputStream(f.path())) {
          byte[] bytes = in.readNBytes((int) size);
          if (bytes.length != size || in.read() >= 0) {
            throw new IOException(Messages.text("error.size_changed"));
          }
          return bytes;
        }
      }
      Location.InZip z = (Location.InZip) location;
      ZipArchiveEntry entry = entry(z);
      try (InputStream in = open.getInputStream(entry)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(entry.getSize(), 1 << 24)));
        InputStreamStatistics stats = in instanceof InputStreamStatistics s ? s : null;
        LimitedCopy.copy(in, out, limits,
            () -> stats != null ? stats.getCompressedCount() : entry.getCompressedSize(), 0);
        return out.toByteArray();
      }
    } catch (LimitedCopy.Refusal e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private ZipArchiveEntry entry(Location.InZip z) throws IOException {
    if (!z.archive().equals(openPath)) {
      close();
      open = ZipNames.open(z.archive());
      openPath = z.archive();
      byOffset = new HashMap<>();
      Enumeration<ZipArchiveEntry> entries = open.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry e = entries.nextElement();
        byOffset.putIfAbsent(e.getLocalHeaderOffset(), e);
      }
    }
    ZipArchiveEntry entry = byOffset.get(z.offset());
    if (entry == null) {
      throw new IOException("no entry " + z.entry() + " at offset " + z.offset() + " in " + z.archive());
    }
    return entry;
  }

  @Override
  public void close() throws IOException {
    if (open != null) {
      open.close();
      open = null;
      openPath = null;
      byOffset = null;
    }
  }
}
