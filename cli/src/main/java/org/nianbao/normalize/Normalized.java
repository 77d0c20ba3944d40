package org.nianbao.normalize;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.nianbao.model.Flag;

/** A cell's value (null when blank or untrusted) and the fixes applied to read it. */
public record Normalized(BigDecimal value, Set<Flag> flags) {
  public Normalized {
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  public boolean isBlank() {
    return flags.contains(Flag.BLANK);
  }

  public boolean isUnparseable() {
    return flags.contains(Flag.UNPARSEABLE);
  }
}
