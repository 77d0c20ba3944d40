package org.nianbao.read.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nianbao.TestData;

/**
 * Titles and tables of the scans read right: crops (at the scans' own resolution) of the first pages of
 * corpus/scans/real/*-scan.pdf and corpus/scans/documents/pdf-2021-cut-label-scan.pdf, and the shaded rows of
 * huaian-2024's section 二.
 */
class TitleLinesTest {
  private static ScannedPage scan(String name, double dpi) throws Exception {
    BufferedImage image = ImageIO.read(TestData.corpus().resolve("scans/crops/" + name).toFile());
    return Scanner.scan(image, dpi);
  }

  /** The page's lines of running text, top to bottom (characters of a line share their baseline). */
  private static List<String> lines(ScannedPage page) {
    Map<Double, StringBuilder> byBaseline = new TreeMap<>();
    for (ScannedPage.Text t : page.texts()) {
      if (t.recognition() == null) {
        byBaseline.computeIfAbsent(t.baseline(), b -> new StringBuilder()).append(t.text());
      }
    }
    List<String> out = new ArrayList<>();
    byBaseline.values().forEach(b -> out.add(b.toString()));
    return out;
  }

  @Test
  void aTitleLineTheEnginesPageReadingDropsIsReadFromItsInk() throws Exception {
    // the first line of hongze-2023's title (洪泽区人民政府) came back from the page reading as nothing at all
    List<String> lines = lines(scan("hongze-2023-p1-title.png", 203));
    assertTrue(lines.size() >= 3, lines.toString());
    assertTrue(lines.get(0).contains("人民政府"), lines.toString());
    assertTrue(lines.get(1).contains("年度报告"), lines.toString());
  }

  @Test
  void theStrokesOfABoldTitleAreNoTable() throws Exception {
    // the boxes of 口 and 日 in huaian-2024's bold title were taken for table cells and blanked out of the text
    ScannedPage page = scan("huaian-2024-p1-title.png", 203);
    assertEquals(List.of(), page.rules());
    List<String> lines = lines(page);
    assertEquals("淮安市人民政府", lines.get(0));
    assertTrue(lines.get(1).contains("政府信息公开工作年度报告"), lines.toString());
  }

  @Test
  void aCharacterAloneOnItsLineIsReadAsOneCharacter() throws Exception {
    // 告, wrapped under pdf-2021-cut-label's title, was read as two lines of strokes: < and 己
    List<String> lines = lines(scan("pdf-2021-cut-label-p1-title.png", 204));
    assertTrue(lines.get(0).endsWith("年度报"), lines.toString());
    assertEquals("告", lines.get(1), lines.toString());
  }

  @Test
  void theRulingsOfShadedRowsAreFound() throws Exception {
    // huaian-2024's section 二 shades its 第二十条 rows grey: the fill, as dark as a faint ruling, hid the rulings
    ScannedPage page = scan("huaian-2024-p3-shaded-rows.png", 201);
    double width = page.width();
    long across = page.rules().stream().filter(r -> r.horizontal() && r.to() - r.from() > width * 0.7).count();
    assertTrue(across >= 5, page.rules().toString());
  }

  @Test
  void smallFramesAreNoTable() {
    List<int[]> hs = new ArrayList<>(List.of(new int[] {100, 100, 170, 102}, new int[] {100, 500, 2000, 503}));
    List<int[]> vs = new ArrayList<>(List.of(new int[] {101, 99, 103, 165}, new int[] {101, 500, 103, 900},
        new int[] {1999, 500, 2001, 900}));
    Scanner.withoutSmallFrames(hs, vs, 20);
    assertEquals(1, hs.size());
    assertEquals(500, hs.get(0)[1]);
    assertEquals(2, vs.size());
  }
}
