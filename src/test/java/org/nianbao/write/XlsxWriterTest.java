package org.nianbao.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Severity;
import org.nianbao.model.Status;

class XlsxWriterTest {
  @TempDir Path dir;

  static Report report(String source, String format, int year, List<CellValue> cells, List<Anomaly> anomalies) {
    return new Report(ReportId.of(source.getBytes(StandardCharsets.UTF_8)), source, "pdf",
        anomalies.isEmpty() ? Status.OK : Status.ANOMALIES, format, "洪泽区人民政府", year, "报告", cells,
        anomalies, "");
  }

  static CellValue cell(String key, String value, String raw, Set<Flag> flags, int page) {
    return new CellValue(key, value == null ? null : new BigDecimal(value), raw, flags, page, "t3/r1/c1", "行",
        "列");
  }

  private List<Report> sample() {
    Report a = report("a.pdf", "2021", 2021, List.of(
        cell("t3.new_received.natural_person", "12", "12", Set.of(), 3),
        cell("t3.carried_over.natural_person", "0", "00", Set.of(Flag.DOUBLE_ZERO), 3),
        cell("t3.carry_forward.natural_person", null, "", Set.of(Flag.BLANK), 4),
        cell("t3.new_received.total", "13", "\u300013", Set.of(Flag.WHITESPACE), 3)),
        List.of(new Anomaly(Severity.WARNING, "double_zero", List.of("t3.carried_over.natural_person"), "", "", "00", 3),
            new Anomaly(Severity.ERROR, "t3_result_total", List.of("t3.result_total.natural_person",
                "t3.new_received.natural_person"), "12", "0", "t3_result_total: 0 ≠ 12", 3)));
    Report b = report("b.pdf", "2021", 2022, List.of(cell("t3.new_received.natural_person", "7", "7", Set.of(), 1)),
        List.of());
    Report c = report("c.pdf", "s14", 2016, List.of(), List.of());
    Report d = Report.unreadable(ReportId.of(new byte[] {1}), "d.exe", "exe", Status.FAILED, "not a report");
    return List.of(a, b, c, d);
  }

  private XSSFWorkbook written() throws Exception {
    Path file = dir.resolve(XlsxWriter.FILE);
    XlsxWriter.write(file, List.of(WideLayout.of("2021", Set.of()), WideLayout.of("s14", Set.of())),
        sample().iterator());
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  @Test
  void sheetsExistInOrder() throws Exception {
    try (XSSFWorkbook wb = written()) {
      assertEquals(5, wb.getNumberOfSheets());
      assertEquals("报告", wb.getSheetName(0));
      assertEquals("2021", wb.getSheetName(1));
      assertEquals("s14", wb.getSheetName(2));
      assertEquals("异常", wb.getSheetName(3));
      assertEquals("说明", wb.getSheetName(4));
      assertEquals(5, wb.getSheet("报告").getLastRowNum());
      Cell failed = wb.getSheet("报告").getRow(5).getCell(3);
      assertEquals("failed", failed.getStringCellValue());
      assertEquals(IndexedColors.DARK_RED.getIndex(), failed.getCellStyle().getFillForegroundColor());
    }
  }

  @Test
  void wideSheetsHaveTwoHeaderRowsAndOneRowPerReport() throws Exception {
    try (XSSFWorkbook wb = written()) {
      Sheet wide = wb.getSheet("2021");
      assertEquals(2 + 2, wide.getPhysicalNumberOfRows());
      assertEquals("report_id", wide.getRow(1).getCell(0).getStringCellValue());
      assertEquals(1 + 2, wb.getSheet("s14").getPhysicalNumberOfRows());
      int col = WideLayout.of("2021", Set.of()).columnOf("t3.new_received.natural_person");
      assertEquals("t3.new_received.natural_person", wide.getRow(1).getCell(col).getStringCellValue());
      assertTrue(wide.getRow(0).getCell(col).getStringCellValue().contains("自然人"));
      assertNotNull(wide.getPaneInformation());
      assertTrue(wide.getPaneInformation().isFreezePane());
    }
  }

  @Test
  void numbersAreNumericCells() throws Exception {
    try (XSSFWorkbook wb = written()) {
      Sheet wide = wb.getSheet("2021");
      int col = WideLayout.of("2021", Set.of()).columnOf("t3.new_received.natural_person");
      Cell twelve = wide.getRow(2).getCell(col);
      assertEquals(CellType.NUMERIC, twelve.getCellType());
      assertEquals(12.0, twelve.getNumericCellValue());
      assertEquals(7.0, wide.getRow(3).getCell(col).getNumericCellValue());
      assertNull(wide.getRow(3).getCell(col).getCellComment());
      assertEquals(CellType.NUMERIC, wide.getRow(2).getCell(3).getCellType());
    }
  }

  @Test
  void flaggedCellsHaveCommentAndFill() throws Exception {
    try (XSSFWorkbook wb = written()) {
      Sheet wide = wb.getSheet("2021");
      WideLayout layout = WideLayout.of("2021", Set.of());
      Cell zero = wide.getRow(2).getCell(layout.columnOf("t3.carried_over.natural_person"));
      assertEquals(0.0, zero.getNumericCellValue());
      assertEquals(FillPatternType.SOLID_FOREGROUND, zero.getCellStyle().getFillPattern());
      assertEquals(IndexedColors.LIGHT_YELLOW.getIndex(), zero.getCellStyle().getFillForegroundColor());
      String note = zero.getCellComment().getString().getString();
      assertTrue(note.contains("原文：00"), note);
      assertTrue(note.contains("“00”读作 0"), note);
      assertTrue(note.contains("页码：3"), note);
      Cell blank = wide.getRow(2).getCell(layout.columnOf("t3.carry_forward.natural_person"));
      assertEquals(IndexedColors.LIGHT_ORANGE.getIndex(), blank.getCellStyle().getFillForegroundColor());
      assertTrue(blank.getCellComment().getString().getString().contains("空白"));
    }
  }

  @Test
  void cellsNamedByAnErrorAreRedWithTheRuleAndHarmlessFixesStayPlain() throws Exception {
    try (XSSFWorkbook wb = written()) {
      Sheet wide = wb.getSheet("2021");
      WideLayout layout = WideLayout.of("2021", Set.of());
      Cell twelve = wide.getRow(2).getCell(layout.columnOf("t3.new_received.natural_person"));
      assertEquals(IndexedColors.ROSE.getIndex(), twelve.getCellStyle().getFillForegroundColor());
      String note = twelve.getCellComment().getString().getString();
      assertTrue(note.contains("错误（办理结果总计等于各项办理结果之和）") && note.contains("原文：12"), note);
      Cell spaced = wide.getRow(2).getCell(layout.columnOf("t3.new_received.total"));
      assertEquals(13.0, spaced.getNumericCellValue());
      assertEquals(FillPatternType.NO_FILL, spaced.getCellStyle().getFillPattern());
      assertNull(spaced.getCellComment());
    }
  }

  /** Regression: the Reports sheet laid out its own row and left agency_group empty. */
  @Test
  void reportsSheetHoldsTheReportsCsvRowWithTextIdsAndNumericCounts() throws Exception {
    try (XSSFWorkbook wb = written()) {
      Sheet reports = wb.getSheet("报告");
      Report a = sample().get(0);
      String[] csv = CsvRows.reportRow(a);
      for (int i = 0; i < CsvRows.REPORTS_HEADER.length; i++) {
        assertEquals(CsvRows.REPORTS_HEADER[i], reports.getRow(1).getCell(i).getStringCellValue());
        Cell cell = reports.getRow(2).getCell(i);
        String shown = cell == null ? "" : cell.getCellType() == CellType.NUMERIC
            ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue();
        assertEquals(csv[i], shown, CsvRows.REPORTS_HEADER[i]);
      }
      assertEquals("洪泽区人民政府", reports.getRow(2).getCell(12).getStringCellValue());
      assertEquals("状态", reports.getRow(0).getCell(3).getStringCellValue());
      assertTrue(reports.getRow(0).getCell(3).getCellStyle().getWrapText());
      assertTrue(reports.getPrintSetup().getLandscape());
      assertEquals(1, reports.getPrintSetup().getFitWidth());
      assertNotNull(reports.getRepeatingRows());
      Cell id = reports.getRow(2).getCell(0);
      assertEquals(CellType.STRING, id.getCellType());
      assertTrue(id.getStringCellValue().startsWith("sha256:"), id.getStringCellValue());
      assertEquals(CellType.NUMERIC, reports.getRow(2).getCell(8).getCellType());
    }
  }

  @Test
  void anomalyLinksToItsCell() throws Exception {
    try (XSSFWorkbook wb = written()) {
      Sheet anomalies = wb.getSheet("异常");
      assertEquals(3, anomalies.getLastRowNum());
      Cell rule = anomalies.getRow(2).getCell(5);
      assertEquals("double_zero", rule.getStringCellValue());
      int col = WideLayout.of("2021", Set.of()).columnOf("t3.carried_over.natural_person");
      String target = "'2021'!" + new org.apache.poi.ss.util.CellReference(2, col).formatAsString();
      assertEquals(target, rule.getHyperlink().getAddress());
    }
  }

  @Test
  void cumulativeKeysFollowTheirBaseKeyOnlyWhenSeen() {
    WideLayout plain = WideLayout.of("lg", Set.of());
    WideLayout seen = WideLayout.of("lg", Set.of("lg.req.total.cumulative"));
    assertEquals(plain.columns().size() + 1, seen.columns().size());
    assertEquals(seen.columnOf("lg.req.total") + 1, seen.columnOf("lg.req.total.cumulative"));
    assertEquals(-1, plain.columnOf("lg.req.total.cumulative"));
  }

  /** Regression: a key listed for two eras kept only one era's catalogue row, so wide-2021 lacked it. */
  @Test
  void keysOfTwoErasAreInBothWideLayoutsWithTheirOwnLabels() {
    for (String key : List.of("t2.license.decisions", "t2.penalty.decisions", "t2.coercion.decisions")) {
      assertTrue(WideLayout.of("2021", Set.of()).columnOf(key) >= 0, key);
      assertTrue(WideLayout.of("2019", Set.of()).columnOf(key) >= 0, key);
    }
    WideLayout y2021 = WideLayout.of("2021", Set.of());
    int col = y2021.columnOf("t2.license.decisions");
    assertEquals("行政许可 / 本年处理决定数量", y2021.labelHeader()[col]);
    WideLayout y2019 = WideLayout.of("2019", Set.of());
    assertEquals("行政许可 / 处理决定数量", y2019.labelHeader()[y2019.columnOf("t2.license.decisions")]);
  }

  @Test
  void wideLayoutHoldsEveryKeyTheEraReportsHold() {
    Set<String> seen = Set.of("t3.other.sum.total", "t3.other.sum.natural_person", "text.req.received",
        "t3.new_received.total");
    WideLayout layout = WideLayout.of("2021", seen);
    for (String key : seen) {
      assertTrue(layout.columnOf(key) >= 0, key);
    }
    assertEquals(layout.columnOf("t3.other.other.total") + 1, layout.columnOf("t3.other.sum.natural_person"));
    assertEquals(layout.keyHeader().length - 1, layout.columnOf("text.req.received"));
    Report r = report("m.txt", "2021", 2023, List.of(
        new CellValue("text.req.received", new BigDecimal("9"), "全年共受理申请9件。", Set.of(Flag.FROM_TEXT), 0,
            "p 3", "收到/受理申请（件）", ""),
        cell("t3.other.sum.total", "4", "4", Set.of(), 0)), List.of());
    String[] row = layout.csvRow(r);
    assertEquals("9", row[layout.columnOf("text.req.received")]);
    assertEquals("4", row[layout.columnOf("t3.other.sum.total")]);
    assertEquals(Set.of("text.req.received", "t3.other.sum.total"), WideLayout.keysOf(r));
  }

  @Test
  void csvRowHoldsValuesInKeyOrder() {
    WideLayout layout = WideLayout.of("2021", Set.of());
    String[] row = layout.csvRow(sample().get(0));
    assertEquals(layout.keyHeader().length, row.length);
    assertEquals("a.pdf", row[1]);
    assertEquals("2021", row[3]);
    assertEquals("12", row[layout.columnOf("t3.new_received.natural_person")]);
    assertEquals("0", row[layout.columnOf("t3.carried_over.natural_person")]);
    assertEquals("", row[layout.columnOf("t3.carry_forward.natural_person")]);
  }
}
