package org.nianbao.mapping;

import java.util.List;

/** A group label merged over its item rows (e.g. （三）不予公开). */
public record GroupSpec(String key, List<String> labels, String label) {
  public GroupSpec {
    labels = List.copyOf(labels);
  }

}
