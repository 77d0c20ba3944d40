package org.nianbao.model;

import java.util.Locale;

/** What was done to get a cell's value from its raw text (OUTPUT.md, cells.csv {@code flags}). */
public enum Flag {
  DOUBLE_ZERO,
  FULLWIDTH,
  WHITESPACE,
  DASH_AS_ZERO,
  UNIT_STRIPPED,
  THOUSANDS_SEP,
  SIGNED,
  BLANK,
  OCR,
  FUZZY_LABEL,
  UNPARSEABLE,
  FROM_TEXT,
  /** The header grid disagreed with the data rows; the column was bound by the data rows and the header order. */
  HEADER_REALIGNED,
  /** Placed by its position in the template's row and column order (text whose grid was lost). */
  FROM_SEQUENCE,
  /** A glued digit run split where exactly one split satisfies the identities of its row and column. */
  SPLIT_BY_IDENTITY,
  /** A glued digit run split where a number the prose states confirms the only fitting split. */
  SPLIT_BY_PROSE,
  /** Read by OCR with low confidence, or taking part in an identity that fails. */
  OCR_DOUBT,
  /** The only OCR alternative that makes every identity hold. */
  OCR_FIXED_BY_IDENTITY,
  /** The value is a reviewer's correction (--corrections); raw keeps the text as read. */
  REVIEWED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
