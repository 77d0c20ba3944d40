package org.nianbao.source;

import java.util.Objects;

/** A paragraph or a line of running text outside tables. */
public record Paragraph(String text, SourceRef ref) implements Block {
  public Paragraph {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ref, "ref");
  }
}
