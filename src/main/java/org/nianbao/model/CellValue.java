package org.nianbao.model;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One canonical cell of a report with its provenance.
 *
 * @param value the number, or {@code null} when the cell is blank or could not be read with confidence
 * @param raw the cell's text exactly as read
 * @param page 1-based page, 0 for formats without pages
 * @param locator where in the document (table/row/column or line)
 * @param reviewer who corrected the value (--corrections), "" when nobody did
 * @param reviewNote the reviewer's note, "" when none
 */
public record CellValue(
    String key,
    BigDecimal value,
    String raw,
    Set<Flag> flags,
    int page,
    String locator,
    String rowLabel,
    String columnLabel,
    String reviewer,
    String reviewNote) {
  public CellValue {
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(reviewNote, "reviewNote");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(locator, "locator");
    Objects.requireNonNull(rowLabel, "rowLabel");
    Objects.requireNonNull(columnLabel, "columnLabel");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    if (value == null && !(flags.contains(Flag.BLANK) || flags.contains(Flag.UNPARSEABLE))) {
      throw new IllegalArgumentException(key + ": an empty value needs the flag blank or unparseable");
    }
  }

  /** A cell as read, not reviewed. */
  public CellValue(String key, BigDecimal value, String raw, Set<Flag> flags, int page, String locator,
      String rowLabel, String columnLabel) {
    this(key, value, raw, flags, page, locator, rowLabel, columnLabel, "", "");
  }

  /**
   * The reviewer's value in place of the one read: the raw text stays, the flag {@code reviewed} is added and
   * {@code blank}/{@code unparseable} dropped (the cell now has a value the identities use).
   */
  public CellValue reviewed(BigDecimal newValue, String by, String note) {
    EnumSet<Flag> more = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
    more.remove(Flag.BLANK);
    more.remove(Flag.UNPARSEABLE);
    more.add(Flag.REVIEWED);
    return new CellValue(key, newValue, raw, more, page, locator, rowLabel, columnLabel, by, note);
  }

  public Optional<BigDecimal> number() {
    return Optional.ofNullable(value);
  }

  /** The value as written to CSV: plain digits, no exponent, empty when absent. */
  public String valueText() {
    return value == null ? "" : plain(value);
  }

  /** A number as nianbao writes it everywhere: plain digits, no exponent, no trailing zeros. */
  public static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  /** Flags in their declaration order, {@code ;}-separated. */
  public String flagsText() {
    if (flags.isEmpty()) {
      return "";
    }
    return EnumSet.copyOf(flags).stream().map(Flag::code).collect(Collectors.joining(";"));
  }

  public String pageText() {
    return page == 0 ? "" : Integer.toString(page);
  }

  public CellValue withFlag(Flag flag) {
    EnumSet<Flag> more = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
    more.add(flag);
    return new CellValue(key, value, raw, more, page, locator, rowLabel, columnLabel, reviewer, reviewNote);
  }
}
