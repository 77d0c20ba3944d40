package org.nianbao.source;

/** The one rule for "no visible text": white space of any kind, including U+00A0, U+3000 and zero-width. */
public final class Blankness {
  private Blankness() {}

  public static boolean isBlank(String text) {
    return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B
        || cp == 0xFEFF);
  }
}
