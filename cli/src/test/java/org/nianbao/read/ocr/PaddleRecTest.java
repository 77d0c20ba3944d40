package org.nianbao.read.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The PP-OCR decoding and scaling used by {@link OcrCompare}, on made-up outputs (no model needed). */
class PaddleRecTest {
  private static final List<String> CLASSES = List.of("", "1", "2", "l", "总");

  @Test
  void repeatsMergeAndABlankSeparatesTwoEqualCharacters() {
    float[][] steps = {
      {0.1f, 0.9f, 0, 0, 0},
      {0.1f, 0.9f, 0, 0, 0},
      {0.9f, 0.1f, 0, 0, 0},
      {0.2f, 0.8f, 0, 0, 0},
      {0.3f, 0, 0.7f, 0, 0},
    };
    PaddleRec.Reading r = PaddleRec.decode(steps, CLASSES, null);
    assertEquals("112", r.text());
    assertEquals((90 + 80 + 70) / 3.0, r.confidence(), 1e-3);
    assertEquals(70, r.lowest(), 1e-3);
  }

  @Test
  void aCharacterSetChoosesAmongItsCharactersAndRenormalises() {
    float[][] steps = {
      {0.1f, 0.2f, 0, 0.7f, 0},
      {0.8f, 0, 0, 0, 0.2f},
    };
    assertEquals("l", PaddleRec.decode(steps, CLASSES, null).text());
    boolean[] digits = {false, true, true, false, false};
    PaddleRec.Reading r = PaddleRec.decode(steps, CLASSES, digits);
    assertEquals("1", r.text());
    // 0.2 of the 0.3 that blank and the digits share
    assertEquals(100 * 0.2 / 0.3, r.confidence(), 1e-3);
  }

  @Test
  void scalingKeepsAnEvenGreyAndTheSize() {
    byte[] px = new byte[40 * 10];
    java.util.Arrays.fill(px, (byte) 200);
    Gray g = PaddleRec.scale(new Gray(px, 40, 10, 300), 96, 48);
    assertEquals(96, g.width());
    assertEquals(48, g.height());
    assertEquals(200, g.at(50, 20));
  }
}
