package org.nianbao.read.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nianbao.TestData;

/**
 * Page 2 of the scan of pdf-2021-split lies upside down (corpus/scans/orientation, the page image as
 * make-scans.sh put it in the PDF). Read upside down it gave characters the engine was as sure of as the
 * upright ones, so the page was not turned and its table was lost; the commonest characters of these
 * reports decide instead.
 */
class UprightTest {
  private static Gray page() throws Exception {
    BufferedImage image = ImageIO.read(TestData.corpus().resolve(
        "scans/orientation/pdf-2021-split-p2-upside-down.jpg").toFile());
    BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    grey.getGraphics().drawImage(image, 0, 0, null);
    byte[] px = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData().clone();
    return new Gray(px, image.getWidth(), image.getHeight(), Scanner.DPI);
  }

  @Test
  void anUpsideDownPageIsTurnedAndAnUprightOneIsLeft() throws Exception {
    Gray down = page();
    assertEquals(Math.PI, Scanner.uprightTurn(down), 1e-9);
    assertEquals(0, Scanner.uprightTurn(Scanner.rotate(down, Math.PI)), 1e-9);
  }

  @Test
  void commonCharactersOutweighConfidence() {
    List<Symbol> words = new java.util.ArrayList<>();
    List<Symbol> garbage = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      "政府信息公开工作年度报告".codePoints().forEach(c -> words.add(sym(Character.toString(c), 60)));
      "讶毕罩纺妾拷十二一阅".codePoints().forEach(c -> garbage.add(sym(Character.toString(c), 95)));
    }
    Scanner.Reading upright = Scanner.Reading.of(List.of(words));
    Scanner.Reading turned = Scanner.Reading.of(List.of(garbage));
    assertTrue(turned.score() > upright.score());
    assertEquals(1, upright.compareWords(turned));
    assertEquals(-1, turned.compareWords(upright));
    assertEquals(0, upright.compareWords(upright));
  }

  private static Symbol sym(String t, double confidence) {
    return new Symbol(t, 0, 0, 10, 10, confidence, List.of());
  }
}
