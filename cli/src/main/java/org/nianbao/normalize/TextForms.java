package org.nianbao.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one place where text is normalized for matching. The raw text is always kept beside the result
 * for provenance; these forms are only compared, never written out.
 */
public final class TextForms {
  private static final Pattern YEAR_BEFORE_NIAN = Pattern.compile("(?<![0-9])(?:19|20)[0-9]{2}(?=年)");
  private static final Pattern LEADING_NUMBERING =
      Pattern.compile("^(?:第?[0-9一二三四五六七八九十]{1,3}(?=[^0-9])|[0-9]{1,2}(?=[^0-9]))");

  private TextForms() {}

  /**
   * The form labels are matched in: NFKC (full-width → half-width), then every character that is not a
   * letter or digit removed — whitespace of any kind (line breaks, U+3000, U+00A0), brackets, quotes and
   * punctuation. So {@code （一）予以公开}, {@code (一) 予以公开} and {@code 一、予以公开} compare equal, as do
   * {@code 1、}, {@code 1.}, {@code 1．} and {@code （1）} numbering, and {@code 危及“三安全一稳定”} with or
   * without quotes. A year before 年 becomes {@code YYYY}, so a column header {@code 2016年度} matches the
   * mapping label {@code YYYY年度}.
   */
  public static String matchForm(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(nfkc.length());
    nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    return YEAR_BEFORE_NIAN.matcher(sb).replaceAll("YYYY");
  }

  /**
   * {@link #matchForm} without a leading {@code 其中} and item number ({@code 1}, {@code 一}, {@code 三}), so
   * {@code 其中：1.网站公开} and {@code 1、网站公开} compare equal.
   */
  public static String withoutNumbering(String matchForm) {
    String s = matchForm.startsWith("其中") ? matchForm.substring(2) : matchForm;
    return LEADING_NUMBERING.matcher(s).replaceFirst("");
  }

  /** The leading item number of a match form, or "" (e.g. {@code 2} for {@code 2其他法律…}). */
  public static String numbering(String matchForm) {
    var m = LEADING_NUMBERING.matcher(matchForm);
    return m.find() ? m.group() : "";
  }

  /** Text for display in messages and label columns: whitespace runs (incl. line breaks) collapsed. */
  public static String display(String text) {
    return text.replaceAll("[\\s\\u3000\\u00A0]+", " ").strip();
  }

  /** Similarity in [0,1]: 1 − edit distance / longer length. */
  public static double similarity(String a, String b) {
    int n = a.length();
    int m = b.length();
    if (n == 0 && m == 0) {
      return 1.0;
    }
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return 1.0 - (double) prev[m] / Math.max(n, m);
  }
}
