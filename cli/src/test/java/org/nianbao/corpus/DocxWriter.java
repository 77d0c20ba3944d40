package org.nianbao.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * DOCX written with POI XWPF: merges as {@code gridSpan} and {@code vMerge} like the Word template (S3),
 * a label's line breaks as separate paragraphs. Byte-for-byte reproducible: fixed core-properties dates
 * and zip entries rewritten with a fixed time.
 */
final class DocxWriter {
  private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

  private DocxWriter() {}

  static byte[] write(ReportSpec spec) {
    try (XWPFDocument doc = new XWPFDocument()) {
      String date = (spec.year() + 1) + "-01-15T09:00:00Z";
      doc.getProperties().getCoreProperties().setCreated(date);
      doc.getProperties().getCoreProperties().setModified(date);
      doc.getProperties().getCoreProperties().setCreator(spec.agency());
      doc.getProperties().getCoreProperties().setTitle(spec.title());
      for (Outline.Part part : Outline.of(spec)) {
        if (part instanceof Outline.Title t) {
          XWPFParagraph p = doc.createParagraph();
          p.setAlignment(ParagraphAlignment.CENTER);
          for (int i = 0; i < t.lines().size(); i++) {
            XWPFRun run = p.createRun();
            run.setBold(true);
            run.setFontSize(18);
            run.setText(t.lines().get(i));
            if (i < t.lines().size() - 1) {
              run.addBreak();
            }
          }
        } else if (part instanceof Outline.Heading h) {
          XWPFRun run = doc.createParagraph().createRun();
          run.setBold(true);
          run.setText(h.text());
        } else if (part instanceof Outline.Text t) {
          doc.createParagraph().createRun().setText(t.text());
        } else if (part instanceof Outline.Table t) {
          table(doc, t.grid());
          doc.createParagraph();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return normalizeZip(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidFormatException e) {
      throw new IllegalStateException("a fixed ISO date was rejected", e);
    }
  }

  private static void table(XWPFDocument doc, Grid grid) {
    int width = grid.rows().get(0).stream().mapToInt(Grid.Cell::colspan).sum();
    XWPFTable table = doc.createTable(grid.rows().size(), 1);
    CTTblGrid tblGrid = table.getCTTbl().getTblGrid() != null
        ? table.getCTTbl().getTblGrid()
        : table.getCTTbl().addNewTblGrid();
    while (tblGrid.sizeOfGridColArray() > 0) {
      tblGrid.removeGridCol(0);
    }
    for (int i = 0; i < width; i++) {
      tblGrid.addNewGridCol().setW(BigInteger.valueOf(width > 10 ? 600 : 900));
    }
    for (int r = 0; r < grid.rows().size(); r++) {
      XWPFTableRow row = table.getRow(r);
      List<Grid.Cell> cells = grid.rows().get(r);
      for (int c = 0; c < cells.size(); c++) {
        XWPFTableCell cell = c == 0 ? row.getCell(0) : row.addNewTableCell();
        fill(cell, cells.get(c));
      }
    }
  }

  private static void fill(XWPFTableCell cell, Grid.Cell spec) {
    CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    if (spec.colspan() > 1) {
      pr.addNewGridSpan().setVal(BigInteger.valueOf(spec.colspan()));
    }
    if (spec.rowspan() > 1) {
      pr.addNewVMerge().setVal(STMerge.RESTART);
    } else if (spec.continuation()) {
      pr.addNewVMerge().setVal(STMerge.CONTINUE);
    }
    String[] lines = spec.text().split("\n", -1);
    XWPFParagraph first = cell.getParagraphs().get(0);
    for (int i = 0; i < lines.length; i++) {
      XWPFParagraph p = i == 0 ? first : cell.addParagraph();
      p.setAlignment(ParagraphAlignment.CENTER);
      if (!lines[i].isEmpty()) {
        p.createRun().setText(lines[i]);
      }
    }
  }

  /** POI stamps zip entries with the current time; rewrite them with a fixed one. */
  static byte[] normalizeZip(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(ZIP_TIME);
        z.putNextEntry(copy);
        z.write(in.readAllBytes());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
