package org.nianbao.read.word;

import java.util.Objects;

/**
 * One cell as the file stores it, already placed on the table's column grid.
 *
 * @param col the 0-based grid column of its left edge
 * @param span how many grid columns it covers (Word's {@code gridSpan}, or the edges it crosses in DOC)
 * @param vertical its part in a vertical merge
 * @param continuesLeft a legacy horizontal merge: this cell continues the cell to its left
 */
record WordCell(String text, int col, int span, VerticalMerge vertical, boolean continuesLeft) {
  WordCell {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(vertical, "vertical");
    if (col < 0 || span < 1) {
      throw new IllegalArgumentException("col " + col + ", span " + span);
    }
  }

  /** Where a cell stands in a vertical merge. */
  enum VerticalMerge {
    NONE,
    RESTART,
    CONTINUE
  }
}
