package org.nianbao.read.html;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Charset decisions shared by both readers; never falls back to the platform default. */
final class Charsets {
  static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * Labels of the GB family. Pages declaring any of them are decoded as GB18030, a superset, because
   * authoring tools write {@code gb2312} while the text routinely holds GBK-only characters.
   */
  private static final Set<String> GB_FAMILY = Set.of(
      "gb2312", "gb_2312", "gb_2312-80", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "csgb2312",
      "euc-cn", "x-euc-cn", "gb18030", "gb18030-2022");

  private Charsets() {}

  /** A byte-order mark: the charset it announces and how many bytes to skip. */
  record Bom(Charset charset, int length) {}

  static Optional<Bom> bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return Optional.of(new Bom(StandardCharsets.UTF_8, 3));
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return Optional.of(new Bom(StandardCharsets.UTF_16LE, 2));
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return Optional.of(new Bom(StandardCharsets.UTF_16BE, 2));
    }
    return Optional.empty();
  }

  /**
   * True when the bytes from {@code offset} are well-formed UTF-8 (ASCII included): the shortest form of
   * each code point, no encoded surrogates, nothing above U+10FFFF, no sequence cut short. Checked byte by
   * byte without decoding, as the text is decoded once afterwards.
   */
  static boolean isUtf8(byte[] b, int offset) {
    int i = offset;
    int n = b.length;
    while (i < n) {
      int lead = b[i] & 0xFF;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int more;
      int low = 0x80;
      int high = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        more = 1;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        more = 2;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        more = 3;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
      } else {
        return false;
      }
      if (i + more >= n) {
        return false;
      }
      int second = b[i + 1] & 0xFF;
      if (second < low || second > high) {
        return false;
      }
      for (int k = 2; k <= more; k++) {
        int next = b[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
      i += more + 1;
    }
    return true;
  }

  static boolean hasNonAscii(byte[] b, int offset) {
    for (int i = offset; i < b.length; i++) {
      if (b[i] < 0) {
        return true;
      }
    }
    return false;
  }

  /** The charset a label names, with the GB family widened to GB18030; empty when Java has none. */
  static Optional<Charset> named(String label) {
    String key = label.strip().toLowerCase(Locale.ROOT);
    if (GB_FAMILY.contains(key)) {
      return Optional.of(GB18030);
    }
    try {
      return Optional.of(Charset.forName(key));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  /** Decodes leniently: a stray bad byte becomes U+FFFD instead of failing the whole document. */
  static String decode(byte[] b, int offset, Charset charset) {
    return new String(b, offset, b.length - offset, charset);
  }
}
