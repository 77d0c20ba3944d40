package org.nianbao.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table as a grid of cells, row by row. Readers that know cell geometry (HTML, Word, ruled PDF) produce
 * an exact grid: every row has the same width and merged cells are expanded ({@code exactGrid = true}).
 * Readers that only see a flattened cell sequence (text dumps) produce rows of varying width with
 * {@code exactGrid = false}; consumers then bind values by order rather than by column position.
 */
public record TableBlock(List<List<Cell>> rows, boolean exactGrid, SourceRef ref) implements Block {
  public TableBlock {
    Objects.requireNonNull(ref, "ref");
    List<List<Cell>> copy = new ArrayList<>(rows.size());
    for (List<Cell> row : rows) {
      copy.add(List.copyOf(row));
    }
    rows = List.copyOf(copy);
    if (exactGrid) {
      int width = copy.isEmpty() ? 0 : copy.get(0).size();
      for (List<Cell> row : copy) {
        if (row.size() != width) {
          throw new IllegalArgumentException("an exact grid needs rows of equal width");
        }
      }
    }
  }

  public int rowCount() {
    return rows.size();
  }

  /** The first page any cell of this table was read from (0 without pages). */
  public int firstPage() {
    return ref.page();
  }
}
