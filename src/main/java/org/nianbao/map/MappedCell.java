package org.nianbao.map;

import java.util.Objects;
import java.util.Set;
import org.nianbao.model.Flag;
import org.nianbao.source.SourceRef;

/**
 * A table cell bound to a canonical key, before normalization.
 *
 * @param fuzzy the row label was matched approximately
 * @param misaligned the row's values could not be bound to columns one to one (e.g. cells glued by text
 *     extraction): the raw text is kept but no number may be read from it
 * @param realigned the table's header grid disagreed with its data rows; the cell was bound by the data rows'
 *     columns in header order
 * @param decoded how a text decoder placed the cell when the grid was lost ({@link Flag#FROM_SEQUENCE},
 *     {@link Flag#SPLIT_BY_IDENTITY}, {@link Flag#SPLIT_BY_PROSE}); empty for cells read from a grid
 */
public record MappedCell(String key, String raw, SourceRef ref, String rowLabel, String columnLabel, boolean fuzzy,
    boolean misaligned, boolean realigned, Set<Flag> decoded) {
  public MappedCell {
    decoded = Set.copyOf(decoded);
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(rowLabel, "rowLabel");
    Objects.requireNonNull(columnLabel, "columnLabel");
  }

  public MappedCell(String key, String raw, SourceRef ref, String rowLabel, String columnLabel, boolean fuzzy,
      boolean misaligned) {
    this(key, raw, ref, rowLabel, columnLabel, fuzzy, misaligned, false);
  }

  public MappedCell(String key, String raw, SourceRef ref, String rowLabel, String columnLabel, boolean fuzzy,
      boolean misaligned, boolean realigned) {
    this(key, raw, ref, rowLabel, columnLabel, fuzzy, misaligned, realigned, Set.of());
  }
}
