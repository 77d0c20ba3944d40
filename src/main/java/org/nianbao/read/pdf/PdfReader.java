package org.nianbao.read.pdf;

import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.source.SourceDocument;

/** Placeholder until the reader lands. */
public final class PdfReader implements DocumentReader {
  @Override
  public SourceDocument read(byte[] bytes, String source, String fileType) throws DocumentReadException {
    throw new DocumentReadException("no reader for " + fileType + " yet");
  }
}
