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
    rows.add(List.of(Cell.label(spec.label(Template.T3_HEADER), 3, 3), Cell.label(spec.label("申请人情况"), 7, 1)));
    rows.add(List.of(Cell.continuation(3), Cell.label(spec.label("自然人"), 1, 2),
        Cell.label(spec.label("法人或其他组织"), 5, 1), Cell.label(spec.label("总计"), 1, 2)));
    List<Cell> third = new ArrayList<>();
    third.add(Cell.continuation(3));
    third.add(Cell.continuation(1));
    for (String col : Template.T3_COLUMN_LABELS.subList(1, 6)) {
      third.add(Cell.label(spec.label(col)));
    }
    third.add(Cell.continuation(1));
    rows.add(third);
    List<Template.T3Row> printed = spec.printedT3Rows();
    long results = printed.stream().filter(r -> r.kind() != Template.T3Row.Kind.OUTER).count();
    boolean firstResult = true;
    String group = null;
    for (Template.T3Row row : printed) {
      List<Cell> cells = new ArrayList<>();
      if (row.kind() == Template.T3Row.Kind.OUTER) {
        cells.add(Cell.label(spec.label(row.label()), 3, 1));
      } else {
        cells.add(firstResult ? Cell.label(spec.label(Template.RESULTS_LABEL), 1, (int) results) : Cell.continuation(1));
        firstResult = false;
        if (row.kind() == Template.T3Row.Kind.RESULT) {
          cells.add(Cell.label(spec.label(row.label()), 2, 1));
        } else {
          String g = row.group();
          long members = printed.stream().filter(r -> g.equals(r.group())).count();
          cells.add(g.equals(group) ? Cell.continuation(1) : Cell.label(spec.label(g), 1, (int) members));
          cells.add(Cell.label(spec.label(row.label())));
        }
      }
      group = row.group();
      for (String key : row.keys()) {
        cells.add(Cell.value(spec.cells().get(key).printed(), 1));
      }
      rows.add(cells);
    }
    return new Grid(rows);
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
}
