package org.nianbao.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The match form's shortcut without NFKC must give exactly what NFKC and the letter-or-digit filter give. */
class TextFormsTest {
  /** The definition: NFKC, then only letters and digits, then a year before 年 as YYYY. */
  private static String reference(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder();
    nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    return sb.toString().replaceAll("(?<![0-9])(?:19|20)[0-9]{2}(?=年)", "YYYY");
  }

  @Test
  void labelsOfReportsTakeTheShortcutAndMatchTheDefinition() {
    for (String s : new String[] {"（一）予以公开", "(一) 予以公开", "一、予以公开", "其中：1.网站公开", "2016年度",
        "２０２１年", "危及“三安全一稳定”", "本年新收政府信息公开申请数量", "12\u00a0345", "—", "－－", "00",
        "行政复议\n结果维持", "第三章 主动公开…", "〔2019〕", "万元", "−15", "·其他", "○"}) {
      assertNotNull(TextForms.quickForm(s), s);
      assertEquals(reference(s), TextForms.matchForm(s), s);
    }
  }

  @Test
  void otherTextTakesTheFullPath() {
    for (String s : new String[] {"①", "㈠予以公开", "ｶﾀｶﾅ", "e\u0301", "Ⅱ类", "㎡", "\u2160"}) {
      assertNull(TextForms.quickForm(s), s);
      assertEquals(reference(s), TextForms.matchForm(s), s);
    }
  }

  @Test
  void randomTextFromEveryRangeNearTheShortcutAgreesWithTheDefinition() {
    Random random = new Random(20261203);
    int[][] ranges = {{0x20, 0x7E}, {0xA0, 0xFF}, {0x2000, 0x2070}, {0x2150, 0x2190}, {0x3000, 0x303F},
        {0x3200, 0x33FF}, {0x2200, 0x2220}, {0x25C0, 0x25D0}, {0x4DB0, 0x4E10}, {0x9FF0, 0xA010}, {0xF900, 0xF910},
        {0xFE30, 0xFFEF}, {0x0300, 0x036F}};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + random.nextInt(8);
      for (int i = 0; i < len; i++) {
        int[] r = ranges[random.nextInt(ranges.length)];
        sb.append((char) (r[0] + random.nextInt(r[1] - r[0] + 1)));
        if (random.nextInt(4) == 0) {
          sb.append(random.nextBoolean() ? "年" : String.valueOf(2000 + random.nextInt(30)));
        }
      }
      String s = sb.toString();
      assertEquals(reference(s), TextForms.matchForm(s), () -> "for " + s.codePoints()
          .mapToObj(Integer::toHexString).toList());
      int max = random.nextInt(12);
      assertEquals(reference(s).length() > max, TextForms.matchFormLongerThan(s, max), () -> "longer than " + max
          + " for " + s.codePoints().mapToObj(Integer::toHexString).toList());
    }
  }
}
