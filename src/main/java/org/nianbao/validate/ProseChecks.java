package org.nianbao.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Severity;

/**
 * Compares the numbers a report states in prose with its tables (2019/2021 formats): when they disagree
 * one of them is wrong, and {@code text_table_mismatch} names both numbers and quotes the sentence.
 * Stateless.
 */
public final class ProseChecks {
  /** A prose key, the table keys whose sum it restates, and alternative sums also accepted. */
  private record Check(String textKey, List<List<String>> tableSums) {}

  private static final List<Check> CHECKS = List.of(
      // 收到 N 件 counts either this year's new applications or those plus the ones carried in
      new Check("text.req.received", List.of(List.of("t3.new_received.total"),
          List.of("t3.new_received.total", "t3.carried_over.total"))),
      new Check("text.req.closed", List.of(List.of("t3.result_total.total"))),
      new Check("text.req.carried_over", List.of(List.of("t3.carried_over.total"))),
      new Check("text.req.carry_forward", List.of(List.of("t3.carry_forward.total"))),
      new Check("text.review.total", List.of(List.of("t4.review.total"))),
      new Check("text.suit.total", List.of(List.of("t4.suit_direct.total", "t4.suit_after_review.total"))));

  public List<Anomaly> check(Map<String, CellValue> cells) {
    List<Anomaly> out = new ArrayList<>();
    for (Check c : CHECKS) {
      CellValue text = cells.get(c.textKey());
      if (text == null) {
        continue;
      }
      List<BigDecimal> sums = new ArrayList<>();
      for (List<String> keys : c.tableSums()) {
        List<CellValue> parts = keys.stream().map(cells::get).toList();
        if (parts.stream().allMatch(Objects::nonNull) && parts.stream().allMatch(p -> p.value() != null)) {
          sums.add(parts.stream().map(CellValue::value).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
      }
      if (sums.isEmpty() || sums.stream().anyMatch(s -> s.compareTo(text.value()) == 0)) {
        continue;
      }
      List<String> keys = new ArrayList<>();
      keys.add(c.textKey());
      keys.addAll(c.tableSums().get(0));
      out.add(Anomaly.rule(Severity.WARNING, "text_table_mismatch", keys, CellValue.plain(sums.get(0)),
          text.valueText(), text.page(), text.valueText(), text.raw(), CellValue.plain(sums.get(0)),
          IdentityChecker.terms(c.tableSums().get(0).stream().map(cells::get).filter(Objects::nonNull).toList())));
    }
    return out;
  }
}
