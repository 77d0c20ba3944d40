package org.nianbao.read;

import org.nianbao.source.SourceDocument;

/** Turns the bytes of one input of a known type into the neutral document. Stateless and thread-safe. */
public interface DocumentReader {
  /**
   * @param source the input's path as written to the output (used in every {@code SourceRef})
   * @param fileType the detected type code, copied into the document
   */
  SourceDocument read(byte[] bytes, String source, String fileType) throws DocumentReadException;
}
