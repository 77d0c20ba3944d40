package org.nianbao.read.ocr;

import java.util.List;

/**
 * One recognised character with its box in image pixels (origin top-left) and the engine's confidence
 * (0–100); {@code alternatives} are other readings the engine considered for it, best first.
 */
public record Symbol(String text, int x0, int y0, int x1, int y1, double confidence, List<String> alternatives) {
  public Symbol {
    alternatives = List.copyOf(alternatives);
  }
}
