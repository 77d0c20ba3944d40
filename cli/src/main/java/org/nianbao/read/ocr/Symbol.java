package org.nianbao.read.ocr;

import java.util.List;

/**
 * One recognised character with its box in image pixels (origin top-left) and the engine's confidence
 * (0–100); {@code alternatives} are other readings the engine considered for it, best first;
 * {@code wordStart} whether the engine begins a new word with it (a space before it, in its reading).
 */
public record Symbol(String text, int x0, int y0, int x1, int y1, double confidence, List<String> alternatives,
    boolean wordStart) {
  public Symbol {
    alternatives = List.copyOf(alternatives);
  }

  /** A character that begins a word of its own. */
  public Symbol(String text, int x0, int y0, int x1, int y1, double confidence, List<String> alternatives) {
    this(text, x0, y0, x1, y1, confidence, alternatives, true);
  }

  /** The same character, its box moved by {@code (dx, dy)} after scaling by {@code f}. */
  Symbol moved(double f, int dx, int dy) {
    return new Symbol(text, dx + (int) (x0 / f), dy + (int) (y0 / f), dx + (int) (x1 / f), dy + (int) (y1 / f),
        confidence, alternatives, wordStart);
  }
}
