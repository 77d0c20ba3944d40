package org.nianbao.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.model.CellValue;
import org.nianbao.model.Report;

/**
 * The wide table of one format era: one row per report, the report's identity first, then one column per
 * canonical key of the era in catalogue order. The lg era's {@code .cumulative} keys have no catalogue
 * row of their own (a 历年累计 column doubles every lg row), so only those a run actually met are added,
 * each right after its base key.
 *
 * @param format the era code: {@code 2021}, {@code 2019}, {@code lg} or {@code s14}
 * @param columns the key columns, in order
 */
public record WideLayout(String format, List<Column> columns) {
  /** The eras that get a wide table, in the order their sheets and files appear. */
  public static final List<String> FORMATS = List.of("2021", "2019", "lg", "s14");

  public static final String CUMULATIVE = ".cumulative";

  /** The identity columns every wide row starts with. */
  public static final String[] LEADING = {"report_id", "source", "agency", "year"};

  private static final String[] LEADING_LABELS = {"报告编号", "来源", "发布机关", "年度"};

  /** One key column with the template's printed labels. */
  public record Column(String key, String rowLabel, String columnLabel) {
    public Column {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(rowLabel, "rowLabel");
      Objects.requireNonNull(columnLabel, "columnLabel");
    }

    /** The label a reader of the template recognizes: row label / column label. */
    public String label() {
      return columnLabel.isEmpty() ? rowLabel : rowLabel + " / " + columnLabel;
    }
  }

  public WideLayout {
    Objects.requireNonNull(format, "format");
    columns = List.copyOf(columns);
  }

  /**
   * The layout of one era.
   *
   * @param seenKeys keys met in this era's reports; only their {@code .cumulative} ones matter here
   */
  public static WideLayout of(String format, Set<String> seenKeys) {
    List<Column> columns = new ArrayList<>();
    for (KeyCatalog.Entry e : KeyCatalog.get().entriesOf(format)) {
      columns.add(new Column(e.key(), e.rowLabel(), e.columnLabel()));
      String cumulative = e.key() + CUMULATIVE;
      if (seenKeys.contains(cumulative)) {
        columns.add(new Column(cumulative, e.rowLabel(), "历年累计"));
      }
    }
    return new WideLayout(format, columns);
  }

  /** The file name of this era's wide CSV. */
  public String csvName() {
    return "wide-" + format + ".csv";
  }

  /** The machine header: the identity column names, then the keys. */
  public String[] keyHeader() {
    String[] header = new String[LEADING.length + columns.size()];
    System.arraycopy(LEADING, 0, header, 0, LEADING.length);
    for (int i = 0; i < columns.size(); i++) {
      header[LEADING.length + i] = columns.get(i).key();
    }
    return header;
  }

  /** The human header: the Chinese labels, aligned with {@link #keyHeader()}. */
  public String[] labelHeader() {
    String[] header = new String[LEADING.length + columns.size()];
    System.arraycopy(LEADING_LABELS, 0, header, 0, LEADING.length);
    for (int i = 0; i < columns.size(); i++) {
      header[LEADING.length + i] = columns.get(i).label();
    }
    return header;
  }

  /** The 0-based column of a key in a wide row, or -1 when the layout has no such column. */
  public int columnOf(String key) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).key().equals(key)) {
        return LEADING.length + i;
      }
    }
    return -1;
  }

  /**
   * The report's cells by column, {@code null} where it has none. A key met twice (a table printed twice)
   * keeps its first cell in locator order, the one cells.csv lists first.
   */
  public CellValue[] cellsOf(Report r) {
    Map<String, CellValue> byKey = new HashMap<>();
    r.cells().stream()
        .sorted((a, b) -> a.locator().compareTo(b.locator()))
        .forEach(c -> byKey.putIfAbsent(c.key(), c));
    CellValue[] row = new CellValue[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      row[i] = byKey.get(columns.get(i).key());
    }
    return row;
  }

  /** The report's wide CSV row, neutralized like every other CSV field. */
  public String[] csvRow(Report r) {
    CellValue[] cells = cellsOf(r);
    String[] row = new String[LEADING.length + cells.length];
    row[0] = r.id().hex();
    row[1] = FormulaGuard.neutralize(r.source());
    row[2] = FormulaGuard.neutralize(r.agency());
    row[3] = r.yearText();
    for (int i = 0; i < cells.length; i++) {
      row[LEADING.length + i] = cells[i] == null ? "" : cells[i].valueText();
    }
    return row;
  }

  /** The {@code .cumulative} keys of a report, to collect before the layouts are built. */
  public static Set<String> cumulativeKeys(Report r) {
    Set<String> keys = new TreeSet<>();
    for (CellValue c : r.cells()) {
      if (c.key().endsWith(CUMULATIVE)) {
        keys.add(c.key());
      }
    }
    return keys;
  }
}
