package org.nianbao.validate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Messages;
import org.nianbao.model.Severity;

/**
 * The per-cell findings: a blank printed cell, a {@code 00}, an unreadable cell, and any other quirk the
 * normalizer fixed, so that no fix is silent. Stateless.
 */
public final class CellFindings {
  private static final Set<Flag> FIXES = EnumSet.of(Flag.FULLWIDTH, Flag.DASH_AS_ZERO, Flag.UNIT_STRIPPED, Flag.THOUSANDS_SEP);

  public List<Anomaly> check(List<CellValue> cells) {
    List<Anomaly> out = new ArrayList<>();
    for (CellValue c : cells) {
      String where = Messages.cellLabel(c.rowLabel(), c.columnLabel());
      List<String> key = List.of(c.key());
      if (c.flags().contains(Flag.REVIEWED)) {
        // the reviewer decided; the finding "reviewed" says what was printed and what was decided
        continue;
      }
      if (c.flags().contains(Flag.BLANK)) {
        out.add(Anomaly.rule(Severity.WARNING, "blank_cell", key, c.page(), where));
      }
      if (c.flags().contains(Flag.DOUBLE_ZERO)) {
        out.add(Anomaly.rule(Severity.WARNING, "double_zero", key, "0", c.raw().strip(), c.page(), where,
            c.raw().strip()));
      }
      if (c.flags().contains(Flag.UNPARSEABLE) && !c.flags().contains(Flag.BLANK)) {
        out.add(Anomaly.rule(Severity.WARNING, "unparseable_cell", key, "", c.raw().strip(), c.page(), where,
            c.raw().strip()));
      }
      Set<Flag> fixes = EnumSet.noneOf(Flag.class);
      c.flags().stream().filter(FIXES::contains).forEach(fixes::add);
      if (!fixes.isEmpty()) {
        out.add(Anomaly.rule(Severity.INFO, "cell_fixed", key, c.valueText(), c.raw().strip(), c.page(), where,
            c.raw().strip(), c.valueText(),
            fixes.stream().map(Messages::flag).collect(Collectors.joining(Messages.text("list.separator")))));
      }
    }
    return out;
  }
}
