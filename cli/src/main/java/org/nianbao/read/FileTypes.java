package org.nianbao.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.microsoft.POIFSContainerDetector;
import org.apache.tika.detect.zip.DefaultZipContainerDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Detects a file's type from its bytes, never from its name: Tika's MIME magic with its OLE and OOXML
 * container detectors (which look inside a Word or Excel file for its streams or parts) decide every binary
 * format. Text is left to two checks of our own, because Tika calls GBK text {@code application/octet-stream}
 * and calls HTML fragments without an {@code <html>} tag plain text.
 */
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
  public static final String PNG = "png";
  public static final String JPG = "jpg";
  public static final String TIFF = "tiff";

  /** Media types (and everything Tika registers as a specialization of them) and the code each gets. */
  private static final Map<String, String> BY_MEDIA_TYPE = Map.ofEntries(
      Map.entry("application/pdf", PDF),
      Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCX),
      Map.entry("application/vnd.ms-word.document.macroenabled.12", DOCX),
      Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.template", DOCX),
      Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XLSX),
      Map.entry("application/vnd.ms-excel.sheet.macroenabled.12", XLSX),
      Map.entry("application/msword", DOC),
      Map.entry("application/vnd.ms-excel", XLS),
      Map.entry("application/x-tika-msoffice", "ole"),
      Map.entry("application/zip", ZIP),
      Map.entry("application/rtf", "rtf"),
      Map.entry("application/x-msdownload", "exe"),
      Map.entry("application/x-dosexec", "exe"),
      Map.entry("application/x-executable", "exe"),
      Map.entry("application/x-sharedlib", "exe"),
      Map.entry("application/x-elf", "exe"),
      Map.entry("application/gzip", "archive"),
      Map.entry("application/x-rar-compressed", "archive"),
      Map.entry("application/x-7z-compressed", "archive"),
      Map.entry("application/x-bzip2", "archive"),
      Map.entry("application/x-xz", "archive"),
      Map.entry("application/x-tar", "archive"),
      Map.entry("image/png", PNG),
      Map.entry("image/jpeg", JPG),
      Map.entry("image/tiff", TIFF),
      Map.entry("text/html", HTML),
      Map.entry("application/xhtml+xml", HTML));

  /** Types whose answer comes from the text checks below, not from Tika. */
  private static final Set<String> TEXTUAL = Set.of("text/plain", "application/octet-stream", "application/xml",
      "text/html", "application/xhtml+xml");

  private FileTypes() {}

  /** Tika's detectors of Word and Excel files by what their zip or OLE container holds. */
  private static final class Containers {
    static final Detector OLE = new POIFSContainerDetector();
    static final Detector ZIP = new DefaultZipContainerDetector();
  }

  /**
   * Built on first use: parsing Tika's MIME table takes a few hundred milliseconds of a worker's start, and
   * the common documents (text, HTML, PDF, Word) are typed without it.
   */
  private static final class Tika {
    static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
    static final MediaTypeRegistry REGISTRY = MIME_TYPES.getMediaTypeRegistry();
    static final Detector DETECTOR =
        new CompositeDetector(REGISTRY, List.of(Containers.OLE, Containers.ZIP, MIME_TYPES));
  }

  /**
   * Builds the container detectors now rather than on the first document, so that their start is not
   * counted against that document's time limit.
   */
  public static void prepare() {
    Containers.OLE.getClass();
  }

  public static String detect(byte[] b) {
    if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
      // Tika's answer for these is application/pdf; nothing else in its table can match a PDF's start
      return PDF;
    }
    if (plainText(b)) {
      return ownTextChecks(b);
    }
    String office = officeDocument(b);
    return office != null ? office : tikaDetect(b);
  }

  /**
   * A Word or Excel file told by Tika's container detector alone. Tika's composite answer is the most
   * specific of its detectors' answers, and for a zip or OLE file its MIME magic can only answer the
   * container itself ({@code application/zip}, {@code application/x-tika-msoffice}), so when the container
   * detector names a document type, that is the composite's answer too, without the magic's millisecond.
   * Null when the file is neither, or when the container detector names no document type.
   */
  private static String officeDocument(byte[] b) {
    Detector detector;
    if (startsWith(b, 'P', 'K', 3, 4)) {
      detector = Containers.ZIP;
    } else if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      detector = Containers.OLE;
    } else {
      return null;
    }
    MediaType type;
    try (TikaInputStream in = TikaInputStream.get(b)) {
      type = detector.detect(in, new Metadata());
    } catch (IOException e) {
      return null;
    }
    // looked up directly, not through the MIME table's supertypes, which this shortcut does not load
    String code = BY_MEDIA_TYPE.get(type.getBaseType().toString());
    return DOCX.equals(code) || DOC.equals(code) || XLSX.equals(code) || XLS.equals(code) ? code : null;
  }

  /** The answer through Tika's detectors, for every input: {@link #detect} takes shortcuts for the common ones. */
  static String tikaDetect(byte[] b) {
    if (b.length == 0) {
      return EMPTY;
    }
    MediaType type = mediaType(b);
    String base = type.getBaseType().toString();
    if (!TEXTUAL.contains(base)) {
      String code = code(type);
      if (code != null) {
        return code;
      }
      if (base.startsWith("image/")) {
        return "image";
      }
      if (isSpecialization(type, "application/zip")) {
        return ZIP;
      }
      if (isSpecialization(type, "application/x-tika-msoffice")) {
        return "ole";
      }
    }
    return ownTextChecks(b);
  }

  /** What a file is when Tika names no type of its own for it: a PDF after junk, binary, HTML or text. */
  private static String ownTextChecks(byte[] b) {
    // A PDF preceded by junk (a web server's header, a BOM) is still a PDF; PDF readers look this far too.
    if (indexOf(b, "%PDF-", 1024) >= 0) {
      return PDF;
    }
    if (looksBinary(b)) {
      return "binary";
    }
    return looksHtml(b) ? HTML : TXT;
  }

  /**
   * Text for which Tika's MIME magic can only answer a textual type, so that its answer (which costs about a
   * millisecond of a worker's time per document, most of the detection) would change nothing: Chinese text
   * (a first byte above ASCII, the way GBK and UTF-8 reports start) or an HTML page (its doctype or
   * {@code <html>} first), with no control byte among its first bytes (every binary signature in Tika's table
   * has one) and none of the few signatures Tika looks for past the start (a PDF header, {@code 7z},
   * {@code ftyp}, FreeHand, DXF, the Word 6 and Excel 5 names at 2080). FileTypesTest checks that the answer
   * is Tika's for every sample file.
   */
  static boolean plainText(byte[] b) {
    int start = startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    // text pasted from a page often starts with blank lines or an indent; no signature in Tika's table does
    int bom = start;
    while (start < b.length && start < 256 && (b[start] == ' ' || b[start] == '\n' || b[start] == '\r'
        || b[start] == '\t')) {
      start++;
    }
    if (b.length < start + 16) {
      return false;
    }
    int first = b[start] & 0xFF;
    boolean chinese = (bom == 0 && first >= 0x81 && first <= 0xFE) || (bom == 3 && first >= 0x80);
    if (!chinese && !startsWithIgnoreCase(b, start, "<!doctype html") && !startsWithIgnoreCase(b, start, "<html")) {
      return false;
    }
    int n = Math.min(b.length, 1024);
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
        return false;
      }
    }
    return indexOf(b, "%PDF-", 1024) < 0 && indexOf(b, "%%", 130) < 0 && indexOf(b, "7z", 3) < 0
        && indexOf(b, "ftyp", 8) < 0 && indexOf(b, "FreeHand", 34) < 0 && indexOf(b, "SECTIO", 40) < 0
        && (b.length < 2080 || !hasAfter(b, 2080, 2200, "Microsoft", "Documento", "MSWordDoc", "Biff5", "Foglio"));
  }

  private static boolean hasAfter(byte[] b, int from, int to, String... needles) {
    byte[] window = Arrays.copyOfRange(b, from, Math.min(b.length, to));
    for (String needle : needles) {
      if (indexOf(window, needle, window.length) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithIgnoreCase(byte[] b, int offset, String ascii) {
    if (b.length < offset + ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      int c = b[offset + i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static MediaType mediaType(byte[] b) {
    try (TikaInputStream in = TikaInputStream.get(b)) {
      return Tika.DETECTOR.detect(in, new Metadata());
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  /** The code of the type or of the nearest supertype that has one. */
  private static String code(MediaType type) {
    for (MediaType t = type.getBaseType(); t != null; t = Tika.REGISTRY.getSupertype(t)) {
      String code = BY_MEDIA_TYPE.get(t.toString());
      if (code != null && !TEXTUAL.contains(t.toString())) {
        return code;
      }
      if (t.equals(MediaType.OCTET_STREAM) || t.equals(MediaType.TEXT_PLAIN)) {
        return null;
      }
    }
    return null;
  }

  private static boolean isSpecialization(MediaType type, String parent) {
    return Tika.REGISTRY.isSpecializationOf(type.getBaseType(), MediaType.parse(parent));
  }

  private static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 8192);
    int controls = 0;
    boolean utf16 = startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF);
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

  /** Markup from the first character on (after a BOM and white space), with a tag a web page starts with. */
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

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
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
}
