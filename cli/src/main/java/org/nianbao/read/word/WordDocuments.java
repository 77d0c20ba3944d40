package org.nianbao.read.word;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.NotAReportException;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;
import org.nianbao.source.TableBlock;
import org.nianbao.source.Blankness;

/**
 * Turns the blocks a Word walker extracted into the neutral document: numbers the tables in reading order
 * (an outer table before the tables nested in it) and expands merged cells into a full rectangular grid.
 */
final class WordDocuments {
  /**
   * Word itself stops at 63 columns; a grid far wider comes from a damaged span or edge list and would
   * only waste memory.
   */
  static final int MAX_COLUMNS = 1000;

  private static final Pattern HEADING_NAME = Pattern.compile("(?:heading|标题)([1-9])");

  private WordDocuments() {}

  /**
   * The heading level a paragraph style name stands for, 0 for none. Word stores built-in names in English
   * ({@code heading 1}, {@code Title}) whatever the UI language; some Chinese templates store {@code 标题 1}.
   */
  static int styleHeadingLevel(String styleName) {
    String key = styleName.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    if (key.equals("title") || key.equals("标题")) {
      return 1;
    }
    Matcher m = HEADING_NAME.matcher(key);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * @param format the format name used in the reason of a failure, e.g. {@code DOCX}
   * @throws NotAReportException when no paragraph and no cell holds any text
   */
  static SourceDocument assemble(
      String source, String fileType, String format, List<WordBlock> blocks, Map<String, String> metadata)
      throws DocumentReadException {
    List<Block> out = new ArrayList<>();
    for (WordBlock block : blocks) {
      if (block instanceof WordParagraph p) {
        if (!Blankness.isBlank(p.text())) {
          SourceRef ref = new SourceRef(source, 0, "p " + p.number());
          out.add(p.headingLevel() > 0 ? new Heading(p.text(), p.headingLevel(), ref) : new Paragraph(p.text(), ref));
        }
      } else if (block instanceof WordTable t) {
        addTable(t, source, format, out);
      }
    }
    if (out.stream().noneMatch(WordDocuments::hasText)) {
      throw new NotAReportException(fileType, org.nianbao.model.Messages.text("read.empty"));
    }
    return new SourceDocument(source, fileType, out, metadata);
  }

  private static void addTable(WordTable table, String source, String format, List<Block> out)
      throws DocumentReadException {
    int number = (int) out.stream().filter(TableBlock.class::isInstance).count() + 1;
    SourceRef ref = new SourceRef(source, 0, "table " + number);
    out.add(new TableBlock(grid(table, ref, format), true, ref));
    for (WordTable inner : table.nested()) {
      addTable(inner, source, format, out);
    }
  }

  private static List<List<Cell>> grid(WordTable table, SourceRef tableRef, String format)
      throws DocumentReadException {
    int width = table.gridWidth();
    for (List<WordCell> row : table.rows()) {
      for (WordCell cell : row) {
        width = Math.max(width, cell.col() + cell.span());
      }
    }
    if (width > MAX_COLUMNS) {
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.grid_columns", format, tableRef.locator(),
          String.valueOf(width)));
    }
    Cell[][] grid = new Cell[table.rows().size()][width];
    for (int r = 0; r < grid.length; r++) {
      for (WordCell cell : table.rows().get(r)) {
        place(cell, r, grid, tableRef);
      }
      for (int c = 0; c < width; c++) {
        if (grid[r][c] == null) {
          grid[r][c] = Cell.of("", r, c, cellRef(tableRef, r, c));
        }
      }
    }
    return Arrays.stream(grid).map(List::of).toList();
  }

  private static void place(WordCell cell, int r, Cell[][] grid, SourceRef tableRef) {
    int c0 = cell.col();
    Cell above = r > 0 ? grid[r - 1][c0] : null;
    Cell left = c0 > 0 ? grid[r][c0 - 1] : null;
    // A continuation that carries text of its own keeps it as its own anchor: dropping printed text would
    // be worse than a merge that is not expanded.
    Cell anchor = null;
    if (Blankness.isBlank(cell.text())) {
      if (cell.vertical() == WordCell.VerticalMerge.CONTINUE && above != null) {
        anchor = above;
      } else if (cell.continuesLeft() && left != null) {
        anchor = left;
      }
    }
    int anchorRow = anchor == null ? r : anchor.anchorRow();
    int anchorCol = anchor == null ? c0 : anchor.anchorCol();
    String text = anchor == null ? cell.text() : anchor.text();
    for (int c = c0; c < c0 + cell.span(); c++) {
      if (grid[r][c] != null) {
        throw new IllegalArgumentException("cells overlap at " + cellRef(tableRef, r, c).locator());
      }
      grid[r][c] = new Cell(text, r, c, anchorRow, anchorCol, cellRef(tableRef, r, c));
    }
  }

  private static SourceRef cellRef(SourceRef tableRef, int r, int c) {
    return tableRef.withLocator(tableRef.locator() + " r" + (r + 1) + "c" + (c + 1));
  }

  /** Paragraphs are only kept when they have visible text, so only tables need looking into. */
  private static boolean hasText(Block block) {
    if (block instanceof TableBlock t) {
      return t.rows().stream().flatMap(List::stream).anyMatch(cell -> !cell.isBlank());
    }
    return true;
  }

}
