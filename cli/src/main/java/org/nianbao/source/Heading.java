package org.nianbao.source;

import java.util.Objects;

/** A heading (level 1 = title). Readers that cannot tell headings from paragraphs emit paragraphs. */
public record Heading(String text, int level, SourceRef ref) implements Block {
  public Heading {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ref, "ref");
  }
}
