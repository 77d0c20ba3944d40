package org.nianbao.decode;

import java.util.Objects;
import org.nianbao.source.SourceRef;

/**
 * One piece of a text stream: label text, a number (or a glued run of digits), or the end of a markdown row.
 *
 * @param raw the text as printed (for a number: its digits, full-width folded)
 * @param form the match form of text (empty for numbers and row ends)
 */
record Token(Kind kind, String raw, String form, SourceRef ref) {
  enum Kind { TEXT, NUM, ROW_END }

  Token {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(ref, "ref");
  }

  boolean isNum() {
    return kind == Kind.NUM;
  }

  /** Digits only (no decimal point): a run that may be split into several cells. */
  boolean splittable() {
    return kind == Kind.NUM && raw.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
