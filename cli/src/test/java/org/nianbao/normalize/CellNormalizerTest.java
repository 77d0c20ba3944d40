package org.nianbao.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.model.Flag;
import org.nianbao.model.ValueType;

class CellNormalizerTest {
  private final CellNormalizer normalizer = new CellNormalizer();

  @ParameterizedTest(name = "[{0}] as {1} -> {2} ({3})")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
    "0|INT|0|",
    " 12 |INT|12|",
    "\u3000\u30000|INT|0|whitespace",
    "\u00A07\u00A0|INT|7|whitespace",
    "00|INT|0|double_zero",
    "000|INT|0|double_zero",
    "１２|INT|12|fullwidth",
    "-|INT|0|dash_as_zero",
    "—|INT|0|dash_as_zero",
    "/|INT|0|dash_as_zero",
    "无|INT|0|dash_as_zero",
    "12件|INT|12|unit_stripped",
    "251000元|DECIMAL|251000|unit_stripped",
    "1,234|INT|1234|thousands_sep",
    "1，234|INT|1234|thousands_sep",
    "+14|SIGNED_INT|14|signed",
    "-15|SIGNED_INT|-15|signed",
    "－15|SIGNED_INT|-15|fullwidth;signed",
    "−15|SIGNED_INT|-15|signed",
    "−3|INT|NULL|unparseable",
    "－|SIGNED_INT|0|dash_as_zero",
    "−|INT|0|dash_as_zero",
    "9116.36|DECIMAL|9116.36|",
    "４,５６７件|INT|4567|fullwidth;unit_stripped;thousands_sep",
    "''|INT|NULL|blank",
    "'\u3000'|INT|NULL|blank",
    "约5|INT|NULL|unparseable",
    "1 2|INT|NULL|unparseable",
    "3.5|INT|NULL|unparseable",
    "+3|INT|NULL|unparseable",
    "1,23|INT|NULL|unparseable",
  })
  void readsQuirksAndRecordsTheFix(String raw, ValueType type, String value, String flags) {
    Normalized n = normalizer.normalize(raw, type);
    if (value == null) {
      assertNull(n.value());
    } else {
      assertEquals(0, new BigDecimal(value).compareTo(n.value()), "value of " + raw);
    }
    assertEquals(parse(flags), n.flags(), "flags of " + raw);
  }

  private static Set<Flag> parse(String flags) {
    EnumSet<Flag> out = EnumSet.noneOf(Flag.class);
    if (flags != null && !flags.isBlank()) {
      for (String f : flags.split(";")) {
        out.add(Flag.valueOf(f.toUpperCase(java.util.Locale.ROOT)));
      }
    }
    return out;
  }

  @Property
  void plainNumbersRoundTrip(@ForAll @IntRange(min = 0, max = 10_000_000) int n) {
    Normalized r = normalizer.normalize(Integer.toString(n), ValueType.INT);
    assertEquals(Integer.toString(n), r.value().toPlainString());
    assertEquals(Set.of(), r.flags());
  }

  @Property
  void signedDeltasRoundTrip(@ForAll @IntRange(min = -5000, max = 5000) int n) {
    String text = n > 0 ? "+" + n : Integer.toString(n);
    Normalized r = normalizer.normalize(text, ValueType.SIGNED_INT);
    assertEquals(n, r.value().intValueExact());
  }
}
