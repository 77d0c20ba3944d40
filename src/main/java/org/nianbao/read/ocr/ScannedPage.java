package org.nianbao.read.ocr;

import java.util.List;
import org.nianbao.source.Recognition;

/**
 * What OCR found on one page, in points from the top-left of the upright page: recognised characters and
 * ruling lines, as a text layer would give them.
 */
public record ScannedPage(double width, double height, List<Text> texts, List<Rule> rules) {
  public ScannedPage {
    texts = List.copyOf(texts);
    rules = List.copyOf(rules);
  }

  /**
   * One recognised character; {@code recognition} is the whole table cell's (the same object for every
   * character of a cell), null for running text.
   */
  public record Text(String text, double x, double baseline, double width, double size, Recognition recognition) {}

  /** A ruling line: horizontal at {@code y = pos} from {@code from} to {@code to}, or vertical. */
  public record Rule(boolean horizontal, double pos, double from, double to) {}
}
