package org.nianbao.read.ocr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine may drop a character and still be sure of the rest (a 520 read as 0 in the 150-dpi scan of
 * pdf-2019-caption-foot): a reading whose characters do not span the cell's ink is not trusted.
 */
class CoverageTest {
  /** A white cell 200 x 40 with a black block (a "character") at each of the given x ranges. */
  private static Gray cell(int[]... inked) {
    byte[] px = new byte[200 * 40];
    Arrays.fill(px, (byte) 0xFF);
    for (int[] r : inked) {
      for (int y = 10; y < 30; y++) {
        for (int x = r[0]; x < r[1]; x++) {
          px[y * 200 + x] = 0;
        }
      }
    }
    return new Gray(px, 200, 40, 300);
  }

  private static Symbol symbol(int x0, int x1) {
    return new Symbol("0", x0, 10, x1, 30, 99, List.of());
  }

  @Test
  void aReadingThatSpansTheInkIsCovered() {
    Gray g = cell(new int[] {20, 34}, new int[] {40, 54}, new int[] {60, 74});
    assertTrue(Scanner.covers(g, List.of(List.of(symbol(20, 34), symbol(40, 54), symbol(60, 74)))));
  }

  @Test
  void aDroppedLeadingDigitLeavesInkUncovered() {
    Gray g = cell(new int[] {20, 34}, new int[] {40, 54}, new int[] {60, 74});
    assertFalse(Scanner.covers(g, List.of(List.of(symbol(60, 74)))));
  }

  @Test
  void specksOfNoiseDoNotCount() {
    Gray g = cell(new int[] {60, 74});
    g.pixels()[20 * 200 + 5] = 0;
    assertTrue(Scanner.covers(g, List.of(List.of(symbol(60, 74)))));
  }
}
