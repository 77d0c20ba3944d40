package org.nianbao.write;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Messages;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;
import org.nianbao.model.Status;

/**
 * Writes {@code nianbao.xlsx}: a {@code Reports} sheet (the reports.csv row model), one wide sheet per era
 * present and an {@code Anomalies} sheet whose rows link to the cell they are about. A cell named by an
 * error anomaly is filled red with a comment naming the rule; a cell with a fix worth checking is filled
 * amber (blank, unreadable) or yellow; spaces trimmed or a sign read change nothing and colour nothing.
 * The workbook is streamed (SXSSF): reports arrive one at a time and all sheets grow side by side, so a
 * run of any size needs only a window of rows in memory. Cell comments are the exception: POI keeps them
 * in memory until the end, which is why only filled cells get one.
 */
public final class XlsxWriter {
  public static final String FILE = "nianbao.xlsx";
  /** Rows above the data of every sheet: the labels in the run's language, then the stable column codes. */
  public static final int HEADER_ROWS = 2;

  /** Excel refuses longer cell text; POI throws rather than truncate. */
  private static final int MAX_TEXT = 32_767;

  /** Normalisations that leave nothing to check (spaces around a number, a sign): no fill, no comment. */
  private static final Set<Flag> HARMLESS = EnumSet.of(Flag.WHITESPACE, Flag.SIGNED);

  /** Rows SXSSF keeps in memory per sheet before flushing them to its temporary file. */
  private static final int WINDOW = 200;

  private XlsxWriter() {}

  /**
   * Writes the workbook atomically.
   *
   * @param layouts the wide layouts of the eras present, in sheet order
   * @param reports the reports in file order, read once
   */
  public static void write(Path file, List<WideLayout> layouts, Iterator<Report> reports) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    // POI's own temporary files go beside the workbook (the run's staging folder), not to the system's
    TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
    SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
    wb.setCompressTempFiles(true);
    try {
      new Book(wb, layouts).fill(reports);
      try (OutputStream out = Files.newOutputStream(tmp)) {
        wb.write(out);
      }
      OutputFiles.makeReadable(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      wb.close();
      Files.deleteIfExists(tmp);
    }
  }

  /** The sheets of one workbook being written, with their next free row. */
  private static final class Book {
    private final SXSSFWorkbook wb;
    private final CreationHelper helper;
    private final Sheet reportsSheet;
    private final Sheet anomaliesSheet;
    private final Map<String, Wide> wides = new LinkedHashMap<>();
    private final Map<Status, CellStyle> statusStyles = new EnumMap<>(Status.class);
    private final CellStyle header;
    private final CellStyle doubtful;
    private final CellStyle fixed;
    private final CellStyle error;
    private final CellStyle wrapped;
    private int reportRows = HEADER_ROWS;
    private int anomalyRows = HEADER_ROWS;

    /** One era's sheet, its layout, its drawing (for comments) and its next free row. */
    private static final class Wide {
      final WideLayout layout;
      final Sheet sheet;
      final Drawing<?> drawing;
      int next = 2;

      Wide(WideLayout layout, Sheet sheet) {
        this.layout = layout;
        this.sheet = sheet;
        this.drawing = sheet.createDrawingPatriarch();
      }
    }

    Book(SXSSFWorkbook wb, List<WideLayout> layouts) {
      this.wb = wb;
      this.helper = wb.getCreationHelper();
      Font bold = wb.createFont();
      bold.setBold(true);
      header = wb.createCellStyle();
      header.setFont(bold);
      wrapped = wb.createCellStyle();
      wrapped.setFont(bold);
      wrapped.setWrapText(true);
      wrapped.setVerticalAlignment(VerticalAlignment.TOP);
      statusStyles.put(Status.OK, fill(IndexedColors.LIGHT_GREEN, null));
      statusStyles.put(Status.ANOMALIES, fill(IndexedColors.ROSE, null));
      statusStyles.put(Status.PARTIAL, fill(IndexedColors.LIGHT_ORANGE, null));
      statusStyles.put(Status.UNRECOGNIZED, fill(IndexedColors.GREY_25_PERCENT, null));
      Font white = wb.createFont();
      white.setColor(IndexedColors.WHITE.getIndex());
      statusStyles.put(Status.FAILED, fill(IndexedColors.DARK_RED, white));
      statusStyles.put(Status.SKIPPED, fill(IndexedColors.GREY_25_PERCENT, null));
      doubtful = fill(IndexedColors.LIGHT_ORANGE, null);
      fixed = fill(IndexedColors.LIGHT_YELLOW, null);
      error = fill(IndexedColors.ROSE, null);

      reportsSheet = wb.createSheet(Messages.text("sheet.reports"));
      headerRow(reportsSheet, 0, labels(CsvRows.REPORTS_HEADER), wrapped);
      headerRow(reportsSheet, 1, CsvRows.REPORTS_HEADER, header);
      reportsSheet.createFreezePane(0, HEADER_ROWS);
      widths(reportsSheet, CsvRows.REPORTS_HEADER.length, 18);
      print(reportsSheet);
      for (WideLayout layout : layouts) {
        Wide wide = new Wide(layout, wb.createSheet(layout.format()));
        headerRow(wide.sheet, 0, layout.labelHeader(), wrapped);
        headerRow(wide.sheet, 1, layout.keyHeader(), header);
        wide.sheet.createFreezePane(WideLayout.LEADING.length, HEADER_ROWS);
        widths(wide.sheet, layout.keyHeader().length, 14);
        print(wide.sheet);
        wides.put(layout.format(), wide);
      }
      anomaliesSheet = wb.createSheet(Messages.text("sheet.anomalies"));
      headerRow(anomaliesSheet, 0, labels(CsvRows.ANOMALIES_HEADER), wrapped);
      headerRow(anomaliesSheet, 1, CsvRows.ANOMALIES_HEADER, header);
      anomaliesSheet.createFreezePane(0, HEADER_ROWS);
      widths(anomaliesSheet, CsvRows.ANOMALIES_HEADER.length, 18);
      anomaliesSheet.setColumnWidth(9, 80 * 256);
      print(anomaliesSheet);
      glossary(wb.createSheet(Messages.text("sheet.glossary")));
    }

    /** Column labels in the run's language ({@code column.<name>}). */
    private static String[] labels(String[] names) {
      String[] out = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        out[i] = Messages.textOr("column." + names[i], names[i]);
      }
      return out;
    }

    /** Prints landscape, fit to the page width, the two header rows on every page. */
    private static void print(Sheet sheet) {
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
      sheet.setFitToPage(true);
      sheet.setAutobreaks(true);
      sheet.setRepeatingRows(new CellRangeAddress(0, HEADER_ROWS - 1, -1, -1));
    }

    /** The meaning of every status, severity, rule and flag code the other sheets use. */
    private void glossary(Sheet sheet) {
      headerRow(sheet, 0, new String[] {Messages.text("glossary.kind"), Messages.text("glossary.code"),
          Messages.text("glossary.meaning")}, wrapped);
      sheet.setColumnWidth(0, 12 * 256);
      sheet.setColumnWidth(1, 34 * 256);
      sheet.setColumnWidth(2, 90 * 256);
      print(sheet);
      int r = 1;
      for (Status s : Status.values()) {
        r = glossaryRow(sheet, r, "glossary.status", s.code(), Messages.text("status." + s.code()));
      }
      for (Severity s : Severity.values()) {
        r = glossaryRow(sheet, r, "glossary.severity", s.code(), Messages.text("severity." + s.code()));
      }
      for (String rule : Messages.ruleCodes()) {
        r = glossaryRow(sheet, r, "glossary.rule", rule, Messages.ruleName(rule));
      }
      for (Flag f : Flag.values()) {
        r = glossaryRow(sheet, r, "glossary.flag", f.code(), Messages.flag(f));
      }
    }

    private static int glossaryRow(Sheet sheet, int index, String kind, String code, String meaning) {
      Row row = sheet.createRow(index);
      row.createCell(0).setCellValue(Messages.text(kind));
      row.createCell(1).setCellValue(code);
      row.createCell(2).setCellValue(meaning);
      return index + 1;
    }

    /** Streaming sheets cannot size columns to their content afterwards; give every column a readable width. */
    private static void widths(Sheet sheet, int columns, int chars) {
      for (int c = 0; c < columns; c++) {
        sheet.setColumnWidth(c, chars * 256);
      }
    }

    void fill(Iterator<Report> reports) {
      while (reports.hasNext()) {
        Report r = reports.next();
        reportRow(r);
        Wide wide = wides.get(r.format());
        int wideRow = -1;
        CellValue[] cells = null;
        if (wide != null) {
          wideRow = wide.next++;
          cells = wide.layout.cellsOf(r);
          wideRow(wide, wideRow, r, cells);
        }
        for (Anomaly a : r.anomalies()) {
          anomalyRow(r, a, wide, wideRow, cells);
        }
      }
      filter(reportsSheet, 1, reportRows, CsvRows.REPORTS_HEADER.length);
      for (Wide wide : wides.values()) {
        filter(wide.sheet, 1, wide.next, wide.layout.keyHeader().length);
      }
      filter(anomaliesSheet, 1, anomalyRows, CsvRows.ANOMALIES_HEADER.length);
    }

    /** The reports.csv fields as typed cells: numbers numeric, the status coloured. */
    private void reportRow(Report r) {
      Row row = reportsSheet.createRow(reportRows++);
      String[] fields = CsvRows.reportFields(r);
      for (int i = 0; i < fields.length; i++) {
        String name = CsvRows.REPORTS_HEADER[i];
        if (name.equals("status")) {
          Cell status = row.createCell(i);
          status.setCellValue(fields[i]);
          status.setCellStyle(statusStyles.get(r.status()));
        } else if (CsvRows.REPORTS_NUMERIC.contains(name)) {
          number(row, i, fields[i]);
        } else {
          text(row, i, fields[i]);
        }
      }
    }

    private void wideRow(Wide wide, int rowIndex, Report r, CellValue[] cells) {
      Row row = wide.sheet.createRow(rowIndex);
      text(row, 0, r.id().text());
      text(row, 1, r.source());
      text(row, 2, r.agency());
      year(row, 3, r);
      Map<String, List<Anomaly>> errors = new HashMap<>();
      for (Anomaly a : r.anomalies()) {
        if (a.severity() == Severity.ERROR) {
          a.keys().forEach(k -> errors.computeIfAbsent(k, x -> new ArrayList<>()).add(a));
        }
      }
      for (int i = 0; i < cells.length; i++) {
        CellValue c = cells[i];
        if (c == null) {
          continue;
        }
        Cell cell = row.createCell(WideLayout.LEADING.length + i);
        BigDecimal value = c.value();
        if (value != null) {
          cell.setCellValue(value.doubleValue());
        }
        List<Anomaly> failed = errors.getOrDefault(c.key(), List.of());
        boolean flagged = c.flags().stream().anyMatch(f -> !HARMLESS.contains(f));
        if (!failed.isEmpty()) {
          cell.setCellStyle(error);
        } else if (flagged) {
          boolean doubt = c.flags().contains(Flag.BLANK) || c.flags().contains(Flag.UNPARSEABLE);
          cell.setCellStyle(doubt ? doubtful : fixed);
        }
        if (!failed.isEmpty() || flagged) {
          cell.setCellComment(comment(wide.drawing, cell, c, failed));
        }
      }
    }

    private Comment comment(Drawing<?> drawing, Cell cell, CellValue c, List<Anomaly> failed) {
      ClientAnchor anchor = helper.createClientAnchor();
      anchor.setCol1(cell.getColumnIndex());
      anchor.setCol2(cell.getColumnIndex() + 3);
      anchor.setRow1(cell.getRowIndex());
      anchor.setRow2(cell.getRowIndex() + 4);
      Comment comment = drawing.createCellComment(anchor);
      StringBuilder text = new StringBuilder();
      for (Anomaly a : failed) {
        text.append(Messages.text("comment.error", Messages.ruleName(a.rule()), a.message())).append('\n');
      }
      text.append(Messages.text("comment.raw", c.raw()));
      if (!c.flags().isEmpty()) {
        text.append('\n').append(Messages.text("comment.flags",
            String.join(Messages.text("list.separator"), c.flags().stream().sorted().map(Messages::flag).toList())));
      }
      if (c.page() != 0) {
        text.append('\n').append(Messages.text("comment.page", c.page()));
      }
      comment.setString(helper.createRichTextString(clip(text.toString())));
      comment.setAuthor("nianbao");
      return comment;
    }

    private void anomalyRow(Report r, Anomaly a, Wide wide, int wideRow, CellValue[] cells) {
      Row row = anomaliesSheet.createRow(anomalyRows++);
      text(row, 0, r.id().text());
      text(row, 1, r.source());
      text(row, 2, r.agency());
      year(row, 3, r);
      text(row, 4, a.severity().code());
      Cell rule = row.createCell(5);
      rule.setCellValue(a.rule());
      text(row, 6, a.keysText());
      number(row, 7, a.expected());
      number(row, 8, a.actual());
      text(row, 9, a.message());
      if (a.page() != 0) {
        row.createCell(10).setCellValue(a.page());
      }
      if (wide == null || a.keys().isEmpty()) {
        return;
      }
      int column = wide.layout.columnOf(a.keys().get(0));
      if (column < 0 || cells[column - WideLayout.LEADING.length] == null) {
        return;
      }
      Hyperlink link = helper.createHyperlink(HyperlinkType.DOCUMENT);
      link.setAddress("'" + wide.layout.format() + "'!" + new CellReference(wideRow, column).formatAsString());
      rule.setHyperlink(link);
    }

    private CellStyle fill(IndexedColors color, Font font) {
      CellStyle style = wb.createCellStyle();
      style.setFillForegroundColor(color.getIndex());
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      if (font != null) {
        style.setFont(font);
      }
      return style;
    }

    private static void headerRow(Sheet sheet, int index, String[] names, CellStyle style) {
      Row row = sheet.createRow(index);
      for (int i = 0; i < names.length; i++) {
        Cell cell = row.createCell(i);
        cell.setCellValue(names[i]);
        cell.setCellStyle(style);
      }
    }

    private static void filter(Sheet sheet, int headerRow, int end, int width) {
      sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, end - 1), 0, width - 1));
    }

    private static void text(Row row, int column, String value) {
      if (!value.isEmpty()) {
        row.createCell(column).setCellValue(clip(value));
      }
    }

    private static void year(Row row, int column, Report r) {
      if (r.year() != null) {
        row.createCell(column).setCellValue(r.year());
      }
    }

    /** Numbers an anomaly compares are numeric cells when they parse, text otherwise. */
    private static void number(Row row, int column, String value) {
      if (value.isEmpty()) {
        return;
      }
      try {
        row.createCell(column).setCellValue(new BigDecimal(value).doubleValue());
      } catch (NumberFormatException e) {
        row.createCell(column).setCellValue(clip(value));
      }
    }

    private static String clip(String s) {
      return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
  }
}
