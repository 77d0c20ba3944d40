package org.nianbao.read.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table without ruling lines whose header words stand closer than the chunk threshold, as on the scan of
 * pdf-2021-borderless4 (section 四): the engine boxes a scan's characters wide and its lines tall, so the
 * gaps between the header's words (1.2 em of the glyphs' size) did not split the line and the table was
 * not found. The numbers' columns split the header where its words are apart.
 */
class BorderlessHeaderTest {
  private static final double SIZE = 20;

  /** A line of words, each starting at its x; characters 8 points apart, 7 wide. */
  private static Line line(double baseline, double size, Object... wordsAndXs) {
    List<Glyph> glyphs = new ArrayList<>();
    for (int i = 0; i < wordsAndXs.length; i += 2) {
      String word = (String) wordsAndXs[i];
      double x = ((Number) wordsAndXs[i + 1]).doubleValue();
      for (int k = 0; k < word.length(); k++) {
        glyphs.add(new Glyph(String.valueOf(word.charAt(k)), x + 8 * k, baseline, 7, size));
      }
    }
    return new Line(1, glyphs);
  }

  private static List<String> row(Table t, int r) {
    List<String> out = new ArrayList<>();
    for (Span s : t.spans()) {
      if (s.row() == r) {
        out.add(String.join(" ", s.lines()));
      }
    }
    return out;
  }

  @Test
  void aHeaderOfOneChunkIsSplitWhereTheNumbersColumnsAreApart() {
    // words 32 points wide, 13 apart: under 1.2 em of 20 points, over half an em
    Line header = line(100, SIZE, "结果维持", 50, "结果纠正", 95, "其他结果", 140);
    Line numbers = line(130, 10, "5", 62, "0", 107, "2", 152);
    List<Item> items = Borderless.tables(List.of(header, numbers));
    assertEquals(1, items.size());
    Table t = assertInstanceOf(Table.class, items.get(0));
    assertEquals(List.of("结果维持", "结果纠正", "其他结果"), row(t, 0));
    assertEquals(List.of("5", "0", "2"), row(t, 1));
  }

  @Test
  void aLineWithoutSpacesAtTheColumnsStaysText() {
    // one word over all three columns, then a paragraph line whose spaces are not at the columns
    Line title = line(70, SIZE, "政府信息公开行政复议情况", 40);
    Line header = line(100, SIZE, "结果维持", 50, "结果纠正", 95, "其他结果", 140);
    Line numbers = line(130, 10, "5", 62, "0", 107, "2", 152);
    List<Item> items = Borderless.tables(List.of(title, header, numbers));
    assertEquals(2, items.size());
    assertInstanceOf(Line.class, items.get(0));
    assertInstanceOf(Table.class, items.get(1));
  }
}
