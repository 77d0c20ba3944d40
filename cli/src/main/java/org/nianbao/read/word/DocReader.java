package org.nianbao.read.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.model.StyleDescription;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.source.SourceDocument;

/**
 * Reads Word 97–2003 DOC with POI HWPF. A DOC table has no column grid: each row lists its cells' edge
 * positions, so the grid is rebuilt from the edges of all rows, and a cell crossing several edges spans
 * that many columns. Only the main text is read (no headers, footers, notes or text boxes).
 */
public final class DocReader implements DocumentReader {
  private static final String FORMAT = "DOC";
  /**
   * Edges of one column drawn in different rows can differ by a few twips after round trips through
   * other editors; 20 twips (0.35 mm) is far narrower than any real column.
   */
  private static final int EDGE_TOLERANCE_TWIPS = 20;

  @Override
  public SourceDocument read(byte[] bytes, String source, String fileType) throws DocumentReadException {
    List<WordBlock> blocks;
    Map<String, String> metadata;
    try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
      blocks = body(doc);
      SummaryInformation info = doc.getSummaryInformation();
      String title = info == null ? null : info.getTitle();
      metadata = title == null || title.isBlank() ? Map.of() : Map.of("title", title.strip());
    } catch (EncryptedDocumentException e) {
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.encrypted"), e);
    } catch (OldWordFileFormatException e) {
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.doc_word95"), e);
    } catch (IOException | RuntimeException e) {
      // HWPF reports damaged streams and tables with assorted unchecked exceptions (index errors,
      // RecordFormatException, IllegalArgumentException); they describe the file, not a bug here.
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.corrupt", FORMAT, message), e);
    }
    return WordDocuments.assemble(source, fileType, FORMAT, blocks, metadata);
  }

  private static List<WordBlock> body(HWPFDocument doc) {
    Range range = doc.getRange();
    List<WordBlock> out = new ArrayList<>();
    int count = range.numParagraphs();
    int number = 0;
    for (int i = 0; i < count; ) {
      Paragraph p = range.getParagraph(i);
      if (p.isInTable()) {
        Table table = range.getTable(p);
        out.add(table(table));
        i += Math.max(1, table.numParagraphs());
      } else {
        out.add(new WordParagraph(clean(p.text()), ++number, headingLevel(doc, p)));
        i++;
      }
    }
    return out;
  }

  private static int headingLevel(HWPFDocument doc, Paragraph p) {
    int outline = p.getLvl();
    if (outline >= 0 && outline <= 8) {
      return outline + 1;
    }
    StyleDescription style = doc.getStyleSheet().getStyleDescription(p.getStyleIndex());
    return style == null || style.getName() == null ? 0 : WordDocuments.styleHeadingLevel(style.getName());
  }

  private static WordTable table(Table table) {
    List<Integer> edges = edges(table);
    List<List<WordCell>> rows = new ArrayList<>(table.numRows());
    List<WordTable> nested = new ArrayList<>();
    for (int r = 0; r < table.numRows(); r++) {
      TableRow row = table.getRow(r);
      List<WordCell> cells = new ArrayList<>(row.numCells());
      int nextFree = 0;
      for (int c = 0; c < row.numCells(); c++) {
        TableCell cell = row.getCell(c);
        // a zero-width or overlapping cell still gets a column of its own so its text is kept
        int col = Math.max(column(edges, cell.getLeftEdge()), nextFree);
        int end = Math.max(column(edges, cell.getLeftEdge() + cell.getWidth()), col + 1);
        WordCell.VerticalMerge vertical = !cell.isVerticallyMerged()
            ? WordCell.VerticalMerge.NONE
            : cell.isFirstVerticallyMerged() ? WordCell.VerticalMerge.RESTART : WordCell.VerticalMerge.CONTINUE;
        boolean continuesLeft = cell.isMerged() && !cell.isFirstMerged();
        String text = cellText(cell, table.getTableLevel(), nested);
        cells.add(new WordCell(text, col, end - col, vertical, continuesLeft));
        nextFree = end;
      }
      rows.add(cells);
    }
    return new WordTable(rows, Math.max(0, edges.size() - 1), nested);
  }

  /** All distinct cell edges of the table, left to right, with near-equal edges taken as one. */
  private static List<Integer> edges(Table table) {
    TreeSet<Integer> raw = new TreeSet<>();
    for (int r = 0; r < table.numRows(); r++) {
      TableRow row = table.getRow(r);
      for (int c = 0; c < row.numCells(); c++) {
        TableCell cell = row.getCell(c);
        raw.add(cell.getLeftEdge());
        raw.add(cell.getLeftEdge() + cell.getWidth());
      }
    }
    List<Integer> edges = new ArrayList<>();
    for (int edge : raw) {
      if (edges.isEmpty() || edge - edges.get(edges.size() - 1) > EDGE_TOLERANCE_TWIPS) {
        edges.add(edge);
      }
    }
    return edges;
  }

  /** The index of the edge nearest to a position. */
  private static int column(List<Integer> edges, int position) {
    int best = 0;
    for (int i = 1; i < edges.size(); i++) {
      if (Math.abs(edges.get(i) - position) < Math.abs(edges.get(best) - position)) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The cell's own paragraphs joined with {@code \n}; paragraphs of a deeper table level belong to a
   * nested table, which is read as a table of its own.
   */
  private static String cellText(TableCell cell, int level, List<WordTable> nested) {
    List<String> lines = new ArrayList<>();
    int count = cell.numParagraphs();
    for (int i = 0; i < count; ) {
      Paragraph p = cell.getParagraph(i);
      if (p.getTableLevel() > level) {
        Table inner = cell.getTable(p);
        nested.add(table(inner));
        i += Math.max(1, inner.numParagraphs());
      } else {
        lines.add(clean(p.text()));
        i++;
      }
    }
    return String.join("\n", lines);
  }

  /**
   * Word's in-text control characters to plain text: the paragraph or cell mark ending the text is
   * dropped, a field keeps only its result (code between U+0013 and U+0014, result up to U+0015, fields
   * may nest), line breaks become {@code \n}, and object anchors and other marks are removed.
   */
  static String clean(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    // one entry per open field: true while still in its code part
    List<Boolean> fields = new ArrayList<>();
    int end = raw.length();
    if (end > 0 && (raw.charAt(end - 1) == '\r' || raw.charAt(end - 1) == '\u0007')) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      char ch = raw.charAt(i);
      switch (ch) {
        case '\u0013' -> fields.add(Boolean.TRUE);
        case '\u0014' -> {
          if (!fields.isEmpty()) {
            fields.set(fields.size() - 1, Boolean.FALSE);
          }
        }
        case '\u0015' -> {
          if (!fields.isEmpty()) {
            fields.remove(fields.size() - 1);
          }
        }
        default -> {
          if (!fields.contains(Boolean.TRUE)) {
            appendVisible(ch, out);
          }
        }
      }
    }
    return out.toString();
  }

  private static void appendVisible(char ch, StringBuilder out) {
    switch (ch) {
      case '\r', '\u000b' -> out.append('\n');
      case '\t' -> out.append('\t');
      case '\u001e' -> out.append('-');
      default -> {
        // below U+0020 are marks (cell end, page break, picture and note anchors, optional hyphen)
        if (ch >= '\u0020') {
          out.append(ch);
        }
      }
    }
  }
}
