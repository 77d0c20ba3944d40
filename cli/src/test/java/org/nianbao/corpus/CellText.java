package org.nianbao.corpus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The printed text of one cell together with what the contract says it must read as. Each factory is
 * one quirk, so the expected value and flags follow from how the text was made, never from parsing it.
 *
 * @param printed the cell text as it goes into the document ("" for an empty cell)
 * @param value the expected value text (plain digits), or null when the cell reads as empty
 * @param flags the expected flag codes in contract order
 */
public record CellText(String printed, String value, List<String> flags) {
  /** The contract's flag order (cells.csv {@code flags}). */
  public static final List<String> FLAG_ORDER = List.of(
      "double_zero", "fullwidth", "whitespace", "dash_as_zero", "unit_stripped", "thousands_sep", "signed",
      "blank", "fuzzy_label", "unparseable", "header_realigned");
  /** Flags whose fix is reported as a {@code cell_fixed} info anomaly. */
  public static final List<String> FIXES = List.of("fullwidth", "dash_as_zero", "unit_stripped", "thousands_sep");

  public CellText {
    flags = flags.stream().sorted(Comparator.comparingInt(CellText::rank)).distinct().toList();
    if (value == null && !(flags.contains("blank") || flags.contains("unparseable"))) {
      throw new IllegalArgumentException("an empty value needs blank or unparseable: " + printed);
    }
  }

  private static int rank(String flag) {
    int i = FLAG_ORDER.indexOf(flag);
    if (i < 0) {
      throw new IllegalArgumentException("unknown flag " + flag);
    }
    return i;
  }

  public CellText withFlag(String flag) {
    List<String> more = new ArrayList<>(flags);
    more.add(flag);
    return new CellText(printed, value, more);
  }

  public boolean has(String flag) {
    return flags.contains(flag);
  }

  /** The number the identities use: empty cells count as 0. */
  public BigDecimal number() {
    return value == null ? BigDecimal.ZERO : new BigDecimal(value);
  }

  public static CellText plain(BigDecimal n) {
    return new CellText(plainText(n), plainText(n), List.of());
  }

  public static CellText plain(long n) {
    return plain(BigDecimal.valueOf(n));
  }

  /** A decimal printed as written, e.g. {@code 73802895.90}; the value drops trailing zeros. */
  public static CellText decimal(String printed) {
    return new CellText(printed, plainText(new BigDecimal(printed)), List.of());
  }

  /** ASCII spaces or tabs around a number are trimmed without a flag. */
  public static CellText asciiPadded(long n) {
    return new CellText(" " + n + " ", Long.toString(n), List.of());
  }

  /** U+3000 or U+00A0 around a number: {@code pad} is put before, {@code after} after. */
  public static CellText padded(String before, long n, String after) {
    return new CellText(before + n + after, Long.toString(n), List.of("whitespace"));
  }

  public static CellText doubleZero(String zeros) {
    return new CellText(zeros, "0", List.of("double_zero"));
  }

  public static CellText fullwidth(long n) {
    return new CellText(toFullwidth(Long.toString(n)), Long.toString(n), List.of("fullwidth"));
  }

  public static CellText fullwidthWithUnit(long n, String unit) {
    return new CellText(toFullwidth(Long.toString(n)) + unit, Long.toString(n), List.of("fullwidth", "unit_stripped"));
  }

  public static CellText dash(String dash) {
    return new CellText(dash, "0", List.of("dash_as_zero"));
  }

  public static CellText withUnit(String number, String unit) {
    return new CellText(number + unit, plainText(new BigDecimal(number)), List.of("unit_stripped"));
  }

  public static CellText thousands(long n, String separator) {
    if (n < 1000) {
      throw new IllegalArgumentException("no thousands separator in " + n);
    }
    String grouped = String.format(java.util.Locale.ROOT, "%,d", n).replace(",", separator);
    return new CellText(grouped, Long.toString(n), List.of("thousands_sep"));
  }

  /** A signed delta in a {@code signed_int} column: {@code +14} or {@code -15}. */
  public static CellText signed(long n) {
    return new CellText((n >= 0 ? "+" : "") + n, Long.toString(n), List.of("signed"));
  }

  /** A negative delta typed with the full-width hyphen-minus U+FF0D: {@code －15}. */
  public static CellText fullwidthMinus(long n) {
    if (n >= 0) {
      throw new IllegalArgumentException("a minus needs a negative number: " + n);
    }
    return new CellText("－" + -n, Long.toString(n), List.of("fullwidth", "signed"));
  }

  /** A negative delta typed with the minus sign U+2212, a proper sign: {@code −15}. */
  public static CellText minusSign(long n) {
    if (n >= 0) {
      throw new IllegalArgumentException("a minus needs a negative number: " + n);
    }
    return new CellText("\u2212" + -n, Long.toString(n), List.of("signed"));
  }

  /** An empty cell; {@code printed} may hold only white space such as a lone no-break space. */
  public static CellText blank(String printed) {
    return new CellText(printed, null, List.of("blank"));
  }

  public static CellText unparseable(String printed) {
    return new CellText(printed, null, List.of("unparseable"));
  }

  /** The value text as cells.csv writes it: plain digits, no exponent, no trailing fraction zeros. */
  static String plainText(BigDecimal n) {
    BigDecimal stripped = n.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  static String toFullwidth(String ascii) {
    StringBuilder sb = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      sb.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
    }
    return sb.toString();
  }
}
