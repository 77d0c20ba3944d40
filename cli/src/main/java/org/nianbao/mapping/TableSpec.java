package org.nianbao.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One statistics table of one format era. */
public final class TableSpec {
  private final String format;
  private final String id;
  private final List<String> anchors;
  private final List<String> cues;
  private final List<BlockSpec> blocks;
  private final boolean optionalRows;
  private final boolean transposed;
  /** Every table is mapped against every document's tables, so its keys are listed once, here. */
  private final List<String> keys;

  /**
   * A table spec.
   *
   * @param id the key prefix and table name ({@code t2}, {@code t3}, {@code t4}, {@code s14}, {@code lg})
   * @param anchors match forms of the headings that introduce the table
   * @param cues match forms of texts that identify this era's table
   * @param optionalRows the table is an open set (regional tables): an absent row is not a finding
   * @param transposed the table may also be printed transposed: one row per value column, the column's header
   *     labels as the row's labels and its value in the row's one value cell (section 四 as 15 rows)
   */
  public TableSpec(String format, String id, List<String> anchors, List<String> cues, List<BlockSpec> blocks,
      boolean optionalRows, boolean transposed) {
    this.format = format;
    this.id = id;
    this.anchors = List.copyOf(anchors);
    this.cues = List.copyOf(cues);
    this.blocks = List.copyOf(blocks);
    this.optionalRows = optionalRows;
    this.transposed = transposed;
    this.keys = listKeys(id, this.blocks);
  }

  public String format() {
    return format;
  }

  public String id() {
    return id;
  }

  public List<String> anchors() {
    return anchors;
  }

  public List<String> cues() {
    return cues;
  }

  public List<BlockSpec> blocks() {
    return blocks;
  }

  public boolean optionalRows() {
    return optionalRows;
  }

  public boolean transposed() {
    return transposed;
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
    return keys;
  }

  private static List<String> listKeys(String id, List<BlockSpec> blocks) {
    // a set keeps the order and drops repeats without comparing each key with every earlier one
    Set<String> keys = new LinkedHashSet<>();
    for (BlockSpec b : blocks) {
      for (RowSpec row : b.keyedRows()) {
        for (ColumnSpec col : b.columns()) {
          keys.add(MappingLoader.key(id, row.key(), col.key()));
        }
      }
    }
    return List.copyOf(keys);
  }

  /** All row keys of the table, in order. */
  public List<String> rowKeys() {
    return blocks.stream().flatMap(b -> b.rows().stream()).map(RowSpec::key).distinct().toList();
  }

}
