package org.nianbao.mapping;

import java.util.List;

/**
 * A table row: the key segment(s) it adds and its accepted labels (match forms).
 *
 * @param key the full row part of the key, e.g. {@code withheld.state_secret}; empty for none
 * @param group the group's key when the row is an item of a group, else empty
 * @param label the template's label as printed, for messages
 */
public record RowSpec(String key, List<String> labels, String group, String label) {
  public RowSpec {
    labels = List.copyOf(labels);
  }
}
