package org.nianbao.normalize;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.nianbao.model.Flag;
import org.nianbao.model.ValueType;

/**
 * Cell text → value + flags (OUTPUT.md, cells.csv {@code flags}). Every fix is recorded; text that is not
 * a number the tool can trust gives no value and {@link Flag#UNPARSEABLE}, never a guessed number.
 * Stateless.
 */
public final class CellNormalizer {
  /** Units printed inside numeric cells, longest first so 万元 wins over 元 and 人次 over 人. */
  private static final List<String> UNITS =
      List.of("万元", "人次", "件", "条", "个", "项", "次", "人", "元", "篇", "宗", "份", "套", "家", "期");

  private static final Set<String> DASHES = Set.of("-", "—", "–", "－", "―", "−", "/", "／", "无", "——", "--");
  private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}([,，]\\d{3})+(\\.\\d+)?");
  private static final Pattern ZEROS = Pattern.compile("0{2,}");
  private static final Pattern MINUS_SIGN = Pattern.compile("^\u2212(?=[0-9０-９])");

  public Normalized normalize(String raw, ValueType type) {
    if (plainWholeNumber(raw)) {
      // most cells: digits alone, which every rule below leaves as they are
      return new Normalized(new BigDecimal(raw), EnumSet.noneOf(Flag.class));
    }
    EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
    String s = trimAscii(raw);
    String withoutOddSpaces = stripOddSpaces(s);
    if (!withoutOddSpaces.equals(s)) {
      s = withoutOddSpaces;
      if (!s.isEmpty()) {
        flags.add(Flag.WHITESPACE);
      }
    }
    if (s.isEmpty()) {
      return new Normalized(null, EnumSet.of(Flag.BLANK));
    }
    // the minus sign U+2212 (−15) is a proper sign, not a quirk: read as '-' without a flag of its own
    if (s.charAt(0) == '\u2212') {
      s = MINUS_SIGN.matcher(s).replaceFirst("-");
    }
    String halfWidth = toHalfWidthDigits(s);
    if (!halfWidth.equals(s)) {
      flags.add(Flag.FULLWIDTH);
      s = halfWidth;
    }
    if (DASHES.contains(s)) {
      flags.add(Flag.DASH_AS_ZERO);
      return new Normalized(BigDecimal.ZERO, flags);
    }
    for (String unit : UNITS) {
      if (s.length() > unit.length() && s.endsWith(unit)) {
        s = s.substring(0, s.length() - unit.length()).strip();
        flags.add(Flag.UNIT_STRIPPED);
        break;
      }
    }
    char first = s.isEmpty() ? ' ' : s.charAt(0);
    if (first != '+' && first != '-' && (first < '0' || first > '9')) {
      // neither pattern below can match: a label, most often
      return unparseable();
    }
    if (GROUPED.matcher(s).matches()) {
      s = s.replace(",", "").replace("，", "");
      flags.add(Flag.THOUSANDS_SEP);
    }
    if (!PLAIN.matcher(s).matches()) {
      return unparseable();
    }
    boolean signed = s.startsWith("+") || s.startsWith("-");
    if (signed) {
      if (type != ValueType.SIGNED_INT) {
        return unparseable();
      }
      flags.add(Flag.SIGNED);
    }
    if (s.contains(".") && type != ValueType.DECIMAL) {
      return unparseable();
    }
    if (ZEROS.matcher(s).matches()) {
      flags.add(Flag.DOUBLE_ZERO);
      return new Normalized(BigDecimal.ZERO, flags);
    }
    return new Normalized(new BigDecimal(s.startsWith("+") ? s.substring(1) : s), flags);
  }

  /** One to 18 ASCII digits, not two or more zeros ("00" is a quirk, flagged below). */
  private static boolean plainWholeNumber(String raw) {
    int n = raw.length();
    if (n == 0 || n > 18) {
      return false;
    }
    boolean allZeros = true;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      allZeros &= c == '0';
    }
    return n == 1 || !allZeros;
  }

  /** True when the text reads as a value of some kind (number, dash, blank), i.e. not as a label. */
  public boolean looksLikeValue(String raw) {
    Normalized n = normalize(raw, ValueType.DECIMAL);
    if (!n.isUnparseable()) {
      return true;
    }
    // digits with stray spaces or glued runs are values we cannot read, not labels
    String s = stripOddSpaces(raw.strip());
    return s.codePoints().noneMatch(cp -> Character.isLetter(cp));
  }

  /** True for a cell holding only a unit of measure (a 计量单位 column: 条, 件, 万元 …). */
  public boolean isUnit(String raw) {
    return UNITS.contains(stripOddSpaces(raw.strip()));
  }

  private static Normalized unparseable() {
    return new Normalized(null, EnumSet.of(Flag.UNPARSEABLE));
  }

  /** Ordinary spaces, tabs and line breaks around a number are layout, not a quirk: no flag. */
  private static String trimAscii(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && " \t\r\n".indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && " \t\r\n".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String stripOddSpaces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00A0' || c == '\u3000'
        || c == '\u200B' || c == '\uFEFF';
  }

  private static String toHalfWidthDigits(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '０' && c <= '９') {
        sb.append((char) (c - '０' + '0'));
      } else if (c == '．' && i > 0 && Character.isDigit(toAscii(s.charAt(i - 1)))) {
        sb.append('.');
      } else if (c == '＋') {
        sb.append('+');
      } else if (c == '－' && i + 1 < s.length() && Character.isDigit(toAscii(s.charAt(i + 1)))) {
        // a negative 本年增/减 typed with the full-width hyphen-minus: －15
        sb.append('-');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static char toAscii(char c) {
    return c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c;
  }

}
