package org.nianbao.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A printed table as rows of cells with their spans. A vertically merged cell appears once as its origin
 * and then as a {@code continuation} in each row it covers, because DOCX (vMerge continue) and the
 * flattened TXT layout (an empty TAB line) print those while HTML (rowspan) does not.
 */
record Grid(List<List<Grid.Cell>> rows) {
  record Cell(String text, int colspan, int rowspan, boolean continuation, boolean label) {
    static Cell label(String text) {
      return new Cell(text, 1, 1, false, true);
    }

    static Cell label(String text, int colspan, int rowspan) {
      return new Cell(text, colspan, rowspan, false, true);
    }

    static Cell value(String text, int colspan) {
      return new Cell(text, colspan, 1, false, false);
    }

    static Cell continuation(int colspan) {
      return new Cell("", colspan, 1, true, true);
    }
  }

  Grid {
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** Builds the three tables of a spec from the template, its label variants and printed cells. */
  static Grid section2(ReportSpec spec) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Template.T2Block block : spec.printedT2Blocks()) {
      rows.add(List.of(Cell.label(spec.label(block.caption()), 4, 1)));
      List<Cell> header = new ArrayList<>();
      header.add(Cell.label(spec.label("信息内容")));
      for (int i = 0; i < block.headers().size(); i++) {
        header.add(Cell.label(spec.label(block.headers().get(i)), block.headerSpans().get(i), 1));
      }
      rows.add(header);
      for (Template.T2Row row : block.rows()) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.label(spec.label(row.label())));
        for (int i = 0; i < row.keys().size(); i++) {
          cells.add(Cell.value(spec.cells().get(row.keys().get(i)).printed(), block.headerSpans().get(i)));
        }
        rows.add(cells);
      }
      for (ReportSpec.ExtraRow extra : spec.extraRows()) {
        if (extra.blockCaption().equals(block.caption())) {
          List<Cell> cells = new ArrayList<>();
          cells.add(Cell.label(extra.label()));
          for (int i = 0; i < extra.printed().size(); i++) {
            cells.add(Cell.value(extra.printed().get(i), block.headerSpans().get(i)));
          }
          rows.add(cells);
        }
      }
    }
    return new Grid(rows);
  }

  static Grid section3(ReportSpec spec) {
    List<List<Cell>> rows = new ArrayList<>();
    boolean misaligned = spec.has(Variant.T3_HEADER_MISALIGNED);
    rows.add(List.of(Cell.label(spec.label(Template.T3_HEADER), 3, 3),
        Cell.label(spec.label("申请人情况"), misaligned ? 8 : 7, 1)));
    rows.add(List.of(Cell.continuation(3), Cell.label(spec.label("自然人"), misaligned ? 2 : 1, 2),
        Cell.label(spec.label("法人或其他组织"), 5, 1), Cell.label(spec.label("总计"), 1, 2)));
    List<Cell> third = new ArrayList<>();
    third.add(Cell.continuation(3));
    third.add(Cell.continuation(misaligned ? 2 : 1));
    for (String col : Template.T3_COLUMN_LABELS.subList(1, 6)) {
      third.add(Cell.label(spec.label(col), misaligned && col.equals("商业企业") ? 2 : 1, 1));
    }
    third.add(Cell.continuation(1));
    rows.add(third);
    List<Template.T3Row> printed = spec.printedT3Rows();
    String cut = spec.rendering().pdf().cutT3Row();
    long results = printed.stream().filter(r -> r.kind() != Template.T3Row.Kind.OUTER).count()
        + (printed.stream().anyMatch(r -> r.id().equals(cut) && r.kind() != Template.T3Row.Kind.OUTER) ? 1 : 0);
    boolean firstResult = true;
    String group = null;
    for (Template.T3Row row : printed) {
      List<Cell> cells = new ArrayList<>();
      String label = spec.label(row.label());
      boolean cutHere = row.id().equals(cut);
      // a label cut by a page break: its first half with the values, the rest on the next page
      String upper = cutHere ? label.substring(0, (label.length() + 1) / 2) : label;
      if (row.kind() == Template.T3Row.Kind.OUTER) {
        cells.add(Cell.label(upper, 3, 1));
      } else {
        cells.add(firstResult ? Cell.label(spec.label(Template.RESULTS_LABEL), 1, (int) results) : Cell.continuation(1));
        firstResult = false;
        if (row.kind() == Template.T3Row.Kind.RESULT) {
          cells.add(Cell.label(upper, 2, 1));
        } else {
          String g = row.group();
          long members = printed.stream().filter(r -> g.equals(r.group())).count() + (cut.isEmpty() ? 0
              : printed.stream().filter(r -> r.id().equals(cut) && g.equals(r.group())).count());
          cells.add(g.equals(group) ? Cell.continuation(1) : Cell.label(spec.label(g), 1, (int) members));
          cells.add(Cell.label(upper));
        }
      }
      group = row.group();
      for (int i = 0; i < row.keys().size(); i++) {
        cells.add(Cell.value(spec.cells().get(row.keys().get(i)).printed(), 1));
        if (misaligned && i == 0) {
          cells.add(Cell.value("", 1));
        }
      }
      rows.add(cells);
      if (cutHere) {
        rows.add(cutRest(row, label.substring(upper.length())));
      }
    }
    return new Grid(rows);
  }

  /** The lower part of a section 三 row cut by a page break: the rest of its label over empty value cells. */
  private static List<Cell> cutRest(Template.T3Row row, String rest) {
    List<Cell> cells = new ArrayList<>();
    switch (row.kind()) {
      case OUTER -> cells.add(Cell.label(rest, 3, 1));
      case RESULT -> {
        cells.add(Cell.continuation(1));
        cells.add(Cell.label(rest, 2, 1));
      }
      case ITEM -> {
        cells.add(Cell.continuation(1));
        cells.add(Cell.continuation(1));
        cells.add(Cell.label(rest));
      }
      default -> throw new IllegalStateException(row.kind().toString());
    }
    for (int i = 0; i < Template.T3_COLUMNS.size(); i++) {
      cells.add(Cell.value("", 1));
    }
    return cells;
  }

  /**
   * The s14 or lg appendix table: label, unit and one value column (lg adds 历年累计). Section and group
   * rows print no number, so their value cells stay empty.
   */
  static Grid indicators(ReportSpec spec) {
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(Template.indicatorHeader(spec.era(), spec.year()).stream().map(h -> Cell.label(spec.label(h))).toList());
    for (Template.IndicatorRow row : Template.indicatorRows(spec.era())) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.label(spec.label(row.label())));
      cells.add(Cell.label(row.unit()));
      String key = spec.era().code() + "." + row.key();
      for (String column : spec.era() == Era.LG ? List.of(key, key + Expected.CUMULATIVE) : List.of(key)) {
        cells.add(Cell.value(row.hasValue() ? spec.cells().get(column).printed() : "", 1));
      }
      rows.add(cells);
    }
    return new Grid(rows);
  }

  static Grid section4(ReportSpec spec) {
    if (spec.has(Variant.T4_TRANSPOSED)) {
      return section4Transposed(spec);
    }
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(List.of(Cell.label(spec.label("行政复议"), 5, 1), Cell.label(spec.label("行政诉讼"), 10, 1)));
    List<Cell> second = new ArrayList<>();
    for (String outcome : Template.T4_OUTCOME_LABELS) {
      second.add(Cell.label(spec.label(outcome), 1, 2));
    }
    second.add(Cell.label(spec.label("未经复议直接起诉"), 5, 1));
    second.add(Cell.label(spec.label("复议后起诉"), 5, 1));
    rows.add(second);
    List<Cell> third = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      third.add(Cell.continuation(1));
    }
    for (int i = 0; i < 2; i++) {
      for (String outcome : Template.T4_OUTCOME_LABELS) {
        third.add(Cell.label(spec.label(outcome)));
      }
    }
    rows.add(third);
    rows.add(Template.section4Keys().stream().map(k -> Cell.value(spec.cells().get(k).printed(), 1)).toList());
    return new Grid(rows);
  }

  /**
   * Section 四 turned on its side: a 项目 | 数量 header, then one row per measure; 行政复议 spans the two group
   * columns, 行政诉讼 is merged over its two groups of five.
   */
  private static Grid section4Transposed(ReportSpec spec) {
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(List.of(Cell.label(spec.label("项目"), 3, 1), Cell.label(spec.label("数量"))));
    for (String group : Template.T4_GROUPS) {
      for (int i = 0; i < Template.T4_OUTCOMES.size(); i++) {
        List<Cell> cells = new ArrayList<>();
        boolean first = i == 0;
        switch (group) {
          case "review" -> cells.add(first ? Cell.label(spec.label("行政复议"), 2, 5) : Cell.continuation(2));
          case "suit_direct" -> {
            cells.add(first ? Cell.label(spec.label("行政诉讼"), 1, 10) : Cell.continuation(1));
            cells.add(first ? Cell.label(spec.label("未经复议直接起诉"), 1, 5) : Cell.continuation(1));
          }
          default -> {
            cells.add(Cell.continuation(1));
            cells.add(first ? Cell.label(spec.label("复议后起诉"), 1, 5) : Cell.continuation(1));
          }
        }
        cells.add(Cell.label(spec.label(Template.T4_OUTCOME_LABELS.get(i))));
        String key = "t4." + group + "." + Template.T4_OUTCOMES.get(i);
        cells.add(Cell.value(spec.cells().get(key).printed(), 1));
        rows.add(cells);
      }
    }
    return new Grid(rows);
  }
}
