package org.nianbao.read.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.source.SourceDocument;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads DOCX: the package is opened with {@link OpcPackage} and the main part walked as WordprocessingML
 * (DOM), because the body holds content controls ({@code w:sdt}) and rows wrapped in them, and because
 * {@code gridBefore}, {@code gridSpan}, {@code vMerge} and the legacy {@code hMerge} are needed as the file
 * states them. Styles serve heading levels; the core properties give the title. Headers and footers are
 * not read. POI's XWPF is not used: initialising its XmlBeans type system costs half a second of CPU in
 * every JVM that reads its first DOCX.
 */
public final class DocxReader implements DocumentReader {
  private static final String FORMAT = "DOCX";
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  /** Guards against a style whose {@code basedOn} chain loops. */
  private static final int MAX_STYLE_HOPS = 16;

  @Override
  public SourceDocument read(byte[] bytes, String source, String fileType) throws DocumentReadException {
    if (FileMagic.valueOf(bytes) == FileMagic.OLE2) {
      throw oleContainer(bytes);
    }
    List<WordBlock> blocks;
    Map<String, String> metadata;
    try {
      OpcPackage pkg = OpcPackage.read(bytes);
      OpcPackage.Relationship main = pkg.first("", "officeDocument");
      if (main == null) {
        throw new IOException(org.nianbao.model.Messages.text("read.docx_no_main"));
      }
      Element document = root(pkg, main.target(), "document");
      Element body = child(document, "body");
      Map<String, Element> styles = styles(pkg, main.target());
      blocks = body == null ? List.of() : new Walker(styles).body(body);
      String title = title(pkg);
      metadata = title == null || title.isBlank() ? Map.of() : Map.of("title", title.strip());
    } catch (IOException | RuntimeException e) {
      throw corrupt(e);
    }
    return WordDocuments.assemble(source, fileType, FORMAT, blocks, metadata);
  }

  /** The root element of a part, which must be {@code w:<local>}. */
  private static Element root(OpcPackage pkg, String part, String local) throws IOException {
    byte[] xml = pkg.part(part);
    if (xml == null) {
      throw new IOException(org.nianbao.model.Messages.text("read.docx_part_missing", part));
    }
    Element root = OpcPackage.parse(xml, part).getDocumentElement();
    if (!local.equals(wordName(root))) {
      throw new IOException(org.nianbao.model.Messages.text("read.docx_part_wrong", part, "w:" + local, root.getTagName()));
    }
    return root;
  }

  /**
   * The styles by {@code w:styleId}, the first of an id winning; null if the main part has no styles
   * part.
   */
  private static Map<String, Element> styles(OpcPackage pkg, String mainPart) throws IOException {
    OpcPackage.Relationship rel = pkg.last(mainPart, "styles");
    if (rel == null) {
      return null;
    }
    Map<String, Element> styles = new HashMap<>();
    for (Element style : children(root(pkg, rel.target(), "styles"))) {
      if (wordName(style).equals("style") && style.hasAttributeNS(W, "styleId")) {
        styles.putIfAbsent(style.getAttributeNS(W, "styleId"), style);
      }
    }
    return styles;
  }

  /** {@code dc:title} of the core properties; a missing or damaged core part has none. */
  private static String title(OpcPackage pkg) throws IOException {
    OpcPackage.Relationship rel = pkg.first("", "metadata/core-properties");
    byte[] xml = rel == null ? null : pkg.part(rel.target());
    if (xml == null) {
      return null;
    }
    try {
      NodeList titles = OpcPackage.parse(xml, rel.target()).getElementsByTagNameNS(DC, "title");
      return titles.getLength() == 0 ? null : titles.item(0).getTextContent();
    } catch (IOException e) {
      return null;
    }
  }

  /** An encrypted DOCX is an OLE2 container holding the encrypted package, not a zip. */
  private static DocumentReadException oleContainer(byte[] bytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
        return new DocumentReadException(org.nianbao.model.Messages.text("read.encrypted"));
      }
      return new DocumentReadException(org.nianbao.model.Messages.text("read.docx_ole2"));
    } catch (IOException | RuntimeException e) {
      return corrupt(e);
    }
  }

  private static DocumentReadException corrupt(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new DocumentReadException(org.nianbao.model.Messages.text("read.corrupt", FORMAT, message), e);
  }

  /** One walk over one document's body; holds the paragraph counter for the {@code p N} locators. */
  private static final class Walker {
    private final Map<String, Element> styles;
    private int paragraphs;

    Walker(Map<String, Element> styles) {
      this.styles = styles;
    }

    List<WordBlock> body(Element body) {
      List<WordBlock> out = new ArrayList<>();
      blockContent(body, out);
      return out;
    }

    private void blockContent(Element parent, List<WordBlock> out) {
      for (Element child : children(parent)) {
        switch (wordName(child)) {
          case "p" -> out.add(new WordParagraph(paragraphText(child), ++paragraphs, headingLevel(child)));
          case "tbl" -> out.add(table(child));
          case "sdt", "sdtContent", "customXml" -> blockContent(child, out);
          default -> {
            // section properties, bookmarks, proofing marks: no text
          }
        }
      }
    }

    private WordTable table(Element tbl) {
      int width = 0;
      Element grid = child(tbl, "tblGrid");
      if (grid != null) {
        width = (int) children(grid).stream().filter(g -> wordName(g).equals("gridCol")).count();
      }
      List<Element> trs = new ArrayList<>();
      collect(tbl, "tr", trs);
      List<List<WordCell>> rows = new ArrayList<>(trs.size());
      List<WordTable> nested = new ArrayList<>();
      for (Element tr : trs) {
        Element trPr = child(tr, "trPr");
        int col = clamp(intVal(child(trPr, "gridBefore"), 0));
        List<Element> tcs = new ArrayList<>();
        collect(tr, "tc", tcs);
        List<WordCell> row = new ArrayList<>(tcs.size());
        for (Element tc : tcs) {
          WordCell cell = cell(tc, col, nested);
          row.add(cell);
          col = clamp(col + cell.span());
        }
        rows.add(row);
        width = Math.max(width, clamp(col + intVal(child(trPr, "gridAfter"), 0)));
      }
      return new WordTable(rows, width, nested);
    }

    private WordCell cell(Element tc, int col, List<WordTable> nested) {
      Element tcPr = child(tc, "tcPr");
      int span = Math.max(1, clamp(intVal(child(tcPr, "gridSpan"), 1)));
      Element vMerge = child(tcPr, "vMerge");
      WordCell.VerticalMerge vertical = vMerge == null
          ? WordCell.VerticalMerge.NONE
          : "restart".equals(attr(vMerge)) ? WordCell.VerticalMerge.RESTART : WordCell.VerticalMerge.CONTINUE;
      Element hMerge = child(tcPr, "hMerge");
      boolean continuesLeft = hMerge != null && !"restart".equals(attr(hMerge));
      List<String> lines = new ArrayList<>();
      cellContent(tc, lines, nested);
      return new WordCell(String.join("\n", lines), col, span, vertical, continuesLeft);
    }

    private void cellContent(Element parent, List<String> lines, List<WordTable> nested) {
      for (Element child : children(parent)) {
        switch (wordName(child)) {
          case "p" -> lines.add(paragraphText(child));
          case "tbl" -> nested.add(table(child));
          case "sdt", "sdtContent", "customXml" -> cellContent(child, lines, nested);
          default -> {
            // cell properties: no text
          }
        }
      }
    }

    /**
     * Rows and cells may sit inside content controls or custom XML wrappers; rows of tables nested deeper
     * are not this table's.
     */
    private void collect(Element parent, String name, List<Element> out) {
      for (Element child : children(parent)) {
        String local = wordName(child);
        if (local.equals(name)) {
          out.add(child);
        } else if (local.equals("sdt") || local.equals("sdtContent") || local.equals("customXml")) {
          collect(child, name, out);
        }
      }
    }

    private int headingLevel(Element p) {
      Element pPr = child(p, "pPr");
      int outline = intVal(child(pPr, "outlineLvl"), -1);
      if (outline >= 0 && outline <= 8) {
        return outline + 1;
      }
      String styleId = attr(child(pPr, "pStyle"));
      for (int hop = 0; styleId != null && hop < MAX_STYLE_HOPS; hop++) {
        Element style = styles == null ? null : styles.get(styleId);
        String styleName = style == null ? null : attr(child(style, "name"));
        int byName = WordDocuments.styleHeadingLevel(styleName == null ? styleId : styleName);
        if (byName > 0 || style == null) {
          return byName;
        }
        Element stylePPr = child(style, "pPr");
        int styleOutline = intVal(child(stylePPr, "outlineLvl"), -1);
        if (styleOutline >= 0 && styleOutline <= 8) {
          return styleOutline + 1;
        }
        styleId = attr(child(style, "basedOn"));
      }
      return 0;
    }
  }

  private static String paragraphText(Element p) {
    StringBuilder out = new StringBuilder();
    runText(p, out);
    return out.toString();
  }

  /**
   * Visible text of a paragraph in document order. Skipped: deleted revisions, field instructions
   * ({@code w:instrText}; the field result is ordinary runs), and drawings, whose text boxes would splice
   * unrelated text into the middle of the line.
   */
  private static void runText(Element parent, StringBuilder out) {
    for (Element child : children(parent)) {
      String local = child.getLocalName();
      String ns = child.getNamespaceURI();
      if ("t".equals(local) && (W.equals(ns) || MATH.equals(ns))) {
        out.append(child.getTextContent());
      } else if ("Fallback".equals(local)) {
        // mc:Fallback repeats mc:Choice for older readers
        continue;
      } else if (W.equals(ns)) {
        switch (local) {
          case "tab", "ptab" -> out.append('\t');
          case "br", "cr" -> out.append('\n');
          case "noBreakHyphen" -> out.append('-');
          case "pPr", "rPr", "sdtPr", "del", "moveFrom", "delText", "instrText", "fldData", "drawing", "pict",
              "object" -> {
            // not visible text
          }
          default -> runText(child, out);
        }
      } else {
        runText(child, out);
      }
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The local name of a WordprocessingML element, or "" for any other namespace. */
  private static String wordName(Element e) {
    return W.equals(e.getNamespaceURI()) ? e.getLocalName() : "";
  }

  private static Element child(Element parent, String local) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && W.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  /** {@code w:val}, or null if the element or the attribute is absent. */
  private static String attr(Element element) {
    if (element == null) {
      return null;
    }
    Attr val = element.getAttributeNodeNS(W, "val");
    return val == null ? null : val.getValue();
  }

  /** A damaged number attribute means "not stated", so one bad span does not lose the whole document. */
  private static int intVal(Element element, int fallback) {
    String text = attr(element);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      return value < 0 ? fallback : value;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Keeps sums of spans from overflowing; {@link WordDocuments} rejects anything this wide. */
  private static int clamp(int columns) {
    return columns < 0 ? WordDocuments.MAX_COLUMNS + 1 : Math.min(columns, WordDocuments.MAX_COLUMNS + 1);
  }
}
