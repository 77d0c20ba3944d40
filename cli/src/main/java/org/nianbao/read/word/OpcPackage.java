package org.nianbao.read.word;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.nianbao.model.Messages;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML parts of an Office Open XML package (a zip), found the way OPC finds them: through the
 * relationships in {@code _rels/.rels} and in each part's {@code _rels/<name>.rels}. Part names match
 * case-insensitively and without a leading {@code /}. Only {@code .xml} and {@code .rels} entries are kept;
 * the others (images, embedded objects) are inflated and dropped, so a zip bomb anywhere is still refused.
 */
final class OpcPackage {
  static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
  /** Largest entry inflated, whatever its compression. */
  static final long MAX_PART_BYTES = 256L << 20;
  /**
   * Largest XML part kept: its tree must fit a worker's heap beside everything else (a government report's
   * main part is a few MB).
   */
  static final long MAX_XML_PART_BYTES = 64L << 20;
  /** Largest sum of all entries inflated, kept or not. */
  static final long MAX_TOTAL_BYTES = 1L << 30;
  /** A part inflated beyond this must be at least {@link #MIN_RATIO_PERCENT} % of that size compressed. */
  static final long RATIO_GRACE_BYTES = 4L << 20;
  static final int MIN_RATIO_PERCENT = 1;

  private static final DocumentBuilderFactory XML = hardenedFactory();

  /** One relationship of a part, its target resolved to a part name; external targets are left out. */
  record Relationship(String id, String type, String target) {}

  private final Map<String, byte[]> parts;

  private OpcPackage(Map<String, byte[]> parts) {
    this.parts = parts;
  }

  /**
   * Reads the zip.
   *
   * @throws IOException a damaged zip, two entries of one name, or an entry over the limits (a zip bomb)
   */
  static OpcPackage read(byte[] bytes) throws IOException {
    Map<String, byte[]> parts = new HashMap<>();
    CountingInput raw = new CountingInput(new ByteArrayInputStream(bytes));
    long total = 0;
    boolean any = false;
    try (ZipInputStream zip = new ZipInputStream(raw)) {
      byte[] buffer = new byte[8192];
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        any = true;
        String name = normalize(entry.getName());
        boolean keep = !entry.isDirectory() && (name.endsWith(".xml") || name.endsWith(".rels"));
        ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
        long maxSize = keep ? MAX_XML_PART_BYTES : MAX_PART_BYTES;
        long start = raw.count;
        long size = 0;
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
          size += n;
          total += n;
          checkLimits(entry.getName(), size, raw.count - start, total, maxSize);
          if (out != null) {
            out.write(buffer, 0, n);
          }
        }
        if (out != null && parts.put(name, out.toByteArray()) != null) {
          throw new IOException(Messages.text("read.docx_duplicate_entry", entry.getName()));
        }
      }
    }
    if (!any) {
      throw new IOException(Messages.text("read.docx_not_zip"));
    }
    return new OpcPackage(parts);
  }

  private static void checkLimits(String entry, long inflated, long compressed, long total, long maxPart)
      throws IOException {
    if (inflated > maxPart) {
      throw new IOException(Messages.text("read.docx_bomb_part", entry, maxPart >> 20));
    }
    if (total > MAX_TOTAL_BYTES) {
      throw new IOException(Messages.text("read.docx_bomb_total", entry, MAX_TOTAL_BYTES >> 20));
    }
    if (inflated > RATIO_GRACE_BYTES && compressed * 100 < inflated * MIN_RATIO_PERCENT) {
      throw new IOException(Messages.text("read.docx_bomb_ratio", entry, 100 / MIN_RATIO_PERCENT));
    }
  }

  /** A part's bytes, or null if the package has no such part. */
  byte[] part(String name) {
    return name == null ? null : parts.get(normalize(name));
  }

  /**
   * The relationships of a part ({@code ""} for the package itself), in the order of their ids, as POI
   * holds them; none if the part has no relationships part.
   *
   * @throws IOException the relationships part is not well-formed XML
   */
  List<Relationship> relationships(String source) throws IOException {
    String folder = source.contains("/") ? source.substring(0, source.lastIndexOf('/') + 1) : "";
    String file = source.substring(folder.length());
    String relsName = folder + "_rels/" + file + ".rels";
    byte[] rels = part(relsName);
    List<Relationship> out = new ArrayList<>();
    if (rels == null) {
      return out;
    }
    Element root = parse(rels, relsName).getDocumentElement();
    URI base;
    try {
      base = new URI(null, null, "/" + source, null);
    } catch (URISyntaxException e) {
      return out;
    }
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && RELATIONSHIPS.equals(e.getNamespaceURI())
          && "Relationship".equals(e.getLocalName()) && !"External".equals(e.getAttribute("TargetMode"))) {
        String target = resolve(base, e.getAttribute("Target"));
        if (target != null) {
          out.add(new Relationship(e.getAttribute("Id"), e.getAttribute("Type"), target));
        }
      }
    }
    out.sort(Comparator.comparing(Relationship::id));
    return out;
  }

  /** The first relationship of a part (in id order) whose type ends with {@code /typeSuffix}, or null. */
  Relationship first(String source, String typeSuffix) throws IOException {
    for (Relationship r : relationships(source)) {
      if (r.type().endsWith("/" + typeSuffix)) {
        return r;
      }
    }
    return null;
  }

  /**
   * The last relationship (in id order) whose type ends with {@code /typeSuffix} and whose target exists:
   * POI skips relationships to missing parts and keeps the last styles part it meets.
   */
  Relationship last(String source, String typeSuffix) throws IOException {
    Relationship found = null;
    for (Relationship r : relationships(source)) {
      if (r.type().endsWith("/" + typeSuffix) && part(r.target()) != null) {
        found = r;
      }
    }
    return found;
  }

  private static String resolve(URI base, String target) {
    if (target.isEmpty()) {
      return null;
    }
    try {
      String path = base.resolve(new URI(target)).normalize().getPath();
      return path == null || path.isEmpty() || path.startsWith("/..") ? null : normalize(path);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Parses one part with the JDK's namespace-aware DOM parser: no DTD, no entities from anywhere, no
   * XInclude. A part with a DOCTYPE is refused like any other malformed XML.
   *
   * @throws IOException the part is not well-formed (or declares a DOCTYPE)
   */
  static Document parse(byte[] xml, String name) throws IOException {
    try {
      DocumentBuilder builder;
      synchronized (XML) {
        // a factory is not promised to be thread-safe; the builders it makes are used by one thread each
        builder = XML.newDocumentBuilder();
      }
      builder.setErrorHandler(Silent.INSTANCE);
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entity refused: " + systemId);
      });
      return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      throw new IOException(Messages.text("read.docx_bad_xml", name, e.getMessage()), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DocumentBuilderFactory hardenedFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f;
  }

  /** Part names as OPC compares them: case-insensitive, no leading slash. */
  private static String normalize(String name) {
    String n = name.replace('\\', '/');
    while (n.startsWith("/")) {
      n = n.substring(1);
    }
    return n.toLowerCase(Locale.ROOT);
  }

  /** Errors end the parse with their message; nothing is printed. */
  private enum Silent implements ErrorHandler {
    INSTANCE;

    @Override
    public void warning(SAXParseException e) {
      // not a reason to refuse the part
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  /** Counts the compressed bytes the inflater has taken, for the ratio check. */
  private static final class CountingInput extends FilterInputStream {
    private long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
