package org.nianbao.read.html;

import java.util.List;
import org.nianbao.source.Block;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.TableBlock;
import org.nianbao.source.Blankness;

/** Small text tests shared by both readers. */
final class Texts {
  private Texts() {}

  /**
   * True when the text holds something other than white space. U+00A0 and U+3000 count as space here
   * (Word pads empty paragraphs with them) although {@link String#isBlank()} treats U+00A0 as text.
   */
  static boolean hasVisibleText(String text) {
    return !Blankness.isBlank(text);
  }

  /** True when any block holds visible text; a document without any is no report. */
  static boolean hasVisibleText(List<Block> blocks) {
    for (Block block : blocks) {
      if (block instanceof Paragraph p && hasVisibleText(p.text())
          || block instanceof Heading h && hasVisibleText(h.text())
          || block instanceof TableBlock t
              && t.rows().stream().flatMap(List::stream).anyMatch(c -> hasVisibleText(c.text()))) {
        return true;
      }
    }
    return false;
  }
}
