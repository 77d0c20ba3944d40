package org.nianbao.source;

import java.util.List;

/**
 * How sure OCR was of a table cell's text: the lowest confidence (0–100) of its characters, and other whole
 * readings of the cell the engine considered (one character replaced by its runner-up), best first.
 */
public record Recognition(double confidence, List<String> alternatives) {
  public Recognition {
    alternatives = List.copyOf(alternatives);
    if (!(confidence >= 0 && confidence <= 100)) {
      throw new IllegalArgumentException("confidence out of range: " + confidence);
    }
  }
}
