package org.nianbao.write;

import java.util.regex.Pattern;

/**
 * Keeps spreadsheet programs from running a text field as a formula: a field that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return and is not a plain number gets a leading
 * apostrophe ({@code '}), which Excel and LibreOffice show as text and do not evaluate. Numbers such as
 * {@code -15} or {@code +14} stay as they are.
 */
public final class FormulaGuard {
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private FormulaGuard() {}

  public static String neutralize(String field) {
    if (field == null || field.isEmpty()) {
      return field == null ? "" : field;
    }
    char c = field.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (risky && !NUMBER.matcher(field).matches()) {
      return "'" + field;
    }
    return field;
  }
}
