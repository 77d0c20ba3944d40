package org.nianbao.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nianbao.mapping.FormatMapping;
import org.nianbao.mapping.IdentitySpec;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.mapping.MappingLoader;

/**
 * Every rule the code base can emit has a message in both languages, and the Chinese one reads as an
 * auditor needs it: every argument (labels, values) appears, no English word, no raw key. The rules are
 * found in the source (every {@code Anomaly.rule}/{@code Anomaly.variant} call and the rule constants they
 * use) and in the mapping files (the identities), so a rule added without its bundle entries fails here.
 */
class AllRulesMessagesTest {
  private static final Path SOURCES = Path.of("cli/src/main/java");
  private static final Pattern CALL = Pattern.compile(
      "Anomaly\\.(rule|variant)\\(\\s*Severity\\.\\w+,\\s*(\"[a-z0-9_]+\"|[A-Z_][A-Z0-9_]*)(?:,\\s*\"([a-z0-9_]+)\")?");
  private static final Pattern MESSAGE = Pattern.compile("Messages\\.rule\\(\\s*\"([a-z0-9_]+)\"");
  private static final Pattern CONSTANT = Pattern.compile("([A-Z_][A-Z0-9_]*) = \"([a-z0-9_]+)\"");
  private static final Pattern FORMAT_NAMES =
      Pattern.compile("\\b(?:PDF|DOCX|DOC|HTML|OLE2|Office Open XML|XML|ZIP|Word|MB|nianbao)\\b|%EOF|--[a-z-]+");
  private static final Pattern KEY_LIKE = Pattern.compile("\\b[a-z0-9_]+\\.[a-z_]+\\.[a-z_.]+\\b");

  /** Message entries (rule.<code> or rule.<code>.<variant>) the source emits. */
  private static TreeMap<String, String> emitted() throws IOException {
    Map<String, String> constants = new TreeMap<>();
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        texts.add(text);
        Matcher c = CONSTANT.matcher(text);
        while (c.find()) {
          constants.put(c.group(1), c.group(2));
        }
        if (!p.endsWith("Anomaly.java") && !p.endsWith("ReportCodec.java") && !p.endsWith("IdentityChecker.java")) {
          assertFalse(text.contains("new Anomaly("), p + " builds an anomaly without a bundle message");
        }
      }
    }
    TreeMap<String, String> entries = new TreeMap<>();
    for (String text : texts) {
      Matcher m = CALL.matcher(text);
      while (m.find()) {
        String code = m.group(2).startsWith("\"") ? m.group(2).replace("\"", "") : constants.get(m.group(2));
        assertTrue(code != null, "rule constant not found: " + m.group(2));
        String entry = "rule." + code + (m.group(1).equals("variant") ? "." + m.group(3) : "");
        entries.put(entry, code);
      }
      Matcher r = MESSAGE.matcher(text);
      while (r.find()) {
        entries.put("rule." + r.group(1), r.group(1));
      }
    }
    return entries;
  }

  private static List<String> identityRules() {
    List<String> rules = new ArrayList<>();
    for (FormatMapping f : new MappingLoader(KeyCatalog.get()).load(Optional.empty()).formats()) {
      f.identities().stream().map(IdentitySpec::rule).forEach(rules::add);
    }
    return rules;
  }

  @Test
  void theSourceEmitsTheKnownRules() throws IOException {
    TreeSet<String> codes = new TreeSet<>(emitted().values());
    // a sanity floor: the scan found the rules of every stage
    for (String code : List.of("missing_section", "blank_cell", "unread_cells", "carry_over_continuity",
        "duplicate_report", "missing_row", "reviewed", "correction_unknown_key",
        "correction_unknown_report")) {
      assertTrue(codes.contains(code), "scan missed " + code + " in " + codes);
    }
  }

  @Test
  void everyRuleHasANameAndMessageInBothLanguages() throws IOException {
    TreeSet<String> codes = new TreeSet<>(emitted().values());
    codes.addAll(identityRules());
    List<String> missing = new ArrayList<>();
    for (String lang : List.of("zh", "en")) {
      for (String code : codes) {
        if (!Messages.has(lang, "rule." + code + ".name")) {
          missing.add(lang + ": rule." + code + ".name");
        }
      }
      for (String entry : emitted().keySet()) {
        if (!Messages.has(lang, entry)) {
          missing.add(lang + ": " + entry);
        }
      }
      for (String entry : List.of("identity.equal", "identity.at_least", "identity.side.one", "identity.side.many",
          "identity.blank.one", "identity.blank.many")) {
        if (!Messages.has(lang, entry)) {
          missing.add(lang + ": " + entry);
        }
      }
      for (Flag f : Flag.values()) {
        if (!Messages.has(lang, "flag." + f.code())) {
          missing.add(lang + ": flag." + f.code());
        }
      }
      for (Status s : Status.values()) {
        if (!Messages.has(lang, "status." + s.code())) {
          missing.add(lang + ": status." + s.code());
        }
      }
      for (Severity s : Severity.values()) {
        if (!Messages.has(lang, "severity." + s.code())) {
          missing.add(lang + ": severity." + s.code());
        }
      }
    }
    assertEquals(List.of(), missing, "bundle entries missing (src/main/resources/org/nianbao/messages*.properties)");
  }

  @Test
  void bothBundlesHoldTheSameEntries() {
    assertEquals(new TreeSet<>(Collections.list(Messages.bundle("zh").getKeys())),
        new TreeSet<>(Collections.list(Messages.bundle("en").getKeys())));
  }

  /**
   * Renders every message entry (every rule and variant, the identity templates, the reasons in the error
   * column and in anomalies) in both languages with
   * labels and values as arguments: each argument appears; the Chinese text has no English word and no key.
   */
  @Test
  void everyMessageNamesItsLabelsAndValues() {
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(Collections.list(Messages.bundle("zh").getKeys()))) {
      boolean shown = key.startsWith("rule.") || key.startsWith("identity.") || key.startsWith("error.")
          || key.startsWith("read.") || key.startsWith("reason.");
      if (!shown || key.endsWith(".name")) {
        continue;
      }
      int arity = new MessageFormat(Messages.bundle("zh").getString(key), Locale.ROOT)
          .getFormatsByArgumentIndex().length;
      Object[] args = new Object[arity];
      for (int i = 0; i < arity; i++) {
        // alternately a printed label and a value, as the stages pass them
        args[i] = i % 2 == 0 ? "（" + "一二三四五六七八九十".charAt(i) + "）予以公开·科研机构" : Integer.toString(1000 + i);
      }
      for (String lang : List.of("zh", "en")) {
        String text = Messages.textIn(lang, key, args);
        for (Object a : args) {
          if (!text.contains(a.toString())) {
            problems.add(lang + " " + key + " does not show argument " + a + ": " + text);
          }
        }
        if (text.contains("{") || text.contains("}")) {
          problems.add(lang + " " + key + " has an unfilled placeholder: " + text);
        }
        if (lang.equals("zh")) {
          String rest = text;
          for (Object a : args) {
            rest = rest.replace(a.toString(), "");
          }
          // the names of file formats, of the program and its options stay as they are known
          rest = FORMAT_NAMES.matcher(rest).replaceAll("");
          if (rest.matches("(?s).*[A-Za-z].*")) {
            problems.add("zh " + key + " has Latin letters: " + text);
          }
          if (KEY_LIKE.matcher(text).find()) {
            problems.add("zh " + key + " shows a raw key: " + text);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void englishOnRequest() {
    String before = System.getProperty(Messages.PROPERTY);
    try {
      System.setProperty(Messages.PROPERTY, "en");
      assertTrue(Messages.rule("blank_cell", "规章·本年制发件数").startsWith("Cell “规章·本年制发件数”"));
      System.setProperty(Messages.PROPERTY, "zh");
      assertTrue(Messages.rule("blank_cell", "规章·本年制发件数").startsWith("单元格“规章·本年制发件数”"));
    } finally {
      if (before == null) {
        System.clearProperty(Messages.PROPERTY);
      } else {
        System.setProperty(Messages.PROPERTY, before);
      }
    }
  }
}
