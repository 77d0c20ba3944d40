package org.nianbao.read.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nianbao.TestData;

/**
 * The cell reader on crops of scanned cells (corpus/scans/cells) and on drawn ones: a header wrapped before
 * its last character, a number the Chinese model reads as characters, a lone dash, a number split into
 * words, characters of one word whose boxes leave a gap.
 */
class CellReadingTest {
  /** The scan reader's doubt threshold (lowest character confidence). */
  private static final double DOUBT = 93;

  private static Gray crop(String name) throws Exception {
    BufferedImage im = ImageIO.read(TestData.corpus().resolve(Path.of("scans", "cells", name)).toFile());
    byte[] px = new byte[im.getWidth() * im.getHeight()];
    im.getRaster().getDataElements(0, 0, im.getWidth(), im.getHeight(), px);
    return new Gray(px, im.getWidth(), im.getHeight(), Scanner.DPI);
  }

  private static Gray binary(Gray g) {
    byte[] b = g.pixels().clone();
    for (int i = 0; i < b.length; i++) {
      b[i] = (b[i] & 0xFF) < 128 ? 0 : (byte) 0xFF;
    }
    return new Gray(b, g.width(), g.height(), g.dpi());
  }

  private static String text(Scanner.CellReading r) {
    StringBuilder b = new StringBuilder();
    for (List<Symbol> line : r.lines()) {
      if (b.length() > 0) {
        b.append('/');
      }
      line.forEach(s -> b.append(s.text()));
    }
    return b.toString();
  }

  @Test
  void aHeaderWrappedBeforeItsLastCharacterKeepsThatCharacter() throws Exception {
    Gray crop = crop("header-wrapped-before-last-char.png");
    Scanner.CellReading r = Scanner.read(OcrEngine.get(), binary(crop), crop).orElseThrow();
    assertEquals("科研机/构", text(r));
  }

  @Test
  void aNumberTheChineseModelReadsAsCharactersIsReadByTheLatinOneAndDoubtful() throws Exception {
    Gray crop = crop("number-read-as-words.png");
    Scanner.CellReading r = Scanner.read(OcrEngine.get(), binary(crop), crop).orElseThrow();
    assertEquals("42", text(r));
    assertTrue(r.recognition().confidence() < DOUBT, "doubtful: " + r.recognition().confidence());
  }

  private static Gray white(int w, int h) {
    byte[] p = new byte[w * h];
    Arrays.fill(p, (byte) 0xFF);
    return new Gray(p, w, h, Scanner.DPI);
  }

  private static void fill(Gray g, int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; y++) {
      Arrays.fill(g.pixels(), y * g.width() + x0, y * g.width() + x1, (byte) 0);
    }
  }

  @Test
  void aLoneBarIsADash() {
    Gray g = white(140, 90);
    fill(g, 50, 44, 92, 48);
    // specks of noise beside it
    fill(g, 10, 10, 12, 12);
    fill(g, 120, 70, 122, 71);
    Optional<Symbol> dash = Scanner.dash(g);
    assertTrue(dash.isPresent());
    assertEquals("—", dash.get().text());
    Gray twice = white(140, 90);
    fill(twice, 30, 44, 62, 48);
    fill(twice, 66, 44, 98, 48);
    assertTrue(Scanner.dash(twice).isPresent(), "—— as two bars");
  }

  @Test
  void aBarAtTheEdgeADigitOrABarWithMoreInkIsNoDash() {
    Gray edge = white(140, 90);
    fill(edge, 20, 12, 120, 15);
    assertFalse(Scanner.dash(edge).isPresent(), "the rest of a ruling line");
    Gray one = white(140, 90);
    fill(one, 66, 28, 71, 62);
    assertFalse(Scanner.dash(one).isPresent(), "a 1");
    Gray minus = white(140, 90);
    fill(minus, 30, 44, 44, 48);
    fill(minus, 50, 30, 56, 62);
    fill(minus, 62, 30, 80, 62);
    assertFalse(Scanner.dash(minus).isPresent(), "-5");
    Gray thick = white(140, 90);
    fill(thick, 50, 36, 92, 56);
    assertFalse(Scanner.dash(thick).isPresent(), "a block");
  }

  private static Symbol symbol(String t, int x0, int x1, boolean wordStart) {
    return new Symbol(t, x0, 10, x1, 40, 96, List.of(), wordStart);
  }

  @Test
  void digitsTheEngineSplitIntoWordsAreOneNumber() {
    List<Symbol> line = List.of(symbol("3", 10, 28, true), symbol("3", 50, 68, true), symbol("件", 80, 110, true));
    Optional<List<Symbol>> glued = Scanner.glued(List.of(line));
    assertTrue(glued.isPresent());
    assertFalse(glued.get().get(1).wordStart());
    assertTrue(glued.get().get(2).wordStart(), "only between digits");
  }

  @Test
  void digitsFarApartOrWordsAreNotGlued() {
    assertTrue(Scanner.glued(List.of(List.of(symbol("3", 10, 28, true), symbol("3", 120, 138, true)))).isEmpty());
    assertTrue(Scanner.glued(List.of(List.of(symbol("第", 10, 40, true), symbol("3", 50, 68, true),
        symbol("项", 70, 100, true)))).isEmpty());
    assertTrue(Scanner.glued(List.of(List.of(symbol("3", 10, 28, true)), List.of(symbol("3", 10, 28, true))))
        .isEmpty(), "two lines");
  }

  @Test
  void charactersOfOneWordTouchSoTheLayoutPutsNoSpaceBetween() {
    // the engine boxed the 6 of 60 at a third of its width
    List<Symbol> line = List.of(symbol("6", 225, 233, true), symbol("0", 245, 255, false));
    List<ScannedPage.Text> out = new ArrayList<>();
    Scanner.addLine(line, 0, 0, new org.nianbao.source.Recognition(99, List.of()), out, 72.0 / Scanner.DPI);
    assertEquals(2, out.size());
    assertTrue(out.get(0).x() + out.get(0).width() >= out.get(1).x() - 1e-9);
    List<ScannedPage.Text> words = new ArrayList<>();
    Scanner.addLine(List.of(symbol("6", 225, 233, true), symbol("0", 245, 255, true)), 0, 0,
        new org.nianbao.source.Recognition(99, List.of()), words, 72.0 / Scanner.DPI);
    assertTrue(words.get(0).x() + words.get(0).width() < words.get(1).x(), "two words keep their gap");
  }

  @Test
  void aNumberTheLatinModelMisreadsIsTheChineseReadingWhenOnlyThatIsWellFormedOrHasTheSign() throws Exception {
    Gray amount = crop("decimal-amount.png");
    Scanner.CellReading r = Scanner.read(OcrEngine.get(), binary(amount), amount).orElseThrow();
    assertEquals("504410.06", text(r));
    assertTrue(r.recognition().confidence() < DOUBT, "the two models disagree: doubtful");
    Gray negative = crop("negative-number.png");
    assertTrue(Scanner.leadingMinus(binary(negative)));
    Scanner.CellReading n = Scanner.read(OcrEngine.get(), binary(negative), negative).orElseThrow();
    assertEquals("-54", text(n));
    assertTrue(n.recognition().confidence() < DOUBT);
  }

  @Test
  void aBarBeforeDigitsIsAMinusOnlyAcrossTheirMiddle() {
    Gray g = white(160, 90);
    fill(g, 30, 43, 44, 47);
    fill(g, 50, 28, 56, 62);
    fill(g, 62, 28, 80, 62);
    assertTrue(Scanner.leadingMinus(g));
    Gray low = white(160, 90);
    fill(low, 30, 58, 44, 62);
    fill(low, 50, 28, 56, 62);
    fill(low, 62, 28, 80, 62);
    assertFalse(Scanner.leadingMinus(low), "an underscore");
    Gray digits = white(160, 90);
    fill(digits, 50, 28, 56, 62);
    fill(digits, 62, 28, 80, 62);
    assertFalse(Scanner.leadingMinus(digits));
  }

  @Test
  void aLineReadUnsurelyFromItsBandIsReadAgainFromTheWholeCrop() throws Exception {
    Gray crop = crop("header-misread-in-its-band.png");
    Scanner.CellReading r = Scanner.read(OcrEngine.get(), binary(crop), crop).orElseThrow();
    assertEquals("处理决定数量", text(r));
  }
}
