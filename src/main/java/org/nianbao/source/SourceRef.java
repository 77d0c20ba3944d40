package org.nianbao.source;

import java.util.Objects;

/**
 * Where a piece of text was read: the input's source path, the 1-based page (0 when the format has no
 * pages) and a short human-readable locator such as {@code table 2 r5c3} or {@code line 57}; for a PDF
 * table cell also its box on the page ({@link Box#NONE} otherwise).
 */
public record SourceRef(String source, int page, String locator, Box box) {
  public SourceRef(String source, int page, String locator) {
    this(source, page, locator, Box.NONE);
  }

  public SourceRef {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(locator, "locator");
    Objects.requireNonNull(box, "box");
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0: " + page);
    }
  }

  public SourceRef withLocator(String newLocator) {
    return new SourceRef(source, page, newLocator, box);
  }

  /** The page for output: empty when the format has no pages. */
  public String pageText() {
    return page == 0 ? "" : Integer.toString(page);
  }
}
