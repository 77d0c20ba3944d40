package org.nianbao.read.pdf;

import java.util.List;

/**
 * A table as laid out: column boundaries, the page of every row (a table joined over a page break has
 * rows on two pages) and the printed cells, which cover every grid position exactly once.
 *
 * @param xs the column boundaries, left to right ({@code cols + 1} of them)
 * @param openTop per column: the top edge is a frame without a drawn line (the table may continue
 *     from the page before)
 * @param openBottom per column: the bottom edge has no drawn line (the table may continue on the next
 *     page)
 * @param rowTops per row: its top edge on its page
 * @param rowBottoms per row: its bottom edge on its page
 * @param top the top edge on the first page
 * @param bottom the bottom edge on the last page
 */
record Table(
    List<Double> xs,
    List<Integer> rowPages,
    List<Span> spans,
    List<Boolean> openTop,
    List<Boolean> openBottom,
    List<Double> rowTops,
    List<Double> rowBottoms,
    double top,
    double bottom)
    implements Item {
  Table {
    xs = List.copyOf(xs);
    rowPages = List.copyOf(rowPages);
    spans = List.copyOf(spans);
    openTop = List.copyOf(openTop);
    openBottom = List.copyOf(openBottom);
    rowTops = List.copyOf(rowTops);
    rowBottoms = List.copyOf(rowBottoms);
    if (rowTops.size() != rowPages.size() || rowBottoms.size() != rowPages.size()) {
      throw new IllegalArgumentException("a table needs the edges of every row");
    }
    int cols = xs.size() - 1;
    if (cols < 1 || rowPages.isEmpty() || openTop.size() != cols || openBottom.size() != cols) {
      throw new IllegalArgumentException("a table needs rows, columns and an edge flag per column");
    }
    int[][] seen = new int[rowPages.size()][cols];
    for (Span s : spans) {
      if (s.rowEnd() > rowPages.size() || s.colEnd() > cols) {
        throw new IllegalArgumentException("span outside the grid: " + s);
      }
      for (int r = s.row(); r < s.rowEnd(); r++) {
        for (int c = s.col(); c < s.colEnd(); c++) {
          seen[r][c]++;
        }
      }
    }
    for (int[] row : seen) {
      for (int n : row) {
        if (n != 1) {
          throw new IllegalArgumentException("spans must cover every grid position once");
        }
      }
    }
  }

  int rows() {
    return rowPages.size();
  }

  int cols() {
    return xs.size() - 1;
  }

  @Override
  public int page() {
    return rowPages.get(0);
  }

  int lastPage() {
    return rowPages.get(rowPages.size() - 1);
  }

  /** Whether a glyph on the table's only page lies inside it. */
  boolean holds(Glyph g) {
    return g.centreX() >= xs.get(0) && g.centreX() <= xs.get(xs.size() - 1)
        && g.centreY() >= top && g.centreY() <= bottom;
  }

  Span spanAt(int row, int col) {
    for (Span s : spans) {
      if (s.covers(row, col)) {
        return s;
      }
    }
    throw new IllegalStateException("no span at " + row + "," + col);
  }
}
