package org.nianbao.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays a spec's {@link Outline} out on A4 pages with PDFBox, as a word processor exports it: text in a
 * TrueType CJK font embedded as a subset (so the file reads without the font), tables drawn as ruling
 * lines around positioned text, labels wrapped to their column, a merged cell cut by a page break
 * continuing on the next page. Deterministic for a given font file: fixed document id, no dates.
 *
 * <p>Droid Sans Fallback has no Latin glyphs, so ASCII runs (digits, {@code 1.} numbering, page numbers)
 * and the curly quotes are set in the standard Helvetica.
 */
final class PdfWriter {
  private static final float MARGIN = 50;
  /** Where text starts below the top edge; lower when a running header stands above it. */
  private static final float TOP = 60;
  private static final float TOP_UNDER_HEADER = 96;
  /** The running header's baseline below the top edge: just under the 8% band a fixed-band reader watches. */
  private static final float HEADER_BASELINE = 72;
  private static final float HEADER_SIZE = 9;
  private static final float TABLE_SIZE = 9;
  private static final float TABLE_LEADING = 11;
  private static final float PAD_X = 4;
  private static final float PAD_Y = 3;

  private final ReportSpec spec;
  private final PDDocument doc;
  private final PDFont cjk;
  private final PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final Map<Character, Boolean> latinChars = new HashMap<>();
  private PDPage page;
  private PDPageContentStream out;
  private int pageNumber;
  /** Distance of the next line's top from the page top. */
  private float y;

  private PdfWriter(ReportSpec spec, PDDocument doc, PDFont cjk) {
    this.spec = spec;
    this.doc = doc;
    this.cjk = cjk;
  }

  static byte[] write(ReportSpec spec, Path font) {
    try (PDDocument doc = new PDDocument()) {
      PdfWriter w = new PdfWriter(spec, doc, PDType0Font.load(doc, font.toFile()));
      w.render();
      w.out.close();
      if (spec.rendering().pdf().pageNumbers() == PdfLayout.PageNumbers.OF_TOTAL) {
        w.numberPages();
      }
      if (spec.rendering().pdf().infoTitle()) {
        doc.getDocumentInformation().setTitle(spec.title());
      }
      doc.getDocumentInformation().setAuthor(spec.agency());
      // PDFBox would otherwise derive the file id from the clock
      COSString id = new COSString(md5(spec.name()));
      COSArray ids = new COSArray();
      ids.add(id);
      ids.add(id);
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Numbers that need the page count ({@code 第 N 页 共 M 页}) are added once every page is laid out. */
  private void numberPages() throws IOException {
    int pages = doc.getNumberOfPages();
    for (int i = 0; i < pages; i++) {
      page = doc.getPage(i);
      try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
        out = s;
        pageNumber(i + 1, pages);
      }
    }
  }

  private void pageNumber(int number, int pages) throws IOException {
    PdfLayout.PageNumbers style = spec.rendering().pdf().pageNumbers();
    String text = style.text(number, pages);
    text((width() - textWidth(text, 10)) / 2, height() - style.baseline, text, 10);
  }

  /** The lowest point (from the top) text and tables may reach: clear of the page number. */
  private float floor() {
    return height() - spec.rendering().pdf().pageNumbers().floor;
  }

  private float top() {
    return spec.rendering().pdf().runningHeader().isEmpty() ? TOP : TOP_UNDER_HEADER;
  }

  private void render() throws IOException {
    PdfLayout layout = spec.rendering().pdf();
    newPage(false);
    String heading = "";
    for (Outline.Part part : Outline.of(spec)) {
      if (part instanceof Outline.Title t) {
        for (String line : t.lines()) {
          for (String wrapped : wrap(line, 16, width() - 2 * MARGIN)) {
            room(26);
            text((width() - textWidth(wrapped, 16)) / 2, y + 18, wrapped, 16);
            y += 26;
          }
        }
        y += 10;
      } else if (part instanceof Outline.Heading h) {
        heading = h.text();
        boolean landscape = layout.borderlessSection4() && heading.equals(Template.H4);
        if (layout.breakBefore().contains(heading) || landscape) {
          newPage(landscape);
        }
        if (layout.captionAtFoot() && heading.equals(Template.H2)) {
          // room for the heading and the table's first row only, at the foot of the page
          float rest = floor() - 22 - captionRowHeight() - 1;
          if (y > rest) {
            newPage(false);
          }
          y = rest;
        }
        paragraph(heading, 12, 22);
      } else if (part instanceof Outline.Text t) {
        paragraph(t.text(), 10.5f, 17);
      } else if (part instanceof Outline.Table t) {
        boolean borderless = layout.borderlessSection4() && heading.equals(Template.H4);
        table(t.grid(), widths(t.grid(), heading), headerRows(heading), breakAfter(heading, layout), !borderless);
        y += 10;
      }
    }
  }

  private void paragraph(String text, float size, float leading) throws IOException {
    // Droid Sans Fallback has no 〈 〉 (in the 2019 prose's citation); prose only, so no table text changes
    String printable = text.replace('〈', '《').replace('〉', '》');
    for (String line : wrap(printable, size, width() - 2 * MARGIN)) {
      room(leading);
      text(MARGIN, y + size, line, size);
      y += leading;
    }
  }

  /** The height of section 二's first grid row, its one-line caption. */
  private static float captionRowHeight() {
    return TABLE_LEADING + 2 * PAD_Y + 2;
  }

  /** Starts a new page when {@code height} more points would run into the page number. */
  private void room(float height) throws IOException {
    if (y + height > floor()) {
      newPage(page.getMediaBox().getWidth() > page.getMediaBox().getHeight());
    }
  }

  private void newPage(boolean landscape) throws IOException {
    if (out != null) {
      out.close();
    }
    PDRectangle a4 = PDRectangle.A4;
    page = new PDPage(landscape ? new PDRectangle(a4.getHeight(), a4.getWidth()) : a4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    out.setLineWidth(0.5f);
    pageNumber++;
    if (spec.rendering().pdf().pageNumbers() != PdfLayout.PageNumbers.OF_TOTAL) {
      pageNumber(pageNumber, 0);
    }
    String header = spec.rendering().pdf().runningHeader();
    if (!header.isEmpty()) {
      text((width() - textWidth(header, HEADER_SIZE)) / 2, HEADER_BASELINE, header, HEADER_SIZE);
    }
    y = top();
  }

  /** Column widths in points, chosen so labels wrap as they do in the printed templates. */
  private float[] widths(Grid grid, String heading) {
    int columns = grid.rows().get(0).stream().mapToInt(Grid.Cell::colspan).sum();
    if (spec.era() == Era.S14) {
      return new float[] {330, 60, 105};
    }
    if (spec.era() == Era.LG) {
      return new float[] {235, 70, 95, 95};
    }
    if (heading.equals(Template.H3)) {
      // one character per line in the first column (the vertical label 三、本年度办理结果), four in the
      // second, so （四）无法提供 wraps as （四）无 / 法提供
      return new float[] {20, 46, 141, 41, 41, 41, 41, 41, 41, 41};
    }
    float[] w = new float[columns];
    float each = heading.equals(Template.H4) ? (width() - 2 * MARGIN) / columns : 0;
    for (int i = 0; i < columns; i++) {
      w[i] = heading.equals(Template.H4) ? each : i == 0 ? 150 : 345f / (columns - 1);
    }
    return w;
  }

  private static int headerRows(String heading) {
    return heading.equals(Template.H3) || heading.equals(Template.H4) ? 3 : 1;
  }

  /** The grid row after which the layout breaks the page, or -1. */
  private int breakAfter(String heading, PdfLayout layout) {
    if (heading.equals(Template.H2) && layout.captionAtFoot()) {
      return 0;
    }
    if (heading.equals(Template.H4) && layout.cutSection4Header()) {
      return 1;
    }
    // a cut row's first half is its own grid row, at the place of the row itself
    String row = layout.cutT3Row().isEmpty() ? layout.breakAfterT3Row() : layout.cutT3Row();
    if (!heading.equals(Template.H3) || row.isEmpty()) {
      return -1;
    }
    List<Template.T3Row> rows = spec.printedT3Rows();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).id().equals(row)) {
        return headerRows(heading) + i;
      }
    }
    throw new IllegalArgumentException(spec.name() + ": no section 三 row " + row);
  }

  /** A merged (or single) cell at its grid position with its text wrapped to its width. */
  private record Placed(int row, int col, Grid.Cell cell, List<String> lines) {}

  /** One printed copy of a grid row: on which page of the table, how far down and how tall. */
  private record RowCopy(int gridRow, int sheet, float top, float height) {}

  private void table(Grid grid, float[] widths, int headerRows, int breakAfter, boolean ruled) throws IOException {
    float left = (width() - sum(widths, 0, widths.length)) / 2;
    List<Placed> cells = new ArrayList<>();
    for (int r = 0; r < grid.rows().size(); r++) {
      int c = 0;
      for (Grid.Cell cell : grid.rows().get(r)) {
        if (!cell.continuation()) {
          float inner = sum(widths, c, c + cell.colspan()) - 2 * PAD_X;
          List<String> lines = cell.text().isEmpty() ? List.of() : wrap(cell.text(), TABLE_SIZE, inner);
          cells.add(new Placed(r, c, cell, lines));
        }
        c += cell.colspan();
      }
    }
    float[] heights = rowHeights(grid.rows().size(), cells);
    List<RowCopy> copies = new ArrayList<>();
    int sheet = 0;
    float top = y;
    for (int r = 0; r < grid.rows().size(); r++) {
      boolean forced = r > 0 && r - 1 == breakAfter;
      if (forced || top + heights[r] > floor()) {
        sheet++;
        top = top();
        if (repeatHeader()) {
          for (int h = 0; h < headerRows; h++) {
            copies.add(new RowCopy(h, sheet, top, heights[h]));
            top += heights[h];
          }
        }
      }
      copies.add(new RowCopy(r, sheet, top, heights[r]));
      top += heights[r];
    }
    Map<Placed, Integer> linesUsed = new HashMap<>();
    for (int s = 0; s <= sheet; s++) {
      if (s > 0) {
        newPage(page.getMediaBox().getWidth() > page.getMediaBox().getHeight());
      }
      for (Placed p : cells) {
        int span = p.cell().rowspan();
        List<RowCopy> part = new ArrayList<>();
        for (RowCopy copy : copies) {
          if (copy.sheet() == s && copy.gridRow() >= p.row() && copy.gridRow() < p.row() + span) {
            part.add(copy);
          }
        }
        if (part.isEmpty()) {
          continue;
        }
        float partTop = part.get(0).top();
        float partHeight = (float) part.stream().mapToDouble(RowCopy::height).sum();
        // a part that starts at the cell's first row prints its text from the start (a repeated header
        // does so on every page); a continuation prints the lines the previous page had no room for
        int from = part.get(0).gridRow() == p.row() ? 0 : linesUsed.getOrDefault(p, 0);
        boolean last = part.get(part.size() - 1).gridRow() == p.row() + span - 1;
        int fit = last ? p.lines().size() - from
            : Math.max(0, Math.min(p.lines().size() - from, (int) ((partHeight - 2 * PAD_Y) / TABLE_LEADING)));
        float x0 = left + sum(widths, 0, p.col());
        float x1 = x0 + sum(widths, p.col(), p.col() + p.cell().colspan());
        if (ruled) {
          box(x0, partTop, x1, partTop + partHeight);
        }
        for (int i = 0; i < fit; i++) {
          String line = p.lines().get(from + i);
          float lineTop = partTop + PAD_Y + i * TABLE_LEADING;
          text((x0 + x1 - textWidth(line, TABLE_SIZE)) / 2, lineTop + TABLE_SIZE, line, TABLE_SIZE);
        }
        linesUsed.put(p, from + fit);
      }
    }
    y = copies.get(copies.size() - 1).top() + copies.get(copies.size() - 1).height();
  }

  private boolean repeatHeader() {
    return spec.rendering().pdf().repeatHeader();
  }

  /** Each row fits its one-row cells; a merged cell needing more room than its rows gives it to its last row. */
  private static float[] rowHeights(int rows, List<Placed> cells) {
    float[] h = new float[rows];
    java.util.Arrays.fill(h, TABLE_LEADING + 2 * PAD_Y + 2);
    for (Placed p : cells) {
      if (p.cell().rowspan() == 1) {
        h[p.row()] = Math.max(h[p.row()], p.lines().size() * TABLE_LEADING + 2 * PAD_Y);
      }
    }
    for (Placed p : cells) {
      int last = p.row() + p.cell().rowspan() - 1;
      float need = p.lines().size() * TABLE_LEADING + 2 * PAD_Y - sum(h, p.row(), last + 1);
      if (need > 0) {
        h[last] += need;
      }
    }
    return h;
  }

  private void box(float x0, float top, float x1, float bottom) throws IOException {
    float h = height();
    out.addRect(x0, h - bottom, x1 - x0, bottom - top);
    out.stroke();
  }

  /** Greedy wrap by width, honouring explicit line breaks; CJK text may break between any two characters. */
  private List<String> wrap(String text, float size, float max) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String para : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      float w = 0;
      for (int i = 0; i < para.length(); i++) {
        String ch = para.substring(i, i + 1);
        float cw = textWidth(ch, size);
        if (w + cw > max && line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
          w = 0;
        }
        line.append(ch);
        w += cw;
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private float textWidth(String s, float size) throws IOException {
    float w = 0;
    for (String run : runs(s)) {
      w += font(run).getStringWidth(run) / 1000 * size;
    }
    return w;
  }

  /** Text with its baseline {@code baseline} points below the page top, ASCII runs in Helvetica. */
  private void text(float x, float baseline, String s, float size) throws IOException {
    float at = x;
    for (String run : runs(s)) {
      PDFont f = font(run);
      out.beginText();
      out.setFont(f, size);
      out.newLineAtOffset(at, height() - baseline);
      out.showText(run);
      out.endText();
      at += f.getStringWidth(run) / 1000 * size;
    }
  }

  private PDFont font(String run) {
    return inLatin(run.charAt(0)) ? latin : cjk;
  }

  /** ASCII, and the few characters Droid Sans Fallback lacks but Helvetica has (the quotes “ ”). */
  private boolean inLatin(char c) {
    return latinChars.computeIfAbsent(c, k -> {
      if (k < 0x80) {
        return true;
      }
      try {
        cjk.encode(String.valueOf(k));
        return false;
      } catch (IOException | IllegalArgumentException e) {
        return true;
      }
    });
  }

  /** Splits text into maximal runs set in the same font. */
  private List<String> runs(String s) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      boolean inLatin = inLatin(s.charAt(i));
      int end = i;
      while (end < s.length() && inLatin(s.charAt(end)) == inLatin) {
        end++;
      }
      runs.add(s.substring(i, end));
      i = end;
    }
    return runs;
  }

  private float width() {
    return page.getMediaBox().getWidth();
  }

  private float height() {
    return page.getMediaBox().getHeight();
  }

  private static float sum(float[] values, int from, int to) {
    float s = 0;
    for (int i = from; i < to; i++) {
      s += values[i];
    }
    return s;
  }

  private static byte[] md5(String text) {
    try {
      return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
