package org.nianbao.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nianbao.model.Report;

/**
 * Processes one input document end to end: sniff, read, locate, map, normalize, validate. Never throws
 * for a bad document: every input ends in one {@link Report} with a status. Thread-safe.
 */
public interface DocumentProcessor {
  Report process(byte[] bytes, String source);

  /** The same for a file on disk; a file that cannot be read at all throws. */
  default Report process(Path file, String source) throws IOException {
    return process(Files.readAllBytes(file), source);
  }
}
