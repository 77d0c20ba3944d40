package org.nianbao.read.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.source.SourceDocument;

/**
 * Reads DOCX with POI XWPF. The body is walked as WordprocessingML rather than through XWPF's paragraph
 * and table lists, because those skip content controls ({@code w:sdt}) and rows wrapped in them, and
 * because {@code gridBefore}, {@code gridSpan}, {@code vMerge} and the legacy {@code hMerge} are needed
 * as the file states them. Headers and footers are not read.
 */
public final class DocxReader implements DocumentReader {
  private static final String FORMAT = "DOCX";
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math";
  private static final QName VAL = new QName(W, "val");
  /** Guards against a style whose {@code basedOn} chain loops. */
  private static final int MAX_STYLE_HOPS = 16;

  @Override
  public SourceDocument read(byte[] bytes, String source, String fileType) throws DocumentReadException {
    XWPFDocument doc = open(bytes);
    List<WordBlock> blocks;
    Map<String, String> metadata;
    try {
      XmlObject body = doc.getDocument().getBody();
      blocks = body == null ? List.of() : new Walker(doc.getStyles()).body(body);
      String title = doc.getProperties().getCoreProperties().getTitle();
      metadata = title == null || title.isBlank() ? Map.of() : Map.of("title", title.strip());
    } catch (RuntimeException e) {
      // XmlBeans and POI report malformed parts with assorted unchecked exceptions while parts are
      // loaded lazily; they describe the file, not a bug here.
      throw corrupt(e);
    } finally {
      // opened from memory: release without ever writing anything back
      doc.getPackage().revert();
    }
    return WordDocuments.assemble(source, fileType, FORMAT, blocks, metadata);
  }

  private static XWPFDocument open(byte[] bytes) throws DocumentReadException {
    if (FileMagic.valueOf(bytes) == FileMagic.OLE2) {
      throw oleContainer(bytes);
    }
    try {
      return new XWPFDocument(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw corrupt(e);
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
    private final XWPFStyles styles;
    private int paragraphs;

    Walker(XWPFStyles styles) {
      this.styles = styles;
    }

    List<WordBlock> body(XmlObject body) {
      List<WordBlock> out = new ArrayList<>();
      blockContent(body, out);
      return out;
    }

    private void blockContent(XmlObject parent, List<WordBlock> out) {
      for (XmlObject child : children(parent)) {
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

    private WordTable table(XmlObject tbl) {
      int width = 0;
      XmlObject grid = child(tbl, "tblGrid");
      if (grid != null) {
        width = (int) children(grid).stream().filter(g -> wordName(g).equals("gridCol")).count();
      }
      List<XmlObject> trs = new ArrayList<>();
      collect(tbl, "tr", trs);
      List<List<WordCell>> rows = new ArrayList<>(trs.size());
      List<WordTable> nested = new ArrayList<>();
      for (XmlObject tr : trs) {
        XmlObject trPr = child(tr, "trPr");
        int col = clamp(intVal(child(trPr, "gridBefore"), 0));
        List<XmlObject> tcs = new ArrayList<>();
        collect(tr, "tc", tcs);
        List<WordCell> row = new ArrayList<>(tcs.size());
        for (XmlObject tc : tcs) {
          WordCell cell = cell(tc, col, nested);
          row.add(cell);
          col = clamp(col + cell.span());
        }
        rows.add(row);
        width = Math.max(width, clamp(col + intVal(child(trPr, "gridAfter"), 0)));
      }
      return new WordTable(rows, width, nested);
    }

    private WordCell cell(XmlObject tc, int col, List<WordTable> nested) {
      XmlObject tcPr = child(tc, "tcPr");
      int span = Math.max(1, clamp(intVal(child(tcPr, "gridSpan"), 1)));
      XmlObject vMerge = child(tcPr, "vMerge");
      WordCell.VerticalMerge vertical = vMerge == null
          ? WordCell.VerticalMerge.NONE
          : "restart".equals(attr(vMerge)) ? WordCell.VerticalMerge.RESTART : WordCell.VerticalMerge.CONTINUE;
      XmlObject hMerge = child(tcPr, "hMerge");
      boolean continuesLeft = hMerge != null && !"restart".equals(attr(hMerge));
      List<String> lines = new ArrayList<>();
      cellContent(tc, lines, nested);
      return new WordCell(String.join("\n", lines), col, span, vertical, continuesLeft);
    }

    private void cellContent(XmlObject parent, List<String> lines, List<WordTable> nested) {
      for (XmlObject child : children(parent)) {
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
    private void collect(XmlObject parent, String name, List<XmlObject> out) {
      for (XmlObject child : children(parent)) {
        String local = wordName(child);
        if (local.equals(name)) {
          out.add(child);
        } else if (local.equals("sdt") || local.equals("sdtContent") || local.equals("customXml")) {
          collect(child, name, out);
        }
      }
    }

    private int headingLevel(XmlObject p) {
      XmlObject pPr = child(p, "pPr");
      int outline = intVal(child(pPr, "outlineLvl"), -1);
      if (outline >= 0 && outline <= 8) {
        return outline + 1;
      }
      String styleId = attr(child(pPr, "pStyle"));
      for (int hop = 0; styleId != null && hop < MAX_STYLE_HOPS; hop++) {
        XWPFStyle style = styles == null ? null : styles.getStyle(styleId);
        String name = style == null || style.getName() == null ? styleId : style.getName();
        int byName = WordDocuments.styleHeadingLevel(name);
        if (byName > 0 || style == null) {
          return byName;
        }
        XmlObject stylePPr = child(style.getCTStyle(), "pPr");
        int styleOutline = intVal(child(stylePPr, "outlineLvl"), -1);
        if (styleOutline >= 0 && styleOutline <= 8) {
          return styleOutline + 1;
        }
        styleId = style.getBasisStyleID();
      }
      return 0;
    }
  }

  private static String paragraphText(XmlObject p) {
    StringBuilder out = new StringBuilder();
    runText(p, out);
    return out.toString();
  }

  /**
   * Visible text of a paragraph in document order. Skipped: deleted revisions, field instructions
   * ({@code w:instrText}; the field result is ordinary runs), and drawings, whose text boxes would splice
   * unrelated text into the middle of the line.
   */
  private static void runText(XmlObject parent, StringBuilder out) {
    for (XmlObject child : children(parent)) {
      QName name = qname(child);
      String local = name.getLocalPart();
      if (local.equals("t") && (W.equals(name.getNamespaceURI()) || MATH.equals(name.getNamespaceURI()))) {
        out.append(textOf(child));
      } else if (local.equals("Fallback")) {
        // mc:Fallback repeats mc:Choice for older readers
        continue;
      } else if (W.equals(name.getNamespaceURI())) {
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

  private static List<XmlObject> children(XmlObject parent) {
    List<XmlObject> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    try (XmlCursor c = parent.newCursor()) {
      if (c.toFirstChild()) {
        do {
          out.add(c.getObject());
        } while (c.toNextSibling());
      }
    }
    return out;
  }

  private static QName qname(XmlObject o) {
    try (XmlCursor c = o.newCursor()) {
      return c.getName();
    }
  }

  /** The local name of a WordprocessingML element, or "" for any other namespace. */
  private static String wordName(XmlObject o) {
    QName name = qname(o);
    return name != null && W.equals(name.getNamespaceURI()) ? name.getLocalPart() : "";
  }

  private static XmlObject child(XmlObject parent, String local) {
    if (parent == null) {
      return null;
    }
    try (XmlCursor c = parent.newCursor()) {
      return c.toChild(new QName(W, local)) ? c.getObject() : null;
    }
  }

  private static String attr(XmlObject element) {
    if (element == null) {
      return null;
    }
    try (XmlCursor c = element.newCursor()) {
      return c.getAttributeText(VAL);
    }
  }

  private static String textOf(XmlObject element) {
    try (XmlCursor c = element.newCursor()) {
      return c.getTextValue();
    }
  }

  /** A damaged number attribute means "not stated", so one bad span does not lose the whole document. */
  private static int intVal(XmlObject element, int fallback) {
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
