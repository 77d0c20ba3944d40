package org.nianbao.read.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In the scan of hongze-2023 the Chinese model read a clear printed 5 as 3 with 98% confidence (a silent
 * error) and another 5 as 村, and 550 as S50; the Latin model read all three right. Every number is read by
 * both: the same reading stands, a different one makes the cell doubtful.
 */
class SecondReadingTest {
  private static List<Symbol> line(String text, double confidence) {
    List<Symbol> out = new ArrayList<>();
    text.codePoints().forEach(c -> out.add(new Symbol(Character.toString(c), 0, 0, 10, 10, confidence,
        List.of())));
    return out;
  }

  private static String text(List<Symbol> line) {
    StringBuilder b = new StringBuilder();
    line.forEach(s -> b.append(s.text()));
    return b.toString();
  }

  @Test
  void theSameNumberStands() {
    Scanner.Second s = Scanner.second(line("1,360", 96), line("1,360", 90));
    assertFalse(s.disagree());
    assertEquals("1,360", text(s.line()));
  }

  @Test
  void aSureMisreadDigitBecomesDoubtful() {
    Scanner.Second s = Scanner.second(line("3", 98), line("5", 95));
    assertTrue(s.disagree());
    assertEquals("5", text(s.line()));
  }

  @Test
  void aDigitReadAsALetterOrACharacterIsReadAsANumberButDoubted() {
    Scanner.Second s = Scanner.second(line("S50", 93), line("550", 96));
    assertTrue(s.disagree());
    assertEquals("550", text(s.line()));
    Scanner.Second t = Scanner.second(line("村", 87), line("5", 95));
    assertTrue(t.disagree());
    assertEquals("5", text(t.line()));
  }

  @Test
  void aWordStaysAWord() {
    Scanner.Second s = Scanner.second(line("其他", 95), line("1", 95));
    assertFalse(s.disagree());
    assertEquals("其他", text(s.line()));
    Scanner.Second t = Scanner.second(line("村", 95), line("5", 60));
    assertEquals("村", text(t.line()));
    assertTrue(Scanner.numberLike("S50"));
    assertFalse(Scanner.numberLike("SOS"));
  }

  @Test
  void aSlantedRulingIsStillThin() {
    // a line 3 pixels thick over 2000 pixels, dropping one row every 200: as a box 13 rows high
    List<int[]> runs = new ArrayList<>();
    for (int row = 0; row < 12; row++) {
      runs.add(new int[] {row, Math.max(0, (row - 2) * 200), Math.min(1999, row * 200 + 199)});
    }
    List<List<int[]>> lines = Scanner.group(runs);
    assertEquals(1, lines.size());
    assertEquals(3, Scanner.thickness(lines.get(0)));
  }
}
