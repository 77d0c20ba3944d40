package org.nianbao.read.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scan of pdf-2021-borderless4 prints section 四 without rulings; the engine read its header
 * 结果维持 结果纠正 … as one line with a ” or 。 in every gap (90% confident, no ink there), so the
 * borderless fallback saw one word where five columns are. Punctuation without ink of its own goes.
 */
class GhostPunctuationTest {
  private static Gray page(int[]... inked) {
    byte[] px = new byte[300 * 60];
    Arrays.fill(px, (byte) 0xFF);
    for (int[] r : inked) {
      for (int y = r[2]; y < r[3]; y++) {
        for (int x = r[0]; x < r[1]; x++) {
          px[y * 300 + x] = 0;
        }
      }
    }
    return new Gray(px, 300, 60, 300);
  }

  private static Symbol sym(String t, int x0, int x1) {
    return new Symbol(t, x0, 10, x1, 50, 95, List.of());
  }

  @Test
  void punctuationInAnEmptyGapIsDropped() {
    Gray g = page(new int[] {10, 40, 10, 50}, new int[] {120, 150, 10, 50});
    List<Symbol> line = List.of(sym("持", 10, 40), sym("”", 70, 90), sym("结", 120, 150));
    assertEquals(List.of(line.get(0), line.get(2)), Scanner.withoutGhosts(line, g));
  }

  @Test
  void inkedPunctuationStays() {
    Gray g = page(new int[] {10, 40, 10, 50}, new int[] {44, 50, 42, 50}, new int[] {60, 90, 10, 50});
    List<Symbol> line = List.of(sym("持", 10, 40), sym("。", 42, 52), sym("结", 60, 90));
    assertEquals(line, Scanner.withoutGhosts(line, g));
  }
}
