package org.nianbao.corpus;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic numbers for one report that satisfy every identity of its era: section 三 is built column by
 * column (results distributed over the item rows, then 一 = results + 四 − 二), totals are sums, and
 * section 四 totals are the sums of their outcomes. Pinned values replace generated ones before the
 * totals are derived, so pins never break an identity.
 */
final class TruthNumbers {
  /** How busy the agency is; sets the magnitude of the counts. */
  enum Scale {
    TOWN(4, 1, 0),
    COUNTY(60, 6, 2),
    CITY(1100, 60, 12);

    final int naturalPerson;
    final int organisations;
    final int lawsuits;

    Scale(int naturalPerson, int organisations, int lawsuits) {
      this.naturalPerson = naturalPerson;
      this.organisations = organisations;
      this.lawsuits = lawsuits;
    }
  }

  /** Relative frequency of each result row; applicants are mostly granted or told the info is not held. */
  private static final Map<String, Integer> WEIGHTS = weights();

  private TruthNumbers() {}

  static Map<String, BigDecimal> generate(Era era, Scale scale, long seed, Map<String, Long> pins) {
    Random random = new Random(seed);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    if (era == Era.S14) {
      s14(scale, random, pins, out);
      return out;
    }
    if (era == Era.LG) {
      lg(scale, random, pins, out);
      return out;
    }
    section2(era, scale, random, pins, out);
    section3(era, scale, random, pins, out);
    section4(scale, random, pins, out);
    return out;
  }

  private static void section2(Era era, Scale scale, Random r, Map<String, Long> pins, Map<String, BigDecimal> out) {
    int s = scale.organisations;
    for (Template.T2Block block : Template.section2(era)) {
      for (Template.T2Row row : block.rows()) {
        for (String key : row.keys()) {
          BigDecimal v;
          if (key.equals("t2.fee.amount_wan")) {
            v = BigDecimal.valueOf(r.nextInt(1_000_000 * Math.max(1, s)), 2);
          } else if (key.equals("t2.procurement.amount")) {
            v = BigDecimal.valueOf(1_000_000L + r.nextInt(90_000_000), 2);
          } else if (key.endsWith(".items_delta")) {
            v = BigDecimal.valueOf(r.nextInt(2 * s + 3) - s - 1);
          } else if (key.endsWith(".in_force") || key.endsWith(".published_total") || key.endsWith(".prev_items")) {
            v = BigDecimal.valueOf(5 + r.nextInt(20 * s + 10));
          } else if (key.endsWith(".decisions")) {
            v = BigDecimal.valueOf(r.nextInt(300 * s + 5));
          } else {
            v = BigDecimal.valueOf(r.nextInt(3 * s + 2));
          }
          out.put(key, pinned(pins, key, v));
        }
      }
    }
    // a delta never takes more items away than there were
    for (String prefix : List.of("license", "other_service", "penalty", "coercion", "fee")) {
      String delta = "t2." + prefix + ".items_delta";
      if (out.containsKey(delta) && !pins.containsKey(delta)) {
        BigDecimal prev = out.get("t2." + prefix + ".prev_items");
        out.put(delta, out.get(delta).max(prev.negate()));
      }
    }
  }

  private static void section3(Era era, Scale scale, Random r, Map<String, Long> pins, Map<String, BigDecimal> out) {
    List<Template.T3Row> rows = Template.section3(era);
    List<Template.T3Row> items = rows.stream().filter(Template.T3Row::isItem).toList();
    int total = WEIGHTS.entrySet().stream()
        .filter(e -> items.stream().anyMatch(i -> i.id().equals(e.getKey())))
        .mapToInt(Map.Entry::getValue).sum();
    for (String col : Template.T3_COLUMNS.subList(0, 6)) {
      int size = col.equals("natural_person") ? scale.naturalPerson : scale.organisations;
      long resolved = size == 0 ? 0 : r.nextInt(size + 1) + (col.equals("natural_person") ? size / 2 : 0);
      long[] counts = new long[items.size()];
      for (long n = 0; n < resolved; n++) {
        int pick = r.nextInt(total);
        for (int i = 0; i < items.size(); i++) {
          pick -= WEIGHTS.get(items.get(i).id());
          if (pick < 0) {
            counts[i]++;
            break;
          }
        }
      }
      long result = 0;
      for (int i = 0; i < items.size(); i++) {
        String key = "t3." + items.get(i).id() + "." + col;
        long v = pins.getOrDefault(key, counts[i]);
        out.put(key, BigDecimal.valueOf(v));
        result += v;
      }
      long carried = pins.getOrDefault("t3.carried_over." + col, (long) r.nextInt((int) (result / 10) + 1));
      long forward = pins.getOrDefault("t3.carry_forward." + col, (long) r.nextInt((int) (result / 8) + 1));
      carried = Math.min(carried, result + forward);
      out.put("t3.carried_over." + col, BigDecimal.valueOf(carried));
      out.put("t3.carry_forward." + col, BigDecimal.valueOf(forward));
      out.put("t3.result_total." + col, BigDecimal.valueOf(result));
      out.put("t3.new_received." + col, BigDecimal.valueOf(result + forward - carried));
    }
    for (Template.T3Row row : rows) {
      long sum = 0;
      for (String col : Template.T3_COLUMNS.subList(0, 6)) {
        sum += out.get("t3." + row.id() + "." + col).longValueExact();
      }
      out.put("t3." + row.id() + ".total", BigDecimal.valueOf(sum));
    }
  }

  private static void section4(Scale scale, Random r, Map<String, Long> pins, Map<String, BigDecimal> out) {
    for (String g : Template.T4_GROUPS) {
      long sum = 0;
      for (String o : Template.T4_OUTCOMES.subList(0, 4)) {
        String key = "t4." + g + "." + o;
        int bound = o.equals("upheld") ? scale.lawsuits * 3 + 1 : scale.lawsuits + 1;
        long v = pins.getOrDefault(key, (long) r.nextInt(bound));
        out.put(key, BigDecimal.valueOf(v));
        sum += v;
      }
      out.put("t4." + g + ".total", BigDecimal.valueOf(sum));
    }
  }

  /**
   * The national table: request channels add up to 收到申请数, which is closed on time or late and answered
   * in exactly one of the eight ways; refusals split over their six reasons; outcomes add up to their
   * totals; staff are full-time or part-time.
   */
  private static void s14(Scale scale, Random r, Map<String, Long> pins, Map<String, BigDecimal> out) {
    int s = scale.organisations;
    Map<String, Long> v = new PinnedMap(pins, "s14.", "");
    v.put("proactive.total", 40L * s + r.nextInt(300 * s + 50));
    long proactive = v.get("proactive.total");
    v.put("proactive.normative_docs", (long) r.nextInt(3 * s + 3));
    v.put("proactive.normative_docs_issued", (long) r.nextInt(3 * s + 3));
    v.put("channel.gazette", (long) r.nextInt(5 * s + 5));
    v.put("channel.website", proactive - r.nextInt((int) proactive / 10 + 1));
    v.put("channel.weibo", (long) r.nextInt(40 * s + 10));
    v.put("channel.weixin", (long) r.nextInt(40 * s + 10));
    v.put("channel.other", (long) r.nextInt(5 * s + 5));
    v.put("response.hotspots", (long) r.nextInt(3 * s + 3));
    v.put("response.press_conf", (long) r.nextInt(s + 3));
    v.put("response.press_conf_principal", (long) r.nextInt((int) (long) v.get("response.press_conf") + 1));
    v.put("response.online_interviews", (long) r.nextInt(s + 3));
    v.put("response.online_interviews_principal",
        (long) r.nextInt((int) (long) v.get("response.online_interviews") + 1));
    v.put("response.interpretations", (long) r.nextInt(4 * s + 5));
    v.put("response.weibo_weixin", (long) r.nextInt(6 * s + 5));
    v.put("response.other", (long) r.nextInt(s + 2));
    for (String c : List.of("in_person", "fax", "online", "letter")) {
      v.put("req.received." + c, (long) r.nextInt(c.equals("online") ? scale.naturalPerson + 1 : s + 2));
    }
    long received = sum(v, "req.received.in_person", "req.received.fax", "req.received.online",
        "req.received.letter");
    long extended = Math.min(received, r.nextInt(s / 2 + 2));
    v.put("req.closed.on_time", received - extended);
    v.put("req.closed.extended", extended);
    List<String> reasons = List.of("state_secret", "commercial_secret", "privacy", "security_stability",
        "not_gov_info", "other_legal");
    List<String> kinds = List.of("already_public", "agree", "partial", "not_this_agency", "not_exist",
        "told_to_amend", "other_channel");
    Map<String, Long> answers = new LinkedHashMap<>();
    kinds.forEach(k -> answers.put("ans." + k, 0L));
    reasons.forEach(k -> answers.put("ans.refuse." + k, 0L));
    // each request gets one answer; the fourth weight is a refusal, given one of the six reasons
    int[] weights = {3, 10, 2, 1, 2, 2, 1, 1};
    for (long n = 0; n < received; n++) {
      int pick = r.nextInt(22);
      int i = 0;
      while (pick >= weights[i]) {
        pick -= weights[i++];
      }
      String key = i == 3 ? "ans.refuse." + reasons.get(r.nextInt(reasons.size())) : "ans." + kinds.get(i < 3 ? i : i - 1);
      answers.merge(key, 1L, Long::sum);
    }
    answers.forEach(v::put);
    for (String g : List.of("review", "suit", "complaint")) {
      v.put(g + ".upheld", (long) r.nextInt(scale.lawsuits * 2 + 1));
      v.put(g + ".corrected", (long) r.nextInt(scale.lawsuits + 1));
      v.put(g + ".other", (long) r.nextInt(scale.lawsuits + 1));
    }
    v.put("org.units", 1L + r.nextInt(3));
    v.put("org.reading_points", 1L + r.nextInt(s + 1));
    v.put("org.staff.full_time", 1L + r.nextInt(3));
    v.put("org.staff.part_time", (long) r.nextInt(3 * s + 3));
    v.put("train.meetings", (long) r.nextInt(6));
    v.put("train.classes", (long) r.nextInt(4));
    v.put("train.trainees", (long) r.nextInt(40 * s + 20));
    v.put("req.received", received);
    v.put("req.closed", sum(v, "req.closed.on_time", "req.closed.extended"));
    v.put("ans.refuse", sum(v, reasons.stream().map(k -> "ans.refuse." + k).toArray(String[]::new)));
    v.put("req.answered", sum(v, "ans.already_public", "ans.agree", "ans.partial", "ans.refuse",
        "ans.not_this_agency", "ans.not_exist", "ans.told_to_amend", "ans.other_channel"));
    for (String g : List.of("review", "suit", "complaint")) {
      v.put(g + ".total", sum(v, g + ".upheld", g + ".corrected", g + ".other"));
    }
    v.put("org.staff", sum(v, "org.staff.full_time", "org.staff.part_time"));
    for (Template.IndicatorRow row : Template.indicatorRows(Era.S14)) {
      if (row.hasValue()) {
        String key = "s14." + row.key();
        BigDecimal n = switch (row.key()) {
          case "fees_wan" -> BigDecimal.ZERO;
          case "org.budget_wan" -> BigDecimal.valueOf(50 + r.nextInt(300 * s), 1);
          default -> BigDecimal.valueOf(v.get(row.key()));
        };
        out.put(key, n);
      }
    }
  }

  /**
   * The Fujian regional table: the year column, then the earlier years, whose sum with the year is
   * 历年累计; so the cumulative column satisfies the same sums and is never below the year (and cannot be
   * pinned: it is derived).
   */
  private static void lg(Scale scale, Random r, Map<String, Long> pins, Map<String, BigDecimal> out) {
    int s = scale.organisations;
    for (String col : List.of("", ".earlier")) {
      int years = col.isEmpty() ? 1 : 3;
      Map<String, Long> v = new PinnedMap(pins, "lg.", col);
      v.put("proactive.website", (long) r.nextInt(80 * s * years + 20));
      v.put("proactive.gazette", (long) r.nextInt(5 * s * years + 5));
      v.put("req.in_person", (long) r.nextInt(s * years + 3));
      v.put("req.online", (long) r.nextInt(scale.naturalPerson * years + 3));
      v.put("req.letter_fax", (long) r.nextInt(s * years + 2));
      long requests = v.get("req.in_person") + v.get("req.online") + v.get("req.letter_fax");
      long refused = Math.min(requests, r.nextInt(s + 2));
      long partial = Math.min(requests - refused, r.nextInt(s + 2));
      long other = Math.min(requests - refused - partial, r.nextInt(s + 2));
      v.put("ans.agree", requests - refused - partial - other);
      v.put("ans.partial", partial);
      v.put("ans.refuse", refused);
      v.put("ans.other", other);
      v.put("suit_or_report", (long) r.nextInt(scale.lawsuits * years + 1));
      v.put("review", (long) r.nextInt(scale.lawsuits * years + 1));
      v.put("suit", (long) r.nextInt(scale.lawsuits * years + 1));
      v.put("proactive.total", v.get("proactive.website") + v.get("proactive.gazette"));
      v.put("req.total", requests);
      v.put("ans.total", requests);
      for (Template.IndicatorRow row : Template.indicatorRows(Era.LG)) {
        String key = "lg." + row.key() + col;
        BigDecimal n = row.key().equals("fee_waiver_yuan")
            ? BigDecimal.valueOf(r.nextInt(2000 * years), 1)
            : BigDecimal.valueOf(v.get(row.key()));
        out.put(key, n);
      }
    }
    for (Template.IndicatorRow row : Template.indicatorRows(Era.LG)) {
      String key = "lg." + row.key();
      BigDecimal year = out.get(key);
      out.put(key + ".cumulative", out.remove(key + ".earlier").add(year));
    }
  }

  private static long sum(Map<String, Long> v, String... keys) {
    long total = 0;
    for (String k : keys) {
      total += v.get(k);
    }
    return total;
  }

  /** Generated counts of one column by row key; a pinned key keeps its pin whatever is put. */
  private static final class PinnedMap extends LinkedHashMap<String, Long> {
    private final Map<String, Long> pins;
    private final String prefix;
    private final String suffix;

    PinnedMap(Map<String, Long> pins, String prefix, String suffix) {
      this.pins = pins;
      this.prefix = prefix;
      this.suffix = suffix;
    }

    @Override
    public Long put(String key, Long generated) {
      return super.put(key, pins.getOrDefault(prefix + key + suffix, generated));
    }
  }

  private static BigDecimal pinned(Map<String, Long> pins, String key, BigDecimal generated) {
    Long pin = pins.get(key);
    return pin == null ? generated : BigDecimal.valueOf(pin);
  }

  /** Keys that are sums of others and therefore cannot be pinned. */
  static boolean isDerived(String key) {
    return S14_DERIVED.contains(key) || LG_DERIVED.contains(key) || key.startsWith("lg.") && key.endsWith(".cumulative")
        || key.startsWith("t3.") && (key.endsWith(".total") || key.startsWith("t3.result_total.")
        || key.startsWith("t3.new_received."))
        || key.startsWith("t4.") && key.endsWith(".total");
  }

  private static final java.util.Set<String> S14_DERIVED = java.util.Set.of("s14.req.received", "s14.req.closed",
      "s14.ans.refuse", "s14.req.answered", "s14.review.total", "s14.suit.total", "s14.complaint.total",
      "s14.org.staff");
  private static final java.util.Set<String> LG_DERIVED = java.util.Set.of("lg.proactive.total", "lg.req.total",
      "lg.ans.total", "lg.ans.agree");

  private static Map<String, Integer> weights() {
    Map<String, Integer> w = new LinkedHashMap<>();
    w.put("granted", 40);
    w.put("partial", 8);
    w.put("withheld.state_secret", 1);
    w.put("withheld.law_prohibited", 1);
    w.put("withheld.security_stability", 1);
    w.put("withheld.third_party", 2);
    w.put("withheld.internal_affairs", 1);
    w.put("withheld.process_info", 2);
    w.put("withheld.enforcement_file", 1);
    w.put("withheld.admin_query", 1);
    w.put("unable.not_held", 15);
    w.put("unable.needs_creation", 4);
    w.put("unable.still_unclear", 2);
    w.put("not_processed.petition", 3);
    w.put("not_processed.duplicate", 2);
    w.put("not_processed.publication", 1);
    w.put("not_processed.mass_repeat", 1);
    w.put("not_processed.confirm_reissue", 1);
    w.put("other.no_correction", 3);
    w.put("other.fee_unpaid", 1);
    w.put("other.other", 2);
    w.put("other.sum", 6);
    return w;
  }
}
