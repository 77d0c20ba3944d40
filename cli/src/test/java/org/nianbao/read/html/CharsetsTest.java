package org.nianbao.read.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The UTF-8 check says what the JDK's strict decoder says, without decoding. */
class CharsetsTest {
  @Property(tries = 3000)
  void agreesWithTheStrictDecoder(@ForAll("utf8ish") byte[] bytes) {
    assertEquals(strict(bytes, 0), Charsets.isUtf8(bytes, 0));
    if (bytes.length > 1) {
      assertEquals(strict(bytes, 1), Charsets.isUtf8(bytes, 1));
    }
  }

  /** Byte strings near UTF-8: Chinese and ASCII text, cut at any byte, with any byte changed. */
  @Provide
  Arbitrary<byte[]> utf8ish() {
    Arbitrary<byte[]> text = Arbitraries.strings().withCharRange('\u0000', '\u00ff').withCharRange('\u4e00', '\u9fff')
        .withCharRange('\ud800', '\udfff').ofMaxLength(12).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(8);
    return Arbitraries.oneOf(text, any, text.flatMap(b -> b.length == 0 ? Arbitraries.just(b)
        : Arbitraries.integers().between(0, b.length - 1).flatMap(at -> Arbitraries.bytes().map(v -> {
          byte[] changed = b.clone();
          changed[at] = v;
          return changed;
        }))), text.flatMap(b -> Arbitraries.integers().between(0, b.length).map(cut -> Arrays.copyOf(b, cut))));
  }

  @Test
  void theEdgesOfEachForm() {
    assertTrue(Charsets.isUtf8(bytes(0xE4, 0xB8, 0x80), 0)); // 一
    assertTrue(Charsets.isUtf8(bytes(0xF4, 0x8F, 0xBF, 0xBF), 0)); // U+10FFFF
    assertFalse(Charsets.isUtf8(bytes(0xF4, 0x90, 0x80, 0x80), 0)); // above U+10FFFF
    assertFalse(Charsets.isUtf8(bytes(0xED, 0xA0, 0x80), 0)); // an encoded surrogate
    assertFalse(Charsets.isUtf8(bytes(0xC0, 0xAF), 0)); // an overlong '/'
    assertFalse(Charsets.isUtf8(bytes(0xE0, 0x80, 0xAF), 0)); // another
    assertFalse(Charsets.isUtf8(bytes(0xE4, 0xB8), 0)); // cut short
    assertFalse(Charsets.isUtf8("年报".getBytes(Charset.forName("GBK")), 0));
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static boolean strict(byte[] b, int offset) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, offset, b.length - offset));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
