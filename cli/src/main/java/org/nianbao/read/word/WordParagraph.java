package org.nianbao.read.word;

import java.util.Objects;

/**
 * A body paragraph.
 *
 * @param number the 1-based position among all body paragraphs, empty ones included, for {@code p 17}
 * @param headingLevel 1 for a title or top heading, 0 for running text
 */
record WordParagraph(String text, int number, int headingLevel) implements WordBlock {
  WordParagraph {
    Objects.requireNonNull(text, "text");
    if (number < 1 || headingLevel < 0) {
      throw new IllegalArgumentException("number " + number + ", heading level " + headingLevel);
    }
  }
}
