package org.nianbao.model;

import java.util.List;
import java.util.Objects;

/**
 * One finding about a report's data. Anomalies are values collected per document, never thrown.
 *
 * @param keys canonical keys involved, in a stable order
 * @param expected the number an identity implies ("" when the rule compares no numbers)
 * @param actual the number printed ("" when the rule compares no numbers)
 * @param page where to look (0 when unknown or the format has no pages)
 */
public record Anomaly(
    Severity severity, String rule, List<String> keys, String expected, String actual, String message, int page) {
  public Anomaly {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(message, "message");
    if (!rule.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("rule codes are lower snake case: " + rule);
    }
    keys = List.copyOf(keys);
  }

  /**
   * An anomaly whose message is the bundle entry {@code rule.<rule>} of this run's language (see
   * {@link Messages}) with {@code args} filled in: labels as the report prints them and values.
   */
  public static Anomaly rule(Severity severity, String rule, List<String> keys, String expected, String actual,
      int page, Object... args) {
    return new Anomaly(severity, rule, keys, expected, actual, Messages.rule(rule, args), page);
  }

  /** An anomaly of {@code rule} told with the bundle entry {@code rule.<rule>.<variant>}. */
  public static Anomaly variant(Severity severity, String rule, String variant, List<String> keys, int page,
      Object... args) {
    return new Anomaly(severity, rule, keys, "", "", Messages.text("rule." + rule + "." + variant, args), page);
  }

  /** The same without numbers compared. */
  public static Anomaly rule(Severity severity, String rule, List<String> keys, int page, Object... args) {
    return rule(severity, rule, keys, "", "", page, args);
  }

  public String keysText() {
    return String.join(";", keys);
  }

  public String pageText() {
    return page == 0 ? "" : Integer.toString(page);
  }
}
