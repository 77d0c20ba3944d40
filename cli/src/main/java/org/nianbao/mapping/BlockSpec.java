package org.nianbao.mapping;

import java.util.List;

/**
 * A part of a table that starts with a caption row and has its own header (section 二's
 * 第二十条第（一）项 …). A table without captions has a single unnamed block.
 *
 * @param captions match forms of the caption; empty for the unnamed block
 */
public record BlockSpec(String name, List<String> captions, String caption, List<ColumnSpec> columns,
    List<RowSpec> rows, List<GroupSpec> groups) {
  public BlockSpec {
    captions = List.copyOf(captions);
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    groups = List.copyOf(groups);
  }

  /** The one data row of a block without row labels (section 四): its key part is empty. */
  public static final RowSpec UNLABELLED = new RowSpec("", List.of(), "", "");

  /** True when the block's single data row has no label (section 四). */
  public boolean unlabelledRow() {
    return rows.isEmpty();
  }

  /** The rows its keys are made of: its rows, or {@link #UNLABELLED} for a block without row labels. */
  public List<RowSpec> keyedRows() {
    return rows.isEmpty() ? List.of(UNLABELLED) : rows;
  }

}
