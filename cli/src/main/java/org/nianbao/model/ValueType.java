package org.nianbao.model;

import java.util.Locale;

/** The kind of number a canonical key holds (canonical-keys.csv {@code type}). */
public enum ValueType {
  INT,
  SIGNED_INT,
  DECIMAL;

  public static ValueType fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
