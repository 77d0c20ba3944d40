package org.nianbao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Severity;
import org.nianbao.model.ValueType;
import org.nianbao.normalize.CellNormalizer;
import org.nianbao.source.Recognition;

class OcrDoubtsTest {
  private final OcrDoubts doubts = new OcrDoubts(new CellNormalizer());

  /** total = a + b, as the identity checker reports it. */
  private static final Function<Map<String, CellValue>, List<Anomaly>> SUM = cells -> {
    BigDecimal a = cells.get("a").value();
    BigDecimal b = cells.get("b").value();
    BigDecimal t = cells.get("t").value();
    return a.add(b).compareTo(t) == 0 ? List.of()
        : List.of(new Anomaly(Severity.ERROR, "sum", List.of("t", "a", "b"), "", "", "t != a + b", 1));
  };

  private static CellValue cell(String key, String raw, double confidence) {
    EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
    OcrDoubts.flag(new Recognition(confidence, List.of()), flags);
    return new CellValue(key, new BigDecimal(raw), raw, flags, 1, "table 1 r1c1", "", "");
  }

  private Map<String, CellValue> cells(String a, double ca, String b, String t) {
    Map<String, CellValue> cells = new LinkedHashMap<>();
    cells.put("a", cell("a", a, ca));
    cells.put("b", cell("b", b, 99));
    cells.put("t", cell("t", t, 99));
    return cells;
  }

  @Test
  void theOneAlternativeThatMakesTheIdentityHoldIsTaken() {
    Map<String, CellValue> cells = cells("8", 60, "5", "11");
    Map<String, Recognition> recs = Map.of("a", new Recognition(60, List.of("6", "3", "0")),
        "b", new Recognition(99, List.of()), "t", new Recognition(99, List.of()));
    List<Anomaly> out = doubts.apply(cells, recs, SUM, k -> ValueType.INT);
    assertEquals(new BigDecimal("6"), cells.get("a").value());
    assertTrue(cells.get("a").flags().contains(Flag.OCR_FIXED_BY_IDENTITY));
    assertTrue(out.stream().anyMatch(x -> x.rule().equals("ocr_fixed_by_identity")));
    assertTrue(SUM.apply(cells).isEmpty());
  }

  @Test
  void aConfidentCellIsNeverRepaired_theFailingIdentityMarksEveryOcrCellInIt() {
    Map<String, CellValue> cells = cells("8", 99, "5", "11");
    Map<String, Recognition> recs = new LinkedHashMap<>();
    recs.put("a", new Recognition(99, List.of("6")));
    recs.put("b", new Recognition(99, List.of()));
    recs.put("t", new Recognition(99, List.of()));
    List<Anomaly> out = doubts.apply(cells, recs, SUM, k -> ValueType.INT);
    assertEquals(new BigDecimal("8"), cells.get("a").value());
    for (String k : List.of("a", "b", "t")) {
      assertTrue(cells.get(k).flags().contains(Flag.OCR_DOUBT), k);
    }
    Anomaly listed = out.stream().filter(x -> x.rule().equals("ocr_doubt")).findFirst().orElseThrow();
    assertEquals(List.of("a", "b", "t"), listed.keys());
  }

  @Test
  void twoFittingAlternativesAreAmbiguous_nothingIsChanged() {
    Map<String, CellValue> cells = cells("8", 60, "5", "11");
    cells.put("b", cell("b", "5", 60));
    Map<String, Recognition> recs = Map.of("a", new Recognition(60, List.of("6")),
        "b", new Recognition(60, List.of("3")), "t", new Recognition(99, List.of()));
    doubts.apply(cells, recs, SUM, k -> ValueType.INT);
    assertEquals(new BigDecimal("8"), cells.get("a").value());
    assertEquals(new BigDecimal("5"), cells.get("b").value());
    assertTrue(cells.get("a").flags().contains(Flag.OCR_DOUBT));
  }

  @Test
  void lowConfidenceIsDoubtEvenWhenTheIdentitiesHold() {
    Map<String, CellValue> cells = cells("6", 50, "5", "11");
    List<Anomaly> out = doubts.apply(cells, Map.of("a", new Recognition(50, List.of())), SUM, k -> ValueType.INT);
    assertTrue(cells.get("a").flags().containsAll(List.of(Flag.OCR, Flag.OCR_DOUBT)));
    assertTrue(!cells.get("b").flags().contains(Flag.OCR_DOUBT));
    assertEquals(List.of("a"), new ArrayList<>(out.get(0).keys()));
  }
}
