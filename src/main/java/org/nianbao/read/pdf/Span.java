package org.nianbao.read.pdf;

import java.util.List;
import org.nianbao.source.Recognition;

/**
 * One printed cell of a table grid, covering rows {@code [row, rowEnd)} and columns {@code [col, colEnd)};
 * its text lines top to bottom; for a cell read by OCR, how sure the reading is (null otherwise).
 */
record Span(int row, int col, int rowEnd, int colEnd, List<String> lines, Recognition recognition) {
  Span {
    lines = List.copyOf(lines);
    if (row < 0 || col < 0 || rowEnd <= row || colEnd <= col) {
      throw new IllegalArgumentException("empty span " + row + "," + col + "-" + rowEnd + "," + colEnd);
    }
  }

  Span(int row, int col, int rowEnd, int colEnd, List<String> lines) {
    this(row, col, rowEnd, colEnd, lines, null);
  }

  String text() {
    return Texts.cellText(lines);
  }

  boolean isBlank() {
    return lines.isEmpty();
  }

  boolean covers(int r, int c) {
    return r >= row && r < rowEnd && c >= col && c < colEnd;
  }
}
