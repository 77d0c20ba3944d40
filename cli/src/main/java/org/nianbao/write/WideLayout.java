package org.nianbao.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.model.CellValue;
import org.nianbao.model.Messages;
import org.nianbao.model.Report;

/**
 * The wide table of one format era: one row per report, the report's identity first, then one column per
 * canonical key of the era in catalogue order, so that it holds every cell cells.csv holds for the era's
 * reports. Keys a run met beyond the era's catalogue rows are added too: lg's {@code .cumulative} keys
 * (a 历年累计 column doubles every lg row, each right after its base key), another era's keys in a table
 * flagged {@code format_mixed} (a one-row （六）其他处理 in a 2021 report: {@code t3.other.sum.*}), in
 * catalogue order, and keys outside the catalogue ({@code text.*}), sorted, at the end.
 *
 * @param format the era code: {@code 2021}, {@code 2019}, {@code lg} or {@code s14}
 * @param columns the key columns, in order
 */
public record WideLayout(String format, List<Column> columns) {
  /** The eras that get a wide table, in the order their sheets and files appear. */
  public static final List<String> FORMATS = List.of("2021", "2019", "lg", "s14");

  public static final String CUMULATIVE = ".cumulative";

  /** The prefix of the numbers read from a report's prose (README, "Prose numbers"). */
  private static final String TEXT = "text.";

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
   * @param seenKeys keys met in this era's reports ({@link #keysOf})
   */
  public static WideLayout of(String format, Set<String> seenKeys) {
    List<Column> columns = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (KeyCatalog.Entry e : KeyCatalog.get().entries()) {
      if (!e.formats().contains(format) && !seenKeys.contains(e.key())) {
        continue;
      }
      // a key with one catalogue row per era takes this era's labels
      KeyCatalog.Entry own = KeyCatalog.get().entriesOf(format).stream().filter(o -> o.key().equals(e.key()))
          .findFirst().orElse(e);
      columns.add(new Column(e.key(), own.rowLabel(), own.columnLabel()));
      placed.add(e.key());
      String cumulative = e.key() + CUMULATIVE;
      if (seenKeys.contains(cumulative)) {
        columns.add(new Column(cumulative, own.rowLabel(), "历年累计"));
        placed.add(cumulative);
      }
    }
    seenKeys.stream().filter(k -> !placed.contains(k)).sorted()
        .forEach(k -> columns.add(new Column(k, k.startsWith(TEXT) ? "正文所述" : "", k)));
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
    for (int i = 0; i < LEADING.length; i++) {
      header[i] = Messages.textOr("column." + LEADING[i], LEADING_LABELS[i]);
    }
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
    // a key's first cell in locator order (the earlier one of equal locators), found without sorting
    Map<String, CellValue> byKey = new HashMap<>();
    for (CellValue c : r.cells()) {
      byKey.merge(c.key(), c, (kept, other) -> kept.locator().compareTo(other.locator()) <= 0 ? kept : other);
    }
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
    row[0] = r.id().text();
    row[1] = FormulaGuard.neutralize(r.source());
    row[2] = FormulaGuard.neutralize(r.agency());
    row[3] = r.yearText();
    for (int i = 0; i < cells.length; i++) {
      row[LEADING.length + i] = cells[i] == null ? "" : cells[i].valueText();
    }
    return row;
  }

  /**
   * The keys of a report's cells that its era's catalogue does not list (another era's keys, 历年累计
   * columns, {@code text.*}), to collect per era before the layouts are built; small enough to keep per
   * report while a batch runs.
   */
  public static Set<String> keysOf(Report r) {
    Set<String> keys = new TreeSet<>();
    for (CellValue c : r.cells()) {
      boolean own = KeyCatalog.get().entry(c.key()).map(e -> e.formats().contains(r.format())).orElse(false);
      if (!own) {
        keys.add(c.key());
      }
    }
    return keys;
  }
}
