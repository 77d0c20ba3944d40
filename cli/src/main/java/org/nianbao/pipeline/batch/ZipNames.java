package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Entry names as the archive's author meant them. A name flagged UTF-8 (or carrying a Unicode path field) is
 * read so; any other is decoded as GB18030 (a superset of GBK, what Chinese Windows tools write) and, where
 * that fails, byte for byte as ISO-8859-1, so a name in neither is still read, garbled. Decided per name.
 */
final class ZipNames {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private ZipNames() {}

  /** Opens a zip whose names are decoded by {@link #of}; the archive's own charset guess is not used. */
  static ZipFile open(Path file) throws IOException {
    return ZipFile.builder().setPath(file).setCharset(StandardCharsets.ISO_8859_1).get();
  }

  static String of(ZipArchiveEntry entry) {
    if (entry.getGeneralPurposeBit().usesUTF8ForNames() || entry.getExtraField(UnicodePathExtraField.UPATH_ID) != null) {
      return entry.getName();
    }
    byte[] raw = entry.getRawName();
    if (raw == null) {
      return entry.getName();
    }
    try {
      return GB18030.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(raw, StandardCharsets.ISO_8859_1);
    }
  }
}
