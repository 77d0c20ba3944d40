package org.nianbao.source;

import java.util.Objects;

/**
 * One position of a table grid. A merged cell is expanded into every grid position it covers; all of
 * them carry the anchor's text and point at the anchor through {@code anchorRow}/{@code anchorCol}, so a
 * consumer can tell a merged copy ({@link #isCopy()}) from the cell that was printed.
 *
 * @param text the cell's text exactly as read (line breaks inside the cell kept as {@code \n})
 */
public record Cell(String text, int row, int col, int anchorRow, int anchorCol, SourceRef ref) {
  public Cell {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ref, "ref");
    if (anchorRow > row || anchorCol > col || anchorRow < 0 || anchorCol < 0) {
      throw new IllegalArgumentException(
          "anchor (" + anchorRow + "," + anchorCol + ") must be above-left of (" + row + "," + col + ")");
    }
  }

  /** A cell that is its own anchor. */
  public static Cell of(String text, int row, int col, SourceRef ref) {
    return new Cell(text, row, col, row, col, ref);
  }

  public boolean isCopy() {
    return anchorRow != row || anchorCol != col;
  }

  /** Blank when the text holds only white space of any kind, including U+00A0 and U+3000. */
  public boolean isBlank() {
    return Blankness.isBlank(text);
  }
}
