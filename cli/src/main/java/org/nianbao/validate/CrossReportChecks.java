package org.nianbao.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;

/**
 * Checks across all reports of a run: the applications carried into year N must be those carried out of
 * year N−1, the documents in force must follow from last year's count, and one agency should report a
 * year once. The batch feeds it a small {@link Summary} per report (never the reports themselves), and
 * each finding belongs to the later report.
 */
public final class CrossReportChecks {
  public static final String CARRY_OVER_RULE = "carry_over_continuity";
  public static final String IN_FORCE_RULE = "in_force_continuity";
  public static final String DUPLICATE_RULE = "duplicate_report";
  public static final String CUMULATIVE_RULE = "cumulative_continuity";
  private static final String CUMULATIVE = ".cumulative";

  private static final List<String> T3_COLUMNS = List.of("natural_person", "commercial_enterprise",
      "research_institution", "public_interest_org", "legal_service_org", "other_org", "total");
  private static final List<String> T2_ROWS = List.of("t2.regulation", "t2.normative_doc");
  private static final Pattern DECORATION = Pattern.compile("[\\s\\u3000()（）\\[\\]【】〔〕<>《》「」]");

  /**
   * A province and/or city in front of a district or county body. Only that case is stripped: a city's
   * own departments (南京市交通运输局) must not merge with every other city's.
   */
  private static final Pattern PLACE_PREFIX = Pattern.compile(
      "^(?:\\p{IsHan}{2,7}?(?:省|自治区))?(?:\\p{IsHan}{2,7}?(?:市|自治州|盟))?(?=\\p{IsHan}{1,6}?(?:区|县|旗))");

  private CrossReportChecks() {}

  /** A cell value with the page it was read on, as far as the checks need it. */
  public record Value(BigDecimal number, int page) {
    public Value {
      Objects.requireNonNull(number, "number");
    }
  }

  /**
   * What the checks need of one report.
   *
   * @param ref the batch's handle for the report, returned with its findings
   * @param values the numbers of the keys the checks compare
   */
  public record Summary(String ref, String reportId, String source, String agency, Integer year, String format,
      Map<String, Value> values) {
    public Summary {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(reportId, "reportId");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(agency, "agency");
      Objects.requireNonNull(format, "format");
      values = Map.copyOf(values);
    }
  }

  /** The summary of one report: its identity and the numbers of section 三's carried rows and section 二. */
  public static Summary summarize(String ref, Report r) {
    Map<String, Value> values = new HashMap<>();
    for (CellValue c : r.cells()) {
      if (c.value() != null && compared(c.key())) {
        values.putIfAbsent(c.key(), new Value(c.value(), c.page()));
      }
    }
    return new Summary(ref, r.id().hex(), r.source(), r.agency(), r.year(), r.format(), values);
  }

  private static boolean compared(String key) {
    return key.startsWith("t3.carried_over.") || key.startsWith("t3.carry_forward.") || key.startsWith("lg.")
        || T2_ROWS.stream().anyMatch(row -> key.startsWith(row + "."));
  }

  /**
   * An agency's name with spaces, brackets and a province/city prefix in front of a district or county
   * removed, so that 淮安市洪泽区人民政府 and 洪泽区人民政府 are the same agency.
   */
  public static String normalizeAgency(String agency) {
    String bare = DECORATION.matcher(agency).replaceAll("");
    return PLACE_PREFIX.matcher(bare).replaceFirst("");
  }

  /**
   * The findings of a run's reports.
   *
   * @param summaries in the run's file order, which decides which of two same-year reports is the later
   * @return findings by {@link Summary#ref()}, only for reports that have some
   */
  public static Map<String, List<Anomaly>> check(List<Summary> summaries) {
    Map<String, TreeMap<Integer, List<Summary>>> byAgency = new LinkedHashMap<>();
    for (Summary s : summaries) {
      String agency = normalizeAgency(s.agency());
      if (agency.isEmpty() || s.year() == null) {
        continue;
      }
      byAgency.computeIfAbsent(agency, a -> new TreeMap<>())
          .computeIfAbsent(s.year(), y -> new ArrayList<>()).add(s);
    }
    Map<String, List<Anomaly>> found = new LinkedHashMap<>();
    for (TreeMap<Integer, List<Summary>> years : byAgency.values()) {
      for (Map.Entry<Integer, List<Summary>> year : years.entrySet()) {
        List<Summary> same = year.getValue();
        Summary first = same.get(0);
        for (Summary later : same.subList(1, same.size())) {
          // Identical bytes share a report id and are already marked as duplicates when read.
          if (!later.reportId().equals(first.reportId())) {
            add(found, later, Anomaly.variant(Severity.WARNING, DUPLICATE_RULE, "agency_year", List.of(), 0,
                later.agency(), year.getKey(), first.source()));
          }
        }
        List<Summary> previous = years.get(year.getKey() - 1);
        if (previous != null) {
          Summary before = numbered(previous);
          Summary now = numbered(same);
          carryOver(found, before, now);
          inForce(found, before, now);
          cumulative(found, before, now);
        }
      }
    }
    return found;
  }

  /**
   * The report of a year whose numbers the continuity checks compare: the first that has any. A copy with
   * identical bytes, a failed or an empty input carries none; were it first in its year, the checks of that
   * year would compare nothing and say nothing.
   */
  private static Summary numbered(List<Summary> sameYear) {
    return sameYear.stream().filter(s -> !s.values().isEmpty()).findFirst().orElse(sameYear.get(0));
  }

  private static void carryOver(Map<String, List<Anomaly>> found, Summary before, Summary now) {
    for (String column : T3_COLUMNS) {
      String inKey = "t3.carried_over." + column;
      String outKey = "t3.carry_forward." + column;
      Value in = now.values().get(inKey);
      Value out = before.values().get(outKey);
      if (in == null || out == null || in.number().compareTo(out.number()) == 0) {
        continue;
      }
      add(found, now, Anomaly.rule(Severity.WARNING, CARRY_OVER_RULE, List.of(inKey, outKey),
          CellValue.plain(out.number()), CellValue.plain(in.number()), in.page(), label(inKey), now.year(),
          now.source(), CellValue.plain(in.number()), before.year(), before.source(), CellValue.plain(out.number())));
    }
  }

  private static void inForce(Map<String, List<Anomaly>> found, Summary before, Summary now) {
    if (!"2021".equals(now.format()) || !"2021".equals(before.format())) {
      return;
    }
    for (String row : T2_ROWS) {
      Value last = before.values().get(row + ".in_force");
      Value current = now.values().get(row + ".in_force");
      Value issued = now.values().get(row + ".issued");
      Value repealed = now.values().get(row + ".repealed");
      if (last == null || current == null || issued == null || repealed == null) {
        continue;
      }
      BigDecimal expected = last.number().add(issued.number()).subtract(repealed.number());
      if (expected.compareTo(current.number()) == 0) {
        continue;
      }
      add(found, now, Anomaly.rule(Severity.WARNING, IN_FORCE_RULE,
          List.of(row + ".in_force", row + ".issued", row + ".repealed"), CellValue.plain(expected),
          CellValue.plain(current.number()), current.page(),
          KeyCatalog.get().entry(row + ".in_force").map(KeyCatalog.Entry::rowLabel).orElse(row), now.year(),
          now.source(), CellValue.plain(current.number()), CellValue.plain(last.number()), before.year(),
          before.source(), CellValue.plain(issued.number()), CellValue.plain(repealed.number()),
          CellValue.plain(expected)));
    }
  }

  /** A 历年累计 column (lg tables) must grow by exactly this year's value. */
  private static void cumulative(Map<String, List<Anomaly>> found, Summary before, Summary now) {
    List<String> keys = now.values().keySet().stream().filter(k -> k.endsWith(CUMULATIVE)).sorted().toList();
    for (String key : keys) {
      String base = key.substring(0, key.length() - CUMULATIVE.length());
      Value current = now.values().get(key);
      Value year = now.values().get(base);
      Value last = before.values().get(key);
      if (year == null || last == null) {
        continue;
      }
      BigDecimal expected = last.number().add(year.number());
      if (expected.compareTo(current.number()) == 0) {
        continue;
      }
      String row = KeyCatalog.get().entry(base).map(KeyCatalog.Entry::rowLabel).orElse(base);
      add(found, now, Anomaly.rule(Severity.WARNING, CUMULATIVE_RULE, List.of(key, base), CellValue.plain(expected),
          CellValue.plain(current.number()), current.page(), row, now.year(), now.source(),
          CellValue.plain(current.number()), before.year(), CellValue.plain(last.number()), before.source(),
          CellValue.plain(year.number()), CellValue.plain(expected)));
    }
  }

  private static String label(String key) {
    return KeyCatalog.get().entry(key).map(KeyCatalog.Entry::columnLabel).orElse(key);
  }


  private static void add(Map<String, List<Anomaly>> found, Summary s, Anomaly a) {
    found.computeIfAbsent(s.ref(), r -> new ArrayList<>()).add(a);
  }
}
