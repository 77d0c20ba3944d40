package org.nianbao.read.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.source.Recognition;

/**
 * The table of section 三 of the scan of pdf-2021-split goes on over the page break, but each page of a
 * scan has its own skew and scale: the continuation's columns were 6 points right of the first part's and
 * its grid 2.4% narrower (the boundaries below are those the scan gave), so the parts were not joined and
 * the continued rows were lost. A text layer's parts still need boundaries within 2 points.
 */
class ScannedStitchTest {
  private static final List<Double> FIRST = List.of(52.5, 72.36, 117.96, 257.76, 298.2, 339.0, 379.56, 420.36,
      460.92, 501.6, 542.22);
  private static final List<Double> NEXT = List.of(58.35, 78.0, 122.28, 258.72, 298.2, 337.92, 377.4, 417.24,
      456.84, 496.44, 536.34);

  private static Table table(List<Double> xs, int page, int rows, Recognition rec) {
    List<Span> spans = new ArrayList<>();
    List<Boolean> open = new ArrayList<>();
    for (int c = 0; c < xs.size() - 1; c++) {
      open.add(false);
      for (int r = 0; r < rows; r++) {
        spans.add(new Span(r, c, r + 1, c + 1, List.of(c < 3 ? "项目" + r : "1" + r), rec));
      }
    }
    List<Integer> pages = new ArrayList<>();
    List<Double> tops = new ArrayList<>();
    List<Double> bottoms = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      pages.add(page);
      tops.add(100.0 + 20 * r);
      bottoms.add(120.0 + 20 * r);
    }
    return new Table(xs, pages, spans, open, open, tops, bottoms, 100, 100 + 20 * rows);
  }

  @Test
  void scannedPartsWithShiftedAndScaledColumnsAreJoined() {
    Recognition rec = new Recognition(95, List.of());
    var joined = Stitcher.join(table(FIRST, 3, 4, rec), table(NEXT, 4, 3, rec));
    assertTrue(joined.isPresent());
    assertEquals(7, joined.get().rows());
    assertEquals(FIRST, joined.get().xs());
  }

  @Test
  void textLayerPartsStillNeedTheSameColumns() {
    assertTrue(Stitcher.join(table(FIRST, 3, 4, null), table(NEXT, 4, 3, null)).isEmpty());
  }

  @Test
  void scannedPartsWithOtherColumnsAreNotJoined() {
    Recognition rec = new Recognition(95, List.of());
    List<Double> other = new ArrayList<>(NEXT);
    other.set(3, 200.0);
    assertTrue(Stitcher.join(table(FIRST, 3, 4, rec), table(other, 4, 3, rec)).isEmpty());
  }
}
