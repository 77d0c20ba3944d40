package org.nianbao.model;

import java.util.Locale;

/** How serious a finding is; written in lower case. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
