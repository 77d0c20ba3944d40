package org.nianbao.mapping;

import java.util.List;

/** A group label merged over its item rows (e.g. （三）不予公开). */
public record GroupSpec(String key, List<String> labels, String label) {
  public GroupSpec {
    labels = List.copyOf(labels);
  }

  /**
   * Compiled specs are created once per mapping file and used as map keys on every document: identity is
   * their equality, which spares hashing every label list on each lookup.
   */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
