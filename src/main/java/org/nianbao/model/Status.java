package org.nianbao.model;

import java.util.Locale;

/** The outcome of one input document (OUTPUT.md, reports.csv {@code status}). */
public enum Status {
  OK,
  ANOMALIES,
  PARTIAL,
  UNRECOGNIZED,
  FAILED,
  /** Obviously not a report (a JSON file, a README, an image nothing can read): left out with the reason. */
  SKIPPED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
