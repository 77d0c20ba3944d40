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
  FROM_TEXT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
