package org.nianbao.mapping;

import java.util.List;
import org.nianbao.model.Severity;

/**
 * An arithmetic identity, already expanded over its {@code each} values: for every instance, the sum of
 * {@code left} equals (or, with {@link Relation#AT_LEAST}, is at least) the sum of {@code right}. A term
 * containing {@code *} sums every present key it matches; a term ending in {@code ?} counts as 0 when its
 * key is absent.
 */
public record IdentitySpec(String rule, Severity severity, Relation relation, List<Instance> instances) {
  public IdentitySpec {
    instances = List.copyOf(instances);
  }

  /** How the two sums compare: equal, or the left at least the right (a cumulative column). */
  public enum Relation {
    EQUAL,
    AT_LEAST
  }

  /** One expanded instance, e.g. the balance of column {@code natural_person}. */
  public record Instance(String subject, List<String> left, List<String> right) {
    public Instance {
      left = List.copyOf(left);
      right = List.copyOf(right);
    }
  }
}
