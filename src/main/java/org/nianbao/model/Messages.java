package org.nianbao.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a person reads (anomaly messages, the glossary of statuses, severities, rules and flags, the
 * workbook's sheets and headers, the run summary) comes from the resource bundle
 * {@code org/nianbao/messages*.properties}: Chinese by default, English with {@code --lang en}. The language
 * of a run is the system property {@value #PROPERTY} ({@code zh} or {@code en}), which the batch passes on
 * to its workers. Patterns are {@link MessageFormat} patterns; arguments are pre-formatted text. A rule is
 * added by adding its entries to both bundles; a missing entry throws, and the all-rules test fails.
 */
public final class Messages {
  public static final String PROPERTY = "nianbao.lang";
  private static final String BUNDLE = "org.nianbao.messages";

  private Messages() {}

  /** The language of this run: {@code zh} (default) or {@code en}. */
  public static String language() {
    String lang = System.getProperty(PROPERTY, "zh").trim().toLowerCase(Locale.ROOT);
    return lang.equals("en") ? "en" : "zh";
  }

  public static ResourceBundle bundle(String language) {
    Locale locale = language.equals("en") ? Locale.ENGLISH : Locale.ROOT;
    return ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The entry {@code key} in this run's language, its arguments filled in. */
  public static String text(String key, Object... args) {
    return textIn(language(), key, args);
  }

  /** The entry {@code key} in {@code language} ({@code zh} or {@code en}). */
  public static String textIn(String language, String key, Object... args) {
    String pattern = bundle(language).getString(key);
    if (args.length == 0) {
      return pattern;
    }
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      // numbers as printed (a year 2021, never 2,021)
      texts[i] = String.valueOf(args[i]);
    }
    return new MessageFormat(pattern, Locale.ROOT).format(texts);
  }

  /** True when the bundle of {@code language} has {@code key}. */
  public static boolean has(String language, String key) {
    try {
      bundle(language).getString(key);
      return true;
    } catch (MissingResourceException e) {
      return false;
    }
  }

  /** The entry {@code key}, or {@code fallback} when the bundle has none (a rule of a user's mapping file). */
  public static String textOr(String key, String fallback) {
    return has(language(), key) ? text(key) : fallback;
  }

  /** A rule's message: the entry {@code rule.<code>}. */
  public static String rule(String rule, Object... args) {
    return text("rule." + rule, args);
  }

  /** A rule's short name for the glossary: {@code rule.<code>.name}, the code itself when unknown. */
  public static String ruleName(String rule) {
    return textOr("rule." + rule + ".name", rule);
  }

  /** A format era's name ({@code format.<code>}), the code itself when unknown. */
  public static String format(String code) {
    return textOr("format." + code, code);
  }

  /** A table's title ({@code table.<id>}), the id itself when unknown. */
  public static String table(String id) {
    return textOr("table." + id, id);
  }

  /** A flag's name ({@code flag.<code>}). */
  public static String flag(Flag flag) {
    return text("flag." + flag.code());
  }

  /** Every rule code the bundle names ({@code rule.<code>.name}), sorted. */
  public static java.util.List<String> ruleCodes() {
    return java.util.Collections.list(bundle(language()).getKeys()).stream()
        .filter(k -> k.startsWith("rule.") && k.endsWith(".name"))
        .map(k -> k.substring(5, k.length() - 5)).sorted().toList();
  }

  /** A cell as an auditor finds it in the report: row label · column label. */
  public static String cellLabel(String rowLabel, String columnLabel) {
    if (columnLabel.isEmpty()) {
      return rowLabel;
    }
    if (rowLabel.isEmpty()) {
      return columnLabel;
    }
    return rowLabel + "·" + columnLabel;
  }
}
