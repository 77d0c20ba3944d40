package org.nianbao.decode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every way to read a row's number tokens as exactly {@code width} numbers: a token of plain digits may be a
 * glued run of several numbers, a token with a decimal point is one number. A part never has a leading
 * zero unless it is the number {@code 0} itself. Stateless.
 */
final class Splits {
  /** More readings than this are not enumerated: the row is then unreadable. */
  static final int LIMIT = 50_000;

  /** No cell of these tables has more digits than this; longer parts are not readings. */
  static final int MAX_DIGITS = 12;

  private Splits() {}

  /**
   * @return the readings, each as the printed text of its {@code width} parts; {@code null} when there are more
   *     than {@link #LIMIT}
   */
  static List<String[]> of(List<String> tokens, int width) {
    List<String[]> out = new ArrayList<>();
    boolean complete = walk(tokens, 0, 0, width, new String[width], 0, out);
    return complete ? out : null;
  }

  private static boolean walk(List<String> tokens, int t, int from, int width, String[] parts, int filled,
      List<String[]> out) {
    if (t == tokens.size()) {
      if (filled == width) {
        out.add(parts.clone());
        return out.size() <= LIMIT;
      }
      return true;
    }
    String tok = tokens.get(t);
    if (filled == width) {
      return true;
    }
    int digitsLeft = tok.length() - from;
    for (int u = t + 1; u < tokens.size(); u++) {
      digitsLeft += tokens.get(u).length();
    }
    if (digitsLeft < width - filled || tokens.size() - t > width - filled) {
      return true;
    }
    String rest = tok.substring(from);
    boolean decimal = tok.indexOf('.') >= 0;
    int lastToken = t == tokens.size() - 1 ? 1 : 0;
    int max = decimal ? rest.length() : rest.length();
    for (int len = 1; len <= max; len++) {
      if (decimal && len != rest.length()) {
        continue;
      }
      String part = rest.substring(0, len);
      if (part.length() > 1 && part.charAt(0) == '0' || !decimal && part.length() > MAX_DIGITS) {
        break;
      }
      parts[filled] = part;
      boolean ok;
      if (len == rest.length()) {
        ok = walk(tokens, t + 1, 0, width, parts, filled + 1, out);
      } else {
        if (lastToken == 1 && filled + 1 == width) {
          continue;
        }
        ok = walk(tokens, t, from + len, width, parts, filled + 1, out);
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The number a part reads as. */
  static BigDecimal value(String part) {
    return new BigDecimal(part);
  }
}
