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

  private static BigDecimal pinned(Map<String, Long> pins, String key, BigDecimal generated) {
    Long pin = pins.get(key);
    return pin == null ? generated : BigDecimal.valueOf(pin);
  }

  /** Keys that are sums of others and therefore cannot be pinned. */
  static boolean isDerived(String key) {
    return key.startsWith("t3.") && (key.endsWith(".total") || key.startsWith("t3.result_total.")
        || key.startsWith("t3.new_received."))
        || key.startsWith("t4.") && key.endsWith(".total");
  }

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
