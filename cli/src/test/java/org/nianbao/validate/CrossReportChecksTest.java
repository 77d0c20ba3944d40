package org.nianbao.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.model.Anomaly;

class CrossReportChecksTest {
  private static CrossReportChecks.Summary summary(String ref, String agency, int year, Map<String, Integer> numbers) {
    Map<String, CrossReportChecks.Value> values = new HashMap<>();
    numbers.forEach((k, v) -> values.put(k, new CrossReportChecks.Value(BigDecimal.valueOf(v), 2)));
    return new CrossReportChecks.Summary(ref, "id-" + ref, ref + ".pdf", agency, year, "2021", values);
  }

  private static Map<String, Integer> year2021() {
    return Map.of("t3.carry_forward.natural_person", 3, "t3.carry_forward.total", 4,
        "t2.regulation.in_force", 10, "t2.normative_doc.in_force", 20);
  }

  private static Map<String, Integer> year2022(int carriedNatural) {
    return Map.of("t3.carried_over.natural_person", carriedNatural, "t3.carried_over.total", 4,
        "t2.regulation.in_force", 11, "t2.regulation.issued", 2, "t2.regulation.repealed", 1,
        "t2.normative_doc.in_force", 20, "t2.normative_doc.issued", 0, "t2.normative_doc.repealed", 0);
  }

  @Test
  void consistentYearsRaiseNothing() {
    var found = CrossReportChecks.check(List.of(
        summary("a", "淮安市洪泽区人民政府", 2021, year2021()), summary("b", "洪泽区人民政府", 2022, year2022(3))));
    assertTrue(found.isEmpty(), found.toString());
  }

  @Test
  void changedCarriedNumberNamesBothReports() {
    var found = CrossReportChecks.check(List.of(
        summary("a", "淮安市洪泽区人民政府", 2021, year2021()), summary("b", "洪泽区人民政府", 2022, year2022(5))));
    assertEquals(List.of("b"), List.copyOf(found.keySet()));
    Anomaly a = found.get("b").get(0);
    assertEquals(1, found.get("b").size());
    assertEquals(CrossReportChecks.CARRY_OVER_RULE, a.rule());
    assertEquals(List.of("t3.carried_over.natural_person", "t3.carry_forward.natural_person"), a.keys());
    assertEquals("3", a.expected());
    assertEquals("5", a.actual());
    assertTrue(a.message().contains("a.pdf") && a.message().contains("b.pdf"), a.message());
    assertTrue(a.message().contains("自然人"), a.message());
  }

  @Test
  void aCopyWithoutNumbersFirstInItsYearDoesNotHideTheCheck() {
    // regression: an input of identical bytes (or a failed one) carries no numbers; first in its year, it made
    // the carried-over comparison compare nothing, silently
    var found = CrossReportChecks.check(List.of(
        summary("a", "洪泽区人民政府", 2021, Map.of()), summary("b", "洪泽区人民政府", 2021, year2021()),
        summary("c", "洪泽区人民政府", 2022, Map.of()), summary("d", "洪泽区人民政府", 2022, year2022(5))));
    Anomaly a = found.get("d").stream().filter(x -> x.rule().equals(CrossReportChecks.CARRY_OVER_RULE))
        .findFirst().orElseThrow(() -> new AssertionError(found.toString()));
    assertEquals("3", a.expected());
    assertEquals("5", a.actual());
  }

  @Test
  void inForceThatDoesNotFollowIsFlagged() {
    Map<String, Integer> numbers = new HashMap<>(year2022(3));
    numbers.put("t2.regulation.in_force", 15);
    var found = CrossReportChecks.check(List.of(
        summary("a", "洪泽区人民政府", 2021, year2021()), summary("b", "洪泽区人民政府", 2022, numbers)));
    Anomaly a = found.get("b").get(0);
    assertEquals(CrossReportChecks.IN_FORCE_RULE, a.rule());
    assertEquals("11", a.expected());
    assertEquals("15", a.actual());
  }

  @Test
  void twoInputsForOneAgencyYearAreDuplicates() {
    var found = CrossReportChecks.check(List.of(
        summary("a", "江苏省淮安市洪泽区人民政府", 2021, year2021()),
        summary("b", "洪泽区 人民政府", 2021, year2021())));
    assertEquals(CrossReportChecks.DUPLICATE_RULE, found.get("b").get(0).rule());
    assertTrue(found.get("b").get(0).message().contains("a.pdf"));
  }

  @Test
  void agencyNamesNormalize() {
    assertEquals("洪泽区人民政府", CrossReportChecks.normalizeAgency("江苏省淮安市洪泽区人民政府"));
    assertEquals("洪泽区人民政府", CrossReportChecks.normalizeAgency("（淮安市）洪泽区 人民政府"));
    assertEquals("南京市交通运输局", CrossReportChecks.normalizeAgency("南京市交通运输局"));
    assertEquals("淮安市人民政府", CrossReportChecks.normalizeAgency("淮安市人民政府"));
  }

  @Test
  void cumulativeColumnMustGrowByThisYearsValue() {
    // the Pingtan 2015 → 2016 tables: 81916 + 3460 = 85376 holds; 受理 cumulative was reset from 1 to 0
    var found = CrossReportChecks.check(List.of(
        summary("y2015", "平潭综合实验区", 2015, Map.of("lg.proactive.total", 2949, "lg.proactive.total.cumulative", 81916,
            "lg.req.total", 0, "lg.req.total.cumulative", 1)),
        summary("y2016", "平潭综合实验区", 2016, Map.of("lg.proactive.total", 3460, "lg.proactive.total.cumulative", 85376,
            "lg.req.total", 0, "lg.req.total.cumulative", 0))));
    assertEquals(1, found.get("y2016").size(), found.toString());
    Anomaly a = found.get("y2016").get(0);
    assertEquals(CrossReportChecks.CUMULATIVE_RULE, a.rule());
    assertEquals(List.of("lg.req.total.cumulative", "lg.req.total"), a.keys());
    assertEquals("1", a.expected());
    assertEquals("0", a.actual());
  }
}
