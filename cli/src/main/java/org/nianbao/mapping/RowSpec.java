package org.nianbao.mapping;

import java.util.List;
import org.nianbao.normalize.TextForms;

/**
 * A table row: the key segment(s) it adds and its accepted labels (match forms).
 *
 * @param key the full row part of the key, e.g. {@code withheld.state_secret}; empty for none
 * @param bareLabels the labels without a leading 其中 or item number, for tolerant matching
 * @param group the group's key when the row is an item of a group, else empty
 * @param label the template's label as printed, for messages
 */
public record RowSpec(String key, List<String> labels, List<String> bareLabels, String group, String label) {
  public RowSpec {
    labels = List.copyOf(labels);
    bareLabels = List.copyOf(bareLabels);
    if (bareLabels.size() != labels.size()) {
      throw new IllegalArgumentException("one bare form per label");
    }
  }

  /** A row whose bare forms (labels without their item number) are derived from its labels. */
  public RowSpec(String key, List<String> labels, String group, String label) {
    this(key, labels, labels.stream().map(TextForms::withoutNumbering).toList(), group, label);
  }

}
