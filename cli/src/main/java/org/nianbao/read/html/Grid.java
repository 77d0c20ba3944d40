package org.nianbao.read.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nianbao.source.Cell;
import org.nianbao.source.SourceRef;

/** Expands HTML table rows with colspan/rowspan into a rectangular grid of cells. */
final class Grid {
  /** The HTML standard's own ceiling for colspan; anything above is a typo, not a layout. */
  static final int MAX_COLSPAN = 1000;

  private Grid() {}

  /**
   * One {@code <td>}/{@code <th>} as written: its text and spans. A rowspan of 0 means "to the end of the
   * table", as in HTML.
   */
  record SpanCell(String text, int rowspan, int colspan) {
    SpanCell {
      Objects.requireNonNull(text, "text");
      if (rowspan < 0 || colspan < 1) {
        throw new IllegalArgumentException("bad spans " + rowspan + "/" + colspan);
      }
    }
  }

  /**
   * Places every cell at the first free column of its row (slots taken by rowspans from above are
   * skipped), copies merged cells into every slot they cover, and pads short rows with empty cells.
   * Rowspans are cut at the table end. Trailing columns in which no cell is anchored exist only through
   * an overshooting colspan and are dropped: nothing was printed there.
   *
   * @param tableRef the table's reference; cell locators become {@code "<locator> r1c1"} (1-based)
   */
  static List<List<Cell>> expand(List<List<SpanCell>> rows, SourceRef tableRef) {
    int rowCount = rows.size();
    List<List<Cell>> slots = new ArrayList<>(rowCount);
    for (int r = 0; r < rowCount; r++) {
      slots.add(new ArrayList<>());
    }
    int width = 0;
    for (int r = 0; r < rowCount; r++) {
      int c = 0;
      for (SpanCell cell : rows.get(r)) {
        while (get(slots, r, c) != null) {
          c++;
        }
        int rowspan = cell.rowspan() == 0 ? rowCount - r : Math.min(cell.rowspan(), rowCount - r);
        int colspan = Math.min(cell.colspan(), MAX_COLSPAN);
        for (int dr = 0; dr < rowspan; dr++) {
          for (int dc = 0; dc < colspan; dc++) {
            int row = r + dr;
            int col = c + dc;
            // overlapping spans (a table-model error): the cell placed first keeps the slot
            if (get(slots, row, col) == null) {
              put(slots, row, col, new Cell(cell.text(), row, col, r, c, ref(tableRef, row, col)));
            }
          }
        }
        width = Math.max(width, c + 1);
        c += colspan;
      }
    }
    List<List<Cell>> grid = new ArrayList<>(rowCount);
    for (int r = 0; r < rowCount; r++) {
      List<Cell> row = new ArrayList<>(width);
      for (int c = 0; c < width; c++) {
        Cell cell = get(slots, r, c);
        row.add(cell != null ? cell : Cell.of("", r, c, ref(tableRef, r, c)));
      }
      grid.add(row);
    }
    return grid;
  }

  private static SourceRef ref(SourceRef tableRef, int row, int col) {
    return tableRef.withLocator(tableRef.locator() + " r" + (row + 1) + "c" + (col + 1));
  }

  private static Cell get(List<List<Cell>> slots, int row, int col) {
    List<Cell> r = slots.get(row);
    return col < r.size() ? r.get(col) : null;
  }

  private static void put(List<List<Cell>> slots, int row, int col, Cell cell) {
    List<Cell> r = slots.get(row);
    while (r.size() <= col) {
      r.add(null);
    }
    r.set(col, cell);
  }
}
