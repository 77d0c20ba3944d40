package org.nianbao.read.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.read.pdf.PdfTestSupport.anchor;
import static org.nianbao.read.pdf.PdfTestSupport.compact;
import static org.nianbao.read.pdf.PdfTestSupport.gold;
import static org.nianbao.read.pdf.PdfTestSupport.readReal;
import static org.nianbao.read.pdf.PdfTestSupport.rowsCovered;
import static org.nianbao.read.pdf.PdfTestSupport.tableWith;
import static org.nianbao.read.pdf.PdfTestSupport.valuesAfter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Heading;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

/** The two real WPS-made reports in {@code shared/corpus-real}, checked against their gold files. */
class RealPdfTest {
  private static final List<String> T3_COLUMNS = List.of("natural_person", "commercial_enterprise",
      "research_institution", "public_interest_org", "legal_service_org", "other_org", "total");
  private static final List<String> T4_GROUPS = List.of("review", "suit_direct", "suit_after_review");
  private static final List<String> T4_OUTCOMES = List.of("upheld", "corrected", "other", "pending", "total");
  private static final Pattern TWO_NUMBERS = Pattern.compile(".*\\d[\\s\\u3000]+\\d.*");

  @ParameterizedTest
  @ValueSource(strings = {"huaian-2024", "hongze-2023"})
  void section3NewApplicationsAreSevenSeparateCells(String name) throws Exception {
    SourceDocument doc = readReal(name);
    Map<String, String> gold = gold(name);
    List<String> values = valuesAfter(doc, "一、本年新收政府信息公开申请数量");
    assertEquals(T3_COLUMNS.stream().map(c -> gold.get("t3.new_received." + c)).toList(), values);
  }

  @ParameterizedTest
  @ValueSource(strings = {"huaian-2024", "hongze-2023"})
  void section4HasFifteenValueCells(String name) throws Exception {
    SourceDocument doc = readReal(name);
    Map<String, String> gold = gold(name);
    TableBlock table = tableWith(doc, "行政复议");
    List<Cell> last = table.rows().get(table.rowCount() - 1);
    assertEquals(15, last.size());
    assertTrue(last.stream().noneMatch(Cell::isCopy), "every value is its own cell");
    List<String> expected = T4_GROUPS.stream()
        .flatMap(g -> T4_OUTCOMES.stream().map(o -> gold.get("t4." + g + "." + o)))
        .toList();
    assertEquals(expected, last.stream().map(Cell::text).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"huaian-2024", "hongze-2023"})
  void section2ValuesIncludingTheRowsContinuedOnTheNextPage(String name) throws Exception {
    SourceDocument doc = readReal(name);
    Map<String, String> gold = gold(name);
    assertEquals(List.of(gold.get("t2.regulation.issued"), gold.get("t2.regulation.repealed"),
        gold.get("t2.regulation.in_force")), valuesAfter(doc, "规章"));
    assertEquals(List.of(gold.get("t2.normative_doc.issued"), gold.get("t2.normative_doc.repealed"),
        gold.get("t2.normative_doc.in_force")), valuesAfter(doc, "行政规范性文件"));
    assertEquals(List.of(gold.get("t2.license.decisions")), valuesAfter(doc, "行政许可"));
    assertEquals(List.of(gold.get("t2.penalty.decisions")), valuesAfter(doc, "行政处罚"));
    assertEquals(List.of(gold.get("t2.coercion.decisions")), valuesAfter(doc, "行政强制"));
    List<String> fee = valuesAfter(doc, "行政事业性收费");
    assertEquals(1, fee.size());
    assertEquals(0, new BigDecimal(gold.get("t2.fee.amount_wan")).compareTo(new BigDecimal(fee.get(0))));
    assertEquals(1, doc.tables().stream().filter(t -> t.rows().stream().flatMap(List::stream)
        .anyMatch(c -> compact(c.text()).equals("规章") || compact(c.text()).equals("行政处罚"))).count(),
        "section 二 is one table although it runs over a page break");
  }

  @ParameterizedTest
  @ValueSource(strings = {"huaian-2024", "hongze-2023"})
  void verticalResultLabelIsOneMergedCell(String name) throws Exception {
    SourceDocument doc = readReal(name);
    Cell label = anchor(doc, "三、本年度办理结果").orElseThrow();
    assertEquals("三、本年度办理结果", label.text());
    // 22 result rows in huaian-2024; hongze-2023 prints （六） as one row, so 20
    assertTrue(rowsCovered(doc, label) >= 20, "covers the result rows: " + rowsCovered(doc, label));
  }

  @ParameterizedTest
  @ValueSource(strings = {"huaian-2024", "hongze-2023"})
  void labelCutByThePageBreakIsRejoined(String name) throws Exception {
    SourceDocument doc = readReal(name);
    Cell label = anchor(doc, "（四）无法提供").orElseThrow();
    assertEquals(3, rowsCovered(doc, label));
    List<Integer> pages = doc.tables().stream()
        .flatMap(t -> t.rows().stream())
        .flatMap(List::stream)
        .filter(c -> c.anchorRow() == label.row() && c.anchorCol() == label.col() && c.text().equals(label.text()))
        .map(c -> c.ref().page())
        .distinct()
        .toList();
    assertEquals(2, pages.size(), "the label's rows lie on both sides of the page break");
  }

  @ParameterizedTest
  @ValueSource(strings = {"huaian-2024", "hongze-2023"})
  void noCellHoldsTwoNumbers(String name) throws Exception {
    for (TableBlock t : readReal(name).tables()) {
      for (List<Cell> row : t.rows()) {
        for (Cell c : row) {
          assertFalse(TWO_NUMBERS.matcher(c.text()).matches(), "glued numbers in " + c);
          assertTrue(c.ref().page() > 0, "page on every cell");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"huaian-2024", "hongze-2023"})
  void sectionHeadingsAreOwnBlocksAndPageNumbersAreDropped(String name) throws Exception {
    SourceDocument doc = readReal(name);
    for (String heading : List.of("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况")) {
      assertTrue(doc.blocks().stream().anyMatch(b -> b instanceof Heading h && compact(h.text()).equals(heading)),
          heading);
    }
    for (Block b : doc.blocks()) {
      if (!(b instanceof TableBlock)) {
        String text = b instanceof Heading h ? h.text() : ((org.nianbao.source.Paragraph) b).text();
        assertFalse(Pattern.compile("-\\s*\\d\\s*-").matcher(text).find(), "page number in " + b);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"huaian-2024", "hongze-2023"})
  void titleComesFromTheInfoDictionary(String name) throws Exception {
    assertTrue(readReal(name).metadata().get("title").contains("政府信息公开工作年度报告"));
  }
}
