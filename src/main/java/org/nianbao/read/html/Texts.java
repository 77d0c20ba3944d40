package org.nianbao.read.html;

/** Small text tests shared by both readers. */
final class Texts {
  private Texts() {}

  /**
   * True when the text holds something other than white space. U+00A0 and U+3000 count as space here
   * (Word pads empty paragraphs with them) although {@link String#isBlank()} treats U+00A0 as text.
   */
  static boolean hasVisibleText(String text) {
    return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c));
  }
}
