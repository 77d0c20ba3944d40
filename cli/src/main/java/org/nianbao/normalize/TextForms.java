package org.nianbao.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one place where text is normalized for matching. The raw text is always kept beside the result
 * for provenance; these forms are only compared, never written out.
 */
public final class TextForms {
  private static final Pattern SPACE_RUN = Pattern.compile("[\\s\\u3000\\u00A0]+");
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
    StringBuilder sb = quickForm(text);
    if (sb == null) {
      String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
      sb = new StringBuilder(nfkc.length());
      for (int i = 0; i < nfkc.length(); ) {
        int cp = nfkc.codePointAt(i);
        if (Character.isLetterOrDigit(cp)) {
          sb.appendCodePoint(cp);
        }
        i += Character.charCount(cp);
      }
    }
    return sb.indexOf("年") < 0 ? sb.toString() : YEAR_BEFORE_NIAN.matcher(sb).replaceAll("YYYY");
  }

  /**
   * {@link #matchForm} before the year rule, without NFKC for text made only of characters NFKC maps one by
   * one (ASCII, CJK unified ideographs, full-width ASCII, CJK brackets and punctuation), as nearly every cell
   * of a report is; null for any other text. Labels and numbers pass through here for every table spec a
   * table is tried with, so this is a worker's commonest string operation.
   */
  static StringBuilder quickForm(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = simple(text.charAt(i));
      if (c == NOT_SIMPLE) {
        return null;
      }
      if (c != DROPPED) {
        sb.append(c);
      }
    }
    return sb;
  }

  /**
   * Whether {@link #matchForm} of the text is longer than {@code max} characters, told without making it for
   * long text: the characters it keeps are counted until there are too many. Exact, as NFKC never makes fewer
   * letters and digits of the characters counted so far (none of them composes with what follows into
   * something that is not one letter).
   */
  public static boolean matchFormLongerThan(String text, int max) {
    int kept = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = simple(text.charAt(i));
      if (c == NOT_SIMPLE) {
        return matchForm(text).length() > max;
      }
      if (c != DROPPED && ++kept > max) {
        return true;
      }
    }
    return false;
  }

  private static final char DROPPED = 0;
  private static final char NOT_SIMPLE = 0xFFFF;

  /**
   * A character's part in {@link #quickForm}: what it becomes ({@link #DROPPED} for none), or
   * {@link #NOT_SIMPLE} when only NFKC can tell.
   */
  private static char simple(char c) {
    if (c < 0x80) {
      return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ? c : DROPPED;
    } else if (c >= 0x4E00 && c <= 0x9FFF) {
      return Character.isLetterOrDigit(c) ? c : DROPPED;
    } else if (c >= 0xFF01 && c <= 0xFF5E) {
      char ascii = (char) (c - 0xFEE0);
      return ascii >= '0' && ascii <= '9' || ascii >= 'a' && ascii <= 'z' || ascii >= 'A' && ascii <= 'Z'
          ? ascii : DROPPED;
    } else if (c <= 0x3004 && c >= 0x3000 || c >= 0x3008 && c <= 0x3011 || c >= 0x3014 && c <= 0x301F
        || c == 0x00A0 || c == 0x00B7 || c >= 0x2010 && c <= 0x2027 || c == 0x2212 || c == 0x25CB) {
      return DROPPED;
    }
    return NOT_SIMPLE;
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
    return SPACE_RUN.matcher(text).replaceAll(" ").strip();
  }

  /** Similarity in [0,1]: 1 − edit distance / longer length. */
  public static double similarity(String a, String b) {
    int n = a.length();
    int m = b.length();
    if (n == 0 && m == 0) {
      return 1.0;
    }
    return 1.0 - (double) distance(a, b, Integer.MAX_VALUE) / Math.max(n, m);
  }

  /**
   * Edit distance (insertions, deletions, substitutions), or {@code limit} once it is sure to reach it (pass
   * {@code Integer.MAX_VALUE} for the exact distance).
   */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin >= limit) {
        return limit;
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return Math.min(limit, prev[b.length()]);
  }
}
