package org.nianbao.write;

import java.util.Optional;
import org.nianbao.source.Box;
import org.nianbao.source.SourceDocument;

/**
 * What the review pages show beside a flagged cell, asked of the stage that can read documents (write/ never
 * imports a reader): the document as read again, and for a PDF a picture of the page around a cell.
 */
public interface ReviewSources {
  /** The input {@code source} as read, empty when it cannot be read again (an entry of an archive). */
  Optional<SourceDocument> document(String source);

  /** A PNG of page {@code page} of the PDF {@code source} around {@code box}, the box outlined. */
  Optional<byte[]> crop(String source, int page, Box box);

  /** Nothing to show: the pages list the cells without their source. */
  ReviewSources NONE = new ReviewSources() {
    @Override
    public Optional<SourceDocument> document(String source) {
      return Optional.empty();
    }

    @Override
    public Optional<byte[]> crop(String source, int page, Box box) {
      return Optional.empty();
    }
  };
}
