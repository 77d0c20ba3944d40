package org.nianbao.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;

/**
 * Processes one input document end to end: sniff, read, locate, map, normalize, validate. Never throws
 * for a bad document: every input ends in one {@link Report} with a status. Thread-safe.
 */
public interface DocumentProcessor {
  Report process(byte[] bytes, String source);

  /**
   * The same for bytes whose id is already known: the batch hashed them while listing its inputs and its
   * worker saw the file unchanged since, so hashing them again is work for nothing.
   */
  default Report process(byte[] bytes, String source, ReportId id) {
    return process(bytes, source);
  }

  /** The same for a file on disk; a file that cannot be read at all throws. */
  default Report process(Path file, String source) throws IOException {
    return process(Files.readAllBytes(file), source);
  }
}
