package org.nianbao.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.mapping.IdentitySpec;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;

/**
 * Checks a report's arithmetic identities (from its format's mapping file). Blank cells count as 0 and the
 * message says so, with the value the identity implies when exactly one blank cell is involved. An
 * identity is skipped when a named cell is missing or unreadable: those have their own findings.
 * Stateless.
 */
public final class IdentityChecker {

  public List<Anomaly> check(List<IdentitySpec> identities, Map<String, CellValue> cells) {
    List<Anomaly> out = new ArrayList<>();
    for (IdentitySpec identity : identities) {
      for (IdentitySpec.Instance inst : identity.instances()) {
        List<CellValue> left = resolve(inst.left(), cells);
        List<CellValue> right = resolve(inst.right(), cells);
        if (left == null || right == null || left.isEmpty() || right.isEmpty()) {
          continue;
        }
        if (left.stream().anyMatch(c -> c.flags().contains(Flag.UNPARSEABLE))
            || right.stream().anyMatch(c -> c.flags().contains(Flag.UNPARSEABLE))) {
          continue;
        }
        BigDecimal l = sum(left);
        BigDecimal r = sum(right);
        boolean holds = identity.relation() == IdentitySpec.Relation.AT_LEAST ? l.compareTo(r) >= 0 : l.compareTo(r) == 0;
        if (holds) {
          continue;
        }
        List<CellValue> all = new ArrayList<>(left);
        all.addAll(right);
        List<String> keys = all.stream().map(CellValue::key).toList();
        out.add(new Anomaly(identity.severity(), identity.rule(), keys, CellValue.plain(r), CellValue.plain(l),
            message(identity, left, right, l, r), all.get(0).page()));
      }
    }
    return out;
  }

  /** The cells a side names, or null when an explicitly named cell is missing. */
  private static List<CellValue> resolve(List<String> terms, Map<String, CellValue> cells) {
    List<CellValue> out = new ArrayList<>();
    for (String term : terms) {
      if (term.contains("*")) {
        // '*' stands for one or more key segments: a prefix and a suffix around something non-empty
        int star = term.indexOf('*');
        String prefix = term.substring(0, star);
        String suffix = term.substring(star + 1);
        for (CellValue c : cells.values()) {
          String k = c.key();
          if (k.length() > prefix.length() + suffix.length() && k.startsWith(prefix) && k.endsWith(suffix)) {
            out.add(c);
          }
        }
      } else if (term.endsWith("?")) {
        CellValue c = cells.get(term.substring(0, term.length() - 1));
        if (c != null) {
          out.add(c);
        }
      } else {
        CellValue c = cells.get(term);
        if (c == null) {
          return null;
        }
        out.add(c);
      }
    }
    return out;
  }

  private static BigDecimal sum(List<CellValue> cells) {
    return cells.stream().map(c -> c.value() == null ? BigDecimal.ZERO : c.value()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }


  private static String message(IdentitySpec identity, List<CellValue> left, List<CellValue> right, BigDecimal l,
      BigDecimal r) {
    StringBuilder sb = new StringBuilder();
    sb.append(describe(left)).append(" = ").append(CellValue.plain(l)).append(", but ").append(describe(right)).append(" = ")
        .append(CellValue.plain(r));
    if (identity.relation() == IdentitySpec.Relation.AT_LEAST) {
      sb.append(" (it should be at least that)");
    }
    List<CellValue> blanks = new ArrayList<>();
    left.stream().filter(c -> c.flags().contains(Flag.BLANK)).forEach(blanks::add);
    right.stream().filter(c -> c.flags().contains(Flag.BLANK)).forEach(blanks::add);
    if (!blanks.isEmpty()) {
      sb.append(" (blank cells counted as 0");
      if (blanks.size() == 1) {
        CellValue b = blanks.get(0);
        BigDecimal implied = left.contains(b) ? r.subtract(l) : l.subtract(r);
        sb.append("; the identity implies ").append(CellValue.plain(implied)).append(" for the blank ").append(label(b));
      }
      sb.append(")");
    }
    return identity.rule() + ": " + sb + ".";
  }

  private static String describe(List<CellValue> side) {
    if (side.size() > 4) {
      return label(side.get(0)) + " + … (" + side.size() + " cells)";
    }
    return String.join(" + ", side.stream().map(IdentityChecker::label).toList());
  }

  private static String label(CellValue c) {
    return "[" + c.rowLabel() + " / " + c.columnLabel() + "]";
  }
}
