package org.nianbao.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.mapping.IdentitySpec;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Messages;

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


  /**
   * The finding as an auditor reads it: the rule's name, then each side with every cell named by its labels
   * and listed with its value ({@code （七）总计·科研机构 = 1，而各项之和 = 3：（一）予以公开 1 + …}), then what
   * the blank cells imply.
   */
  private static String message(IdentitySpec identity, List<CellValue> left, List<CellValue> right, BigDecimal l,
      BigDecimal r) {
    String rel = identity.relation() == IdentitySpec.Relation.AT_LEAST ? "identity.at_least" : "identity.equal";
    String text = Messages.text(rel, Messages.ruleName(identity.rule()), side(left, l), side(right, r));
    List<CellValue> blanks = new ArrayList<>();
    left.stream().filter(c -> c.flags().contains(Flag.BLANK)).forEach(blanks::add);
    right.stream().filter(c -> c.flags().contains(Flag.BLANK)).forEach(blanks::add);
    if (blanks.size() == 1) {
      CellValue b = blanks.get(0);
      BigDecimal implied = left.contains(b) ? r.subtract(l) : l.subtract(r);
      text += Messages.text("identity.blank.one", label(b), CellValue.plain(implied));
    } else if (!blanks.isEmpty()) {
      text += Messages.text("identity.blank.many", terms(blanks));
    }
    return text;
  }

  /** One side: a single cell by its labels, or the sum with every cell and its value. */
  private static String side(List<CellValue> cells, BigDecimal sum) {
    if (cells.size() == 1) {
      return Messages.text("identity.side.one", label(cells.get(0)), CellValue.plain(sum));
    }
    return Messages.text("identity.side.many", CellValue.plain(sum), terms(cells));
  }

  /** Every cell with its value: {@code （一）予以公开·科研机构 1 + （二）部分公开·科研机构 0}. */
  static String terms(List<CellValue> cells) {
    return String.join(" + ", cells.stream().map(c -> label(c) + " " + (c.value() == null
        ? Messages.text("label.blank") : c.valueText())).toList());
  }

  private static String label(CellValue c) {
    return Messages.cellLabel(c.rowLabel(), c.columnLabel());
  }
}
