package org.nianbao.mapping;

import java.util.List;

/**
 * A value column: its key part and the header paths that identify it. A path is the list of header
 * labels from top to bottom (match forms); a column matches when one of its paths is found, in order,
 * among the header texts above it and ends at the column's lowest header text.
 *
 * @param key the key segment(s) this column adds ({@code total}, {@code review.upheld}); empty for none
 * @param label the first variant's leaf label as printed in the template, for messages and headers
 * @param parentLabel the labels printed above the leaf (行政复议 for 结果维持), "" for a one-level header;
 *     it names the row of a table without row labels (section 四)
 */
public record ColumnSpec(String key, List<List<String>> paths, String label, String parentLabel) {
  public ColumnSpec {
    paths = paths.stream().map(List::copyOf).toList();
  }

}
