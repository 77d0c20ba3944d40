package org.nianbao.corpus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The oracle: derives the three expected CSV files of a document from its {@link ReportSpec} by the
 * contract in the task brief (cell flags, anomaly rules, status), independently of the pipeline.
 */
public final class Expected {
  /** One expected anomaly row. */
  public record Finding(String severity, String rule, List<String> keys) {
    public Finding {
      keys = List.copyOf(keys);
    }

    String[] row() {
      return new String[] {severity, rule, String.join(";", keys)};
    }
  }

  /**
   * A sum rule of an indicator table, checked as a warning because regional copies itemise differently.
   * Its anomaly names the left key, then the right keys the table prints, in the rule's order.
   */
  record SumRule(String rule, String left, List<String> right) {
    SumRule {
      right = List.copyOf(right);
    }
  }

  /** The suffix of lg keys read from the 历年累计 column. */
  static final String CUMULATIVE = ".cumulative";

  /**
   * The identities of the s14 national table (TEMPLATES.md §4.2), named as the contract names them; the
   * three outcome groups share one rule name.
   */
  static final List<SumRule> S14_RULES = List.of(
      new SumRule("s14_request_channels", "s14.req.received", List.of("s14.req.received.in_person",
          "s14.req.received.fax", "s14.req.received.online", "s14.req.received.letter")),
      new SumRule("s14_closed", "s14.req.closed", List.of("s14.req.closed.on_time",
          "s14.req.closed.extended")),
      new SumRule("s14_answers", "s14.req.answered", List.of("s14.ans.already_public", "s14.ans.agree",
          "s14.ans.partial", "s14.ans.refuse", "s14.ans.not_this_agency", "s14.ans.not_exist",
          "s14.ans.told_to_amend", "s14.ans.other_channel")),
      new SumRule("s14_group_total", "s14.review.total", List.of("s14.review.upheld", "s14.review.corrected",
          "s14.review.other")),
      new SumRule("s14_group_total", "s14.suit.total", List.of("s14.suit.upheld", "s14.suit.corrected",
          "s14.suit.other")),
      new SumRule("s14_group_total", "s14.complaint.total", List.of("s14.complaint.upheld",
          "s14.complaint.corrected", "s14.complaint.other")),
      new SumRule("s14_staff", "s14.org.staff", List.of("s14.org.staff.full_time", "s14.org.staff.part_time")));

  /** The identities of lg tables (TEMPLATES.md §4.3), once for the year column and once for 历年累计. */
  static final List<SumRule> LG_RULES = lgRules();

  private static List<SumRule> lgRules() {
    List<String> channels = List.of("in_person", "fax", "email", "online", "letter", "letter_fax", "other");
    List<String> answers = List.of("agree", "partial", "refuse", "other");
    List<SumRule> rules = new ArrayList<>();
    for (String suffix : List.of("", CUMULATIVE)) {
      String name = suffix.isEmpty() ? "" : "_cumulative";
      rules.add(new SumRule("lg_request_channels" + name, "lg.req.total" + suffix,
          channels.stream().map(c -> "lg.req." + c + suffix).toList()));
      rules.add(new SumRule("lg_answer_kinds" + name, "lg.ans.total" + suffix,
          answers.stream().map(a -> "lg.ans." + a + suffix).toList()));
    }
    return List.copyOf(rules);
  }

  public static final String[] REPORT_HEADER = {"file_type", "status", "format", "agency", "year"};
  public static final String[] CELLS_HEADER = {"key", "value", "flags"};
  public static final String[] ANOMALIES_HEADER = {"severity", "rule", "keys"};
  /** Anomaly rows sort by their three text columns. */
  public static final Comparator<String[]> ANOMALY_ORDER = Comparator.<String[], String>comparing(r -> r[0])
      .thenComparing(r -> r[1]).thenComparing(r -> r[2]);

  private Expected() {}

  /** Every canonical key printed in the document, in table order. */
  static List<String> printedKeys(ReportSpec spec) {
    return new ArrayList<>(rowsOfKeys(spec).keySet());
  }

  /** key → id of the row that prints it, in table order. */
  private static Map<String, String> rowsOfKeys(ReportSpec spec) {
    Map<String, String> rows = new LinkedHashMap<>();
    if (spec.era().indicatorTable()) {
      for (Template.IndicatorRow row : Template.indicatorRows(spec.era())) {
        if (row.hasValue()) {
          String key = spec.era().code() + "." + row.key();
          rows.put(key, row.key());
          if (spec.era() == Era.LG) {
            rows.put(key + CUMULATIVE, row.key());
          }
        }
      }
      return rows;
    }
    if (!spec.missingSections().contains("二")) {
      for (Template.T2Block block : spec.printedT2Blocks()) {
        for (Template.T2Row row : block.rows()) {
          row.keys().forEach(k -> rows.put(k, row.id()));
        }
      }
    }
    if (!spec.missingSections().contains("三")) {
      for (Template.T3Row row : spec.printedT3Rows()) {
        row.keys().forEach(k -> rows.put(k, row.id()));
      }
    }
    if (!spec.missingSections().contains("四")) {
      Template.section4Keys().forEach(k -> rows.put(k, "t4"));
    }
    return rows;
  }

  /** The cell a document must yield for a key: its printed reading plus fuzzy_label for a misprinted row. */
  static CellText cell(ReportSpec spec, String key) {
    CellText text = spec.cells().get(key);
    String row = rowsOfKeys(spec).get(key);
    if (spec.has(Variant.T3_HEADER_MISALIGNED) && key.startsWith("t3.")) {
      // bound by the data rows in header order, as the contract flags it
      text = text.withFlag("header_realigned");
    }
    return spec.fuzzyRows().contains(row) ? text.withFlag("fuzzy_label") : text;
  }

  public static List<String[]> cellRows(ReportSpec spec) {
    List<String[]> rows = new ArrayList<>();
    for (String key : printedKeys(spec)) {
      CellText c = cell(spec, key);
      rows.add(new String[] {key, c.value() == null ? "" : c.value(), String.join(";", c.flags())});
    }
    rows.sort(Comparator.comparing(r -> r[0]));
    return rows;
  }

  public static List<Finding> findings(ReportSpec spec) {
    List<Finding> out = new ArrayList<>();
    for (String key : printedKeys(spec)) {
      CellText c = spec.cells().get(key);
      if (c.has("blank")) {
        out.add(new Finding("warning", "blank_cell", List.of(key)));
      }
      if (c.has("double_zero")) {
        out.add(new Finding("warning", "double_zero", List.of(key)));
      }
      if (c.has("unparseable")) {
        out.add(new Finding("warning", "unparseable_cell", List.of(key)));
      }
      if (c.flags().stream().anyMatch(CellText.FIXES::contains)) {
        out.add(new Finding("info", "cell_fixed", List.of(key)));
      }
    }
    for (String row : spec.fuzzyRows()) {
      out.add(new Finding("warning", "fuzzy_label", keysOfRow(spec, row)));
    }
    for (String section : spec.missingSections()) {
      out.add(new Finding("error", "missing_section", List.of()));
    }
    for (String row : spec.missingRows()) {
      out.add(new Finding("warning", "missing_row", keysOfRow(spec, row)));
    }
    for (ReportSpec.ExtraRow extra : spec.extraRows()) {
      out.add(new Finding("warning", "unknown_row", List.of()));
    }
    if (spec.has(Variant.T3_HEADER_MISALIGNED)) {
      List<String> keys = new ArrayList<>();
      spec.printedT3Rows().forEach(r -> keys.addAll(r.keys()));
      out.add(new Finding("warning", "header_realigned", keys));
    }
    if (spec.otherAsOneRow()) {
      out.add(new Finding("warning", "format_mixed",
          Template.T3_COLUMNS.stream().map(c -> "t3.other.sum." + c).toList()));
    }
    out.addAll(identities(spec));
    return out;
  }

  /** The identity failures of the printed numbers, empty cells counted as 0. */
  static List<Finding> identities(ReportSpec spec) {
    List<Finding> out = new ArrayList<>();
    Map<String, BigDecimal> v = new LinkedHashMap<>();
    for (String key : printedKeys(spec)) {
      v.put(key, spec.cells().get(key).number());
    }
    if (spec.era().indicatorTable()) {
      for (SumRule rule : spec.era() == Era.S14 ? S14_RULES : LG_RULES) {
        List<String> right = rule.right().stream().filter(v::containsKey).toList();
        BigDecimal sum = right.stream().map(v::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (v.containsKey(rule.left()) && sum.compareTo(v.get(rule.left())) != 0) {
          List<String> keys = new ArrayList<>();
          keys.add(rule.left());
          keys.addAll(right);
          out.add(new Finding("warning", rule.rule(), keys));
        }
      }
      if (spec.era() == Era.LG) {
        // 历年累计 includes the year, so it is never below it (TEMPLATES.md §4.3)
        for (Template.IndicatorRow row : Template.indicatorRows(Era.LG)) {
          String year = "lg." + row.key();
          if (v.get(year + CUMULATIVE).compareTo(v.get(year)) < 0) {
            out.add(new Finding("warning", "lg_cumulative_at_least_year", List.of(year + CUMULATIVE, year)));
          }
        }
      }
      return out;
    }
    if (!spec.missingSections().contains("三")) {
      List<Template.T3Row> rows = spec.printedT3Rows();
      for (String c : Template.T3_COLUMNS) {
        List<String> bal = List.of("t3.new_received." + c, "t3.carried_over." + c, "t3.result_total." + c,
            "t3.carry_forward." + c);
        if (get(v, bal.get(0)).add(get(v, bal.get(1))).compareTo(get(v, bal.get(2)).add(get(v, bal.get(3)))) != 0) {
          out.add(new Finding("error", "t3_balance", bal));
        }
        List<String> sum = new ArrayList<>();
        sum.add("t3.result_total." + c);
        BigDecimal items = BigDecimal.ZERO;
        for (Template.T3Row row : rows) {
          if (row.isItem()) {
            sum.add("t3." + row.id() + "." + c);
            items = items.add(get(v, "t3." + row.id() + "." + c));
          }
        }
        if (items.compareTo(get(v, sum.get(0))) != 0) {
          out.add(new Finding("error", "t3_result_total", sum));
        }
      }
      for (Template.T3Row row : rows) {
        List<String> keys = new ArrayList<>();
        keys.add("t3." + row.id() + ".total");
        BigDecimal applicants = BigDecimal.ZERO;
        for (String c : Template.T3_COLUMNS.subList(0, 6)) {
          keys.add("t3." + row.id() + "." + c);
          applicants = applicants.add(get(v, "t3." + row.id() + "." + c));
        }
        if (applicants.compareTo(get(v, keys.get(0))) != 0) {
          out.add(new Finding("error", "t3_row_total", keys));
        }
      }
    }
    if (!spec.missingSections().contains("四")) {
      for (String g : Template.T4_GROUPS) {
        List<String> keys = List.of("t4." + g + ".total", "t4." + g + ".upheld", "t4." + g + ".corrected",
            "t4." + g + ".other", "t4." + g + ".pending");
        BigDecimal parts = keys.subList(1, 5).stream().map(k -> get(v, k)).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (parts.compareTo(get(v, keys.get(0))) != 0) {
          out.add(new Finding("error", "t4_group_total", keys));
        }
      }
    }
    return out;
  }

  public static List<String[]> anomalyRows(ReportSpec spec) {
    List<String[]> rows = new ArrayList<>(findings(spec).stream().map(Finding::row).toList());
    rows.sort(ANOMALY_ORDER);
    return rows;
  }

  public static String status(ReportSpec spec) {
    List<Finding> all = findings(spec);
    if (all.stream().anyMatch(f -> f.rule().equals("missing_section") || f.rule().equals("missing_row"))) {
      return "partial";
    }
    return all.stream().anyMatch(f -> f.severity().equals("error")) ? "anomalies" : "ok";
  }

  public static String[] reportRow(ReportSpec spec) {
    return new String[] {
      spec.rendering().fileType(), status(spec), spec.era().code(), spec.agency(), Integer.toString(spec.year())
    };
  }

  /** A row's keys in column order, from the template even when the row is not printed. */
  private static List<String> keysOfRow(ReportSpec spec, String rowId) {
    for (Template.T2Block block : Template.section2(spec.era())) {
      for (Template.T2Row row : block.rows()) {
        if (row.id().equals(rowId)) {
          return row.keys();
        }
      }
    }
    return Template.section3(spec.era()).stream().filter(r -> r.id().equals(rowId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row " + rowId)).keys();
  }

  private static BigDecimal get(Map<String, BigDecimal> values, String key) {
    return values.getOrDefault(key, BigDecimal.ZERO);
  }
}
