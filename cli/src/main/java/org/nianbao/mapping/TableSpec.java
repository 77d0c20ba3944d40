package org.nianbao.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One statistics table of one format era.
 *
 * @param id the key prefix and table name ({@code t2}, {@code t3}, {@code t4}, {@code s14}, {@code lg})
 * @param anchors match forms of the headings that introduce the table
 * @param cues match forms of texts that identify this era's table
 * @param optionalRows the table is an open set (regional tables): an absent row is not a finding
 * @param transposed the table may also be printed transposed: one row per value column, the column's header
 *     labels as the row's labels and its value in the row's one value cell (section 四 as 15 rows)
 */
public record TableSpec(String format, String id, List<String> anchors, List<String> cues, List<BlockSpec> blocks,
    boolean optionalRows, boolean transposed) {
  public TableSpec {
    anchors = List.copyOf(anchors);
    cues = List.copyOf(cues);
    blocks = List.copyOf(blocks);
  }

  /** The table as a reader knows it: its first heading anchor (收到和处理政府信息公开申请情况). */
  public String title() {
    return anchors.isEmpty() ? id : anchors.get(0);
  }

  /** All column keys of the table, in order, without duplicates. */
  public List<String> columnKeys() {
    return blocks.stream().flatMap(b -> b.columns().stream()).map(ColumnSpec::key).distinct().toList();
  }

  /** Every canonical key of the table: each block's rows under its columns, in order. */
  public List<String> keys() {
    // a set keeps the order and drops repeats without comparing each key with every earlier one
    Set<String> keys = new LinkedHashSet<>();
    for (BlockSpec b : blocks) {
      for (RowSpec row : b.unlabelledRow() ? List.of(new RowSpec("", List.of(), "", "")) : b.rows()) {
        for (ColumnSpec col : b.columns()) {
          keys.add(MappingLoader.key(id, row.key(), col.key()));
        }
      }
    }
    return new ArrayList<>(keys);
  }

  /** All row keys of the table, in order. */
  public List<String> rowKeys() {
    return blocks.stream().flatMap(b -> b.rows().stream()).map(RowSpec::key).distinct().toList();
  }

}
