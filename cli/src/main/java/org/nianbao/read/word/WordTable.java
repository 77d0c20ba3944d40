package org.nianbao.read.word;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as stored: rows of placed cells, plus the tables nested inside its cells, which become blocks of
 * their own right after it so that their text is not repeated in the outer cell.
 *
 * @param gridWidth the declared column count ({@code w:tblGrid}, or the DOC edge count), a lower bound
 */
record WordTable(List<List<WordCell>> rows, int gridWidth, List<WordTable> nested) implements WordBlock {
  WordTable {
    List<List<WordCell>> copy = new ArrayList<>(rows.size());
    for (List<WordCell> row : rows) {
      copy.add(List.copyOf(row));
    }
    rows = List.copyOf(copy);
    nested = List.copyOf(nested);
    if (gridWidth < 0) {
      throw new IllegalArgumentException("grid width " + gridWidth);
    }
  }
}
