package org.nianbao.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nianbao.mapping.CompiledMapping;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.mapping.MappingLoader;
import org.nianbao.mapping.TableSpec;
import org.nianbao.model.Anomaly;
import org.nianbao.normalize.CellNormalizer;
import org.nianbao.source.Cell;
import org.nianbao.source.SourceRef;
import org.nianbao.source.TableBlock;

class TableMapperTest {
  private static final CompiledMapping MAPPING = new MappingLoader(KeyCatalog.get()).load(Optional.of(Path.of("mappings")));
  private final TableMapper mapper = new TableMapper(new CellNormalizer());

  private static TableSpec spec(String format, String id) {
    return MAPPING.format(format).orElseThrow().tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * Builds an exact grid from rows of strings; {@code "<"} continues the cell to its left (a colspan),
   * {@code "^"} the cell above (a rowspan).
   */
  private static TableBlock grid(String... rows) {
    return paged(0, rows);
  }

  /**
   * As {@link #grid}, on PDF pages: the rows from {@code breakAt} on are on page 2, the others on page 1 (0
   * for no pages at all).
   */
  private static TableBlock paged(int breakAt, String... rows) {
    SourceRef ref = new SourceRef("t.html", 0, "table 1");
    List<List<Cell>> out = new ArrayList<>();
    for (int r = 0; r < rows.length; r++) {
      String[] texts = rows[r].split("\\|", -1);
      List<Cell> row = new ArrayList<>();
      for (int c = 0; c < texts.length; c++) {
        Cell anchor = texts[c].equals("<") ? row.get(c - 1) : texts[c].equals("^") ? out.get(r - 1).get(c) : null;
        int page = breakAt == 0 ? 0 : r < breakAt ? 1 : 2;
        row.add(anchor == null
            ? Cell.of(texts[c], r, c, new SourceRef("t.pdf", page, "r" + r + "c" + c))
            : new Cell(anchor.text(), r, c, anchor.anchorRow(), anchor.anchorCol(), anchor.ref()));
      }
      out.add(row);
    }
    return new TableBlock(out, true, ref);
  }

  private Map<String, MappedCell> cells(TableMatch m) {
    return m.cells().stream().collect(Collectors.toMap(MappedCell::key, Function.identity()));
  }

  @Test
  void aValueMergedAcrossTwoHeaderColumnsBelongsToTheColumnItStartsIn() {
    // 2019 section 二 on a layout grid (TEMPLATES.md §5.2, S4): the header and the values use different colspans
    TableBlock t = grid(
        "第二十条第（一）项|<|<|<|<",
        "信息内容|本年新制作数量|本年新公开数量|对外公开总数量|<",
        "规章|1|2|<|3",
        "规范性文件|4|5|<|6");
    Map<String, MappedCell> c = cells(mapper.map(mapper.prepare(t), spec("2019", "t2")));
    assertEquals("2", c.get("t2.regulation.new_published").raw());
    assertEquals("3", c.get("t2.regulation.published_total").raw());
    assertEquals("6", c.get("t2.normative_doc.published_total").raw());
  }

  @Test
  void aTypoInALongItemLabelIsMatchedWithinItsGroupAndFlagged() {
    TableBlock t = grid(
        "勾稽|<|<|申请人情况|<|<|<|<|<|<",
        "^|^|^|自然人|法人或其他组织|<|<|<|<|总计",
        "^|^|^|^|商业企业|科研机构|社会公益组织|法律服务机构|其他|^",
        "三、本年度办理结果|（三）不予公开|1.属于国家秘密|0|0|0|0|0|0|0",
        "^|^|2.其他法律行政止公开|1|0|0|0|0|0|1");
    TableMatch m = mapper.map(mapper.prepare(t), spec("2021", "t3"));
    MappedCell typo = cells(m).get("t3.withheld.law_prohibited.total");
    assertEquals("1", typo.raw());
    assertTrue(typo.fuzzy());
    assertTrue(m.anomalies().stream().anyMatch(a -> a.rule().equals("fuzzy_label")
        && a.keys().contains("t3.withheld.law_prohibited.natural_person")), m.anomalies().toString());
  }

  @Test
  void aFlattenedRowWithTooFewCellsIsNeverGuessed() {
    SourceRef ref = new SourceRef("t.txt", 0, "line 1");
    List<List<Cell>> withCaption = List.of(
        List.of(Cell.of("第二十条第（一）项", 0, 0, ref)),
        List.of(Cell.of("信息内容", 1, 0, ref), Cell.of("本年制发件数", 1, 1, ref), Cell.of("本年废止件数", 1, 2, ref),
            Cell.of("现行有效件数", 1, 3, ref)),
        // corpus-glued/pingtan-2022-flat.txt: 88 | 55 | 698 glued into one run
        List.of(Cell.of("行政规范性文件", 2, 0, ref), Cell.of("8855698", 2, 1, ref)));
    TableMatch m = mapper.map(mapper.prepare(new TableBlock(withCaption, false, ref)), spec("2021", "t2"));
    List<MappedCell> doc = m.cells().stream().filter(c -> c.key().startsWith("t2.normative_doc.")).toList();
    assertEquals(3, doc.size());
    assertTrue(doc.stream().allMatch(MappedCell::misaligned), doc.toString());
    assertTrue(m.anomalies().stream().anyMatch(a -> a.rule().equals("row_misaligned")), m.anomalies().toString());
  }

  /** A column whose header matches nothing is never skipped quietly: its cells are named as missing. */
  @Test
  void anUnboundColumnIsReportedWithTheKeysOfEveryRowFound() {
    TableBlock t = grid(
        "勾稽|<|<|申请人情况|<|<|<|<|<|<",
        "^|^|^|自然人|法人或其他组织|<|<|<|<|总计",
        "^|^|^|^|商业企业|科研机构|社会公益组织|律师事务所|其他|^",
        "一、本年新收政府信息公开申请数量|<|<|5|1|0|0|2|0|8",
        "二、上年结转政府信息公开申请数量|<|<|1|0|0|0|0|0|1");
    TableMatch m = mapper.map(mapper.prepare(t), spec("2021", "t3"));
    assertEquals(null, cells(m).get("t3.new_received.legal_service_org"));
    assertEquals("8", cells(m).get("t3.new_received.total").raw());
    Anomaly missing = m.anomalies().stream().filter(a -> a.rule().equals("missing_column")).findFirst().orElseThrow();
    assertEquals(List.of("t3.new_received.legal_service_org", "t3.carried_over.legal_service_org"), missing.keys());
    assertTrue(missing.message().contains("法律服务机构"), missing.message());
    Anomaly unknown = m.anomalies().stream().filter(a -> a.rule().equals("unknown_column")).findFirst().orElseThrow();
    assertTrue(unknown.message().contains("本年新收政府信息公开申请数量 2"), unknown.message());
    assertTrue(m.expected().contains("t3.carry_forward.legal_service_org"));
  }

  @Test
  void aValueMergedDownFromTheRowAboveIsNamedAsMissingNotTakenTwice() {
    TableBlock t = grid(
        "第二十条第（一）项|<|<|<",
        "信息内容|本年制发件数|本年废止件数|现行有效件数",
        "规章|1|0|7",
        "行政规范性文件|2|^|9");
    TableMatch m = mapper.map(mapper.prepare(t), spec("2021", "t2"));
    assertEquals(null, cells(m).get("t2.normative_doc.repealed"));
    Anomaly missing = m.anomalies().stream().filter(a -> a.rule().equals("missing_cell")).findFirst().orElseThrow();
    assertEquals(List.of("t2.normative_doc.repealed"), missing.keys());
    assertTrue(missing.message().contains("行政规范性文件·本年废止件数"), missing.message());
  }

  /**
   * Regression (a Word/WPS export): 自然人 spans its value and an empty column, 商业企业 two value columns;
   * bound by the header grid every 法人 value would shift. Bound by the data rows in header order instead.
   */
  @Test
  void aHeaderGridThatDisagreesWithTheDataRowsIsRealignedAndFlagged() {
    TableBlock t = grid(
        "勾稽|<|<|申请人情况|<|<|<|<|<|<|<|",
        "^|^|^|自然人|<|法人或其他组织|<|<|<|<|总计|",
        "^|^|^|^|^|商业企业|<|科研机构|社会公益组织|法律服务机构|^|其他",
        "一、本年新收政府信息公开申请数量|<|<|5||1|2|3|4|6|21|",
        "二、上年结转政府信息公开申请数量|<|<|1||0|0|0|0|0|1|");
    TableMatch m = mapper.map(mapper.prepare(t), spec("2021", "t3"));
    Map<String, MappedCell> c = cells(m);
    assertEquals("5", c.get("t3.new_received.natural_person").raw());
    assertEquals("1", c.get("t3.new_received.commercial_enterprise").raw());
    assertEquals("2", c.get("t3.new_received.research_institution").raw());
    assertEquals("4", c.get("t3.new_received.legal_service_org").raw());
    assertEquals("6", c.get("t3.new_received.other_org").raw());
    assertEquals("21", c.get("t3.new_received.total").raw());
    assertTrue(c.values().stream().allMatch(MappedCell::realigned));
    assertTrue(m.anomalies().stream().anyMatch(a -> a.rule().equals("header_realigned")), m.anomalies().toString());
  }

  /** Section 四 printed as one row per measure, declared {@code transposed: yes} in the mapping files. */
  @Test
  void aTransposedSectionFourIsReadRowByRow() {
    List<String> rows = new ArrayList<>(List.of("项目|<|<|数量"));
    String[] outcomes = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
    for (int i = 0; i < 5; i++) {
      rows.add((i == 0 ? "行政复议|<" : "^|^") + "|" + outcomes[i] + "|" + i);
    }
    for (String group : List.of("未经复议直接起诉", "复议后起诉")) {
      for (int i = 0; i < 5; i++) {
        String first = group.equals("未经复议直接起诉") && i == 0 ? "行政诉讼" : "^";
        rows.add(first + "|" + (i == 0 ? group : "^") + "|" + outcomes[i] + "|" + (group.length() * 10 + i));
      }
    }
    TableMatch m = mapper.map(mapper.prepare(grid(rows.toArray(String[]::new))), spec("2021", "t4"));
    Map<String, MappedCell> c = cells(m);
    assertEquals(15, c.size(), c.keySet().toString());
    assertEquals("1", c.get("t4.review.corrected").raw());
    assertEquals("80", c.get("t4.suit_direct.upheld").raw());
    assertEquals("54", c.get("t4.suit_after_review.total").raw());
    assertEquals("行政复议", c.get("t4.review.total").rowLabel());
    assertEquals(List.of(), m.anomalies());
  }

  @Test
  void aTransposedSectionFourFlattenedToTextTakesMergedLabelsFromTheRowAbove() {
    SourceRef ref = new SourceRef("t.txt", 0, "line 1");
    List<List<Cell>> rows = new ArrayList<>();
    String[] outcomes = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
    for (String group : List.of("行政复议", "未经复议直接起诉", "复议后起诉")) {
      for (int i = 0; i < 5; i++) {
        int r = rows.size();
        List<Cell> row = new ArrayList<>();
        if (group.equals("未经复议直接起诉") && i == 0) {
          row.add(Cell.of("行政诉讼", r, row.size(), ref));
        } else if (!group.equals("行政复议")) {
          row.add(Cell.of("", r, row.size(), ref));
        }
        row.add(Cell.of(i == 0 ? group : "", r, row.size(), ref));
        row.add(Cell.of(outcomes[i], r, row.size(), ref));
        row.add(Cell.of(Integer.toString(r), r, row.size(), ref));
        rows.add(row);
      }
    }
    TableMatch m = mapper.map(mapper.prepare(new TableBlock(rows, false, ref)), spec("2019", "t4"));
    Map<String, MappedCell> c = cells(m);
    assertEquals(15, c.size(), c.keySet().toString());
    assertEquals("3", c.get("t4.review.pending").raw());
    assertEquals("6", c.get("t4.suit_direct.corrected").raw());
    assertEquals("14", c.get("t4.suit_after_review.total").raw());
  }

  /** Regression: a one-row label cut by a page break, its values in the upper part only, read as one row. */
  @Test
  void aLabelCutByAPageBreakWithItsValuesAboveIsJoined() {
    TableBlock t = paged(5,
        "勾稽|<|<|申请人情况|<|<|<|<|<|<",
        "^|^|^|自然人|法人或其他组织|<|<|<|<|总计",
        "^|^|^|^|商业企业|科研机构|社会公益组织|法律服务机构|其他|^",
        "三、本年度办理结果|（一）予以公开|<|5|1|0|0|0|0|6",
        "^|（二）部分公开（区分处理的，只|<|2|0|0|0|0|1|3",
        "^|计这一情形，不计其他情形）|<|||||||",
        "^|（三）不予公开|1.属于国家秘密|0|0|0|0|0|0|0");
    TableMatch m = mapper.map(mapper.prepare(t), spec("2021", "t3"));
    Map<String, MappedCell> c = cells(m);
    assertEquals("3", c.get("t3.partial.total").raw());
    assertEquals("1", c.get("t3.partial.other_org").raw());
    assertEquals("0", c.get("t3.withheld.state_secret.total").raw());
    assertTrue(m.rowsFound().contains("partial"));
    assertTrue(m.anomalies().stream().noneMatch(a -> a.rule().equals("unknown_row")), m.anomalies().toString());
  }

  /** Regression: two-row-high header cells cut by a page break (结果维 / 持) lost four 行政复议 columns. */
  @Test
  void headerCellsCutByAPageBreakAreRejoined() {
    TableBlock t = paged(2,
        "行政复议|<|<|<|<|行政诉讼|<|<|<|<|<|<|<|<|<",
        "结果维|结果纠|其他结|尚未审|总|未经复议直接起诉|<|<|<|<|复议后起诉|<|<|<|<",
        "持|正|果|结|计|结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计",
        "1|2|0|0|3|0|0|0|0|0|1|0|0|0|1");
    TableMatch m = mapper.map(mapper.prepare(t), spec("2021", "t4"));
    Map<String, MappedCell> c = cells(m);
    assertEquals(15, c.size(), c.keySet().toString());
    assertEquals("1", c.get("t4.review.upheld").raw());
    assertEquals("2", c.get("t4.review.corrected").raw());
    assertEquals("3", c.get("t4.review.total").raw());
    assertEquals("1", c.get("t4.suit_after_review.total").raw());
  }

  /**
   * huaian-2024 scanned: OCR read 未经复议直接起诉 as 米经复议直接起诉, and its five columns went missing. On a
   * scan the misread label names its columns, flagged and named in one finding; in a text document a header
   * is taken as printed.
   */
  @Test
  void aHeaderLabelMisreadByOcrStillNamesItsColumnsFlagged() {
    TableBlock t = grid(
        "行政复议|<|<|<|<|行政诉讼|<|<|<|<|<|<|<|<|<",
        "结果维持|结果纠正|其他结果|尚未审结|总计|米经复议直接起诉|<|<|<|<|复议后起诉|<|<|<|<",
        "^|^|^|^|^|结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计",
        "1|2|0|0|3|4|5|6|7|22|1|0|0|0|1");
    Map<String, MappedCell> scanned = cells(mapper.map(mapper.prepare(t, true), spec("2021", "t4")));
    assertEquals(15, scanned.size(), scanned.keySet().toString());
    assertEquals("5", scanned.get("t4.suit_direct.corrected").raw());
    assertEquals("22", scanned.get("t4.suit_direct.total").raw());
    assertTrue(scanned.get("t4.suit_direct.upheld").fuzzy());
    assertFalse(scanned.get("t4.review.upheld").fuzzy());
    TableMatch m = mapper.map(mapper.prepare(t, true), spec("2021", "t4"));
    List<Anomaly> findings = m.anomalies().stream().filter(a -> a.rule().equals("fuzzy_label")).toList();
    assertEquals(1, findings.size());
    assertEquals(5, findings.get(0).keys().size());
    assertTrue(findings.get(0).message().contains("米经复议直接起诉"), findings.get(0).message());

    Map<String, MappedCell> printed = cells(mapper.map(mapper.prepare(t), spec("2021", "t4")));
    assertFalse(printed.containsKey("t4.suit_direct.corrected"), printed.keySet().toString());
  }

  /** Two values under one header column that the header's order cannot rebind are never guessed. */
  @Test
  void aHeaderOverTwoValueColumnsThatCannotBeRealignedLeavesTheCellsEmpty() {
    TableBlock t = grid(
        "勾稽|<|<|申请人情况|<|<|<|<|<|<|<|",
        "^|^|^|自然人|<|法人或其他组织|<|<|<|<|总计|",
        "^|^|^|^|^|商业企业|<|科研机构|社会公益组织|法律服务机构|^|其他",
        "一、本年新收政府信息公开申请数量|<|<|5|9|1|2|3|4|6|21|",
        "二、上年结转政府信息公开申请数量|<|<|1|0|0|0|0|0|0|1|");
    TableMatch m = mapper.map(mapper.prepare(t), spec("2021", "t3"));
    assertTrue(m.cells().stream().allMatch(MappedCell::misaligned), m.cells().toString());
    assertTrue(m.anomalies().stream().anyMatch(a -> a.rule().equals("header_misaligned")
        && a.keys().contains("t3.carried_over.total")), m.anomalies().toString());
  }
}
