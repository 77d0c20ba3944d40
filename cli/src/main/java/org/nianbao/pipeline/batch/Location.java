package org.nianbao.pipeline.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a document's bytes are. The walker names them and a worker reads them itself, so a document's bytes
 * never pass through the batch's own memory.
 */
public sealed interface Location {
  /** A file on disk. */
  record InFile(Path path) implements Location {
    public InFile {
      Objects.requireNonNull(path, "path");
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
