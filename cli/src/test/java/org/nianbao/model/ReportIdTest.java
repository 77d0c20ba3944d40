package org.nianbao.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportIdTest {
  /**
   * Regression: the bare digits {@code 7758195832022225} (all decimal) and {@code 51840922e9349613}
   * (a number in E notation) were turned into numbers by Excel and LibreOffice.
   */
  @Test
  void theWrittenFormIsNeverANumber() {
    for (String hex : List.of("7758195832022225", "51840922e9349613", "0000000000000000")) {
      ReportId id = new ReportId(hex);
      assertEquals("sha256:" + hex, id.text());
      assertThrows(NumberFormatException.class, () -> new BigDecimal(id.text()));
      assertFalse(Character.isDigit(id.text().charAt(0)));
      assertEquals(hex, id.text().substring(ReportId.PREFIX.length()));
    }
  }

  @Test
  void keepsTheSha256PrefixOfTheBytes() {
    // printf abc | sha256sum → ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    assertEquals("sha256:ba7816bf8f01cfea", ReportId.of("abc".getBytes(StandardCharsets.US_ASCII)).text());
  }
}
