package org.nianbao.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Detects a file's type from its bytes (magic numbers and container structure), never from its name. */
public final class FileTypes {
  public static final String PDF = "pdf";
  public static final String DOCX = "docx";
  public static final String DOC = "doc";
  public static final String HTML = "html";
  public static final String TXT = "txt";
  public static final String XLS = "xls";
  public static final String XLSX = "xlsx";
  public static final String ZIP = "zip";
  public static final String EMPTY = "empty";

  private FileTypes() {}

  public static String detect(byte[] b) {
    if (b.length == 0) {
      return EMPTY;
    }
    if (startsWith(b, 0, 0x25, 0x50, 0x44, 0x46) || indexOf(b, "%PDF-", 1024) >= 0) {
      return PDF;
    }
    if (startsWith(b, 0, 0x50, 0x4B, 0x03, 0x04) || startsWith(b, 0, 0x50, 0x4B, 0x05, 0x06)) {
      return zipKind(b);
    }
    if (startsWith(b, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return oleKind(b);
    }
    if (startsWith(b, 0, 0x89, 0x50, 0x4E, 0x47)
        || startsWith(b, 0, 0xFF, 0xD8, 0xFF)
        || startsWith(b, 0, 0x47, 0x49, 0x46, 0x38)
        || startsWith(b, 0, 0x49, 0x49, 0x2A, 0x00)
        || startsWith(b, 0, 0x4D, 0x4D, 0x00, 0x2A)
        || startsWith(b, 0, 0x42, 0x4D)) {
      return "image";
    }
    if (startsWith(b, 0, 0x4D, 0x5A) || startsWith(b, 0, 0x7F, 0x45, 0x4C, 0x46)) {
      return "exe";
    }
    if (startsWith(b, 0, 0x7B, 0x5C, 0x72, 0x74, 0x66)) {
      return "rtf";
    }
    if (startsWith(b, 0, 0x1F, 0x8B) || startsWith(b, 0, 0x52, 0x61, 0x72, 0x21) || startsWith(b, 0, 0x37, 0x7A, 0xBC)) {
      return "archive";
    }
    if (looksBinary(b)) {
      return "binary";
    }
    return looksHtml(b) ? HTML : TXT;
  }

  private static String zipKind(byte[] b) {
    boolean word = false;
    boolean excel = false;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b), StandardCharsets.UTF_8)) {
      ZipEntry e;
      int seen = 0;
      while ((e = zip.getNextEntry()) != null && seen++ < 2000) {
        String name = e.getName();
        word |= name.equals("word/document.xml");
        excel |= name.equals("xl/workbook.xml");
      }
    } catch (IOException | IllegalArgumentException e) {
      // a damaged zip: decide by what was seen before the damage
    }
    return word ? DOCX : excel ? XLSX : ZIP;
  }

  private static String oleKind(byte[] b) {
    if (indexOfUtf16(b, "WordDocument") >= 0) {
      return DOC;
    }
    if (indexOfUtf16(b, "Workbook") >= 0 || indexOfUtf16(b, "Book") >= 0) {
      return XLS;
    }
    return "ole";
  }

  private static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 8192);
    int controls = 0;
    boolean utf16 = startsWith(b, 0, 0xFF, 0xFE) || startsWith(b, 0, 0xFE, 0xFF);
    if (utf16) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        return true;
      }
      if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) {
        controls++;
      }
    }
    return controls > n / 20;
  }

  private static boolean looksHtml(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int lt = head.indexOf('<');
    if (lt < 0) {
      return false;
    }
    String before = head.substring(0, lt).replace("\u00ef\u00bb\u00bf", "").strip();
    if (!before.isEmpty()) {
      return false;
    }
    return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
        || head.contains("<table") || head.contains("<div") || head.contains("<p") || head.contains("<meta")
        || head.contains("<head");
  }

  private static boolean startsWith(byte[] b, int off, int... magic) {
    if (b.length < off + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[off + i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, String ascii, int limit) {
    byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
    int end = Math.min(b.length, limit) - needle.length;
    outer:
    for (int i = 0; i <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int indexOfUtf16(byte[] b, String ascii) {
    byte[] needle = ascii.getBytes(StandardCharsets.UTF_16LE);
    int end = b.length - needle.length;
    outer:
    for (int i = 0; i <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
