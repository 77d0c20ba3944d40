package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Where a document's bytes are. The walker names them and a worker reads them itself, so a document's bytes
 * never pass through the batch's own memory.
 */
public sealed interface Location {
  /**
   * A file on disk.
   *
   * @param stamp the file's size, modification time and identity when the walker hashed it ({@link #stampOf}),
   *     or "" when not known; a worker that finds the same stamp before and after reading trusts that hash
   */
  record InFile(Path path, String stamp) implements Location {
    public InFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(stamp, "stamp");
    }

    public InFile(Path path) {
      this(path, "");
    }

    /** The file's size, modification time and file key; "" when they cannot be read. */
    public static String stampOf(Path path) {
      try {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return a.size() + "/" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "/" + a.fileKey();
      } catch (IOException e) {
        return "";
      }
    }

    /** The file is as the walker saw it: its stamp was taken and still holds. */
    public boolean unchanged() {
      return !stamp.isEmpty() && stamp.equals(stampOf(path));
    }
  }

  /**
   * An entry of a zip file on disk, found by the offset of its local header: names may repeat in an archive.
   *
   * @param entry the entry's name as decoded, for messages
   */
  record InZip(Path archive, long offset, String entry) implements Location {
    public InZip {
      Objects.requireNonNull(archive, "archive");
      Objects.requireNonNull(entry, "entry");
      if (offset < 0) {
        throw new IllegalArgumentException("negative offset " + offset);
      }
    }
  }
}
