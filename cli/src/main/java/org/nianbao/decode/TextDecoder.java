package org.nianbao.decode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.map.MappedCell;
import org.nianbao.map.TableMatch;
import org.nianbao.mapping.BlockSpec;
import org.nianbao.mapping.ColumnSpec;
import org.nianbao.mapping.CompiledMapping;
import org.nianbao.mapping.FormatMapping;
import org.nianbao.mapping.IdentitySpec;
import org.nianbao.mapping.MappingLoader;
import org.nianbao.mapping.RowSpec;
import org.nianbao.mapping.TableSpec;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Flag;
import org.nianbao.model.Messages;
import org.nianbao.model.Severity;
import org.nianbao.normalize.TextForms;
import org.nianbao.source.SourceRef;

/**
 * The template-guided decoder for text whose table grid was lost. The text is read as a stream of label
 * text and numbers; an observed row is the label text before a run of numbers (a markdown row ends one too).
 * Each template row is found by its label anchor (the label that ends nearest the numbers, tolerant of
 * numbering, line breaks and group fragments); rows are aligned to the template by dynamic programming, so
 * a row without a usable label takes its place between its neighbours ({@code from_sequence}) and a
 * missing or repeated row costs and shows rather than shifting the rows after it. A row whose tokens hold
 * fewer numbers than the template's columns is a glued run: every split is enumerated, and one is taken only
 * when exactly one reading satisfies the identities that bind it ({@code split_by_identity}) or, for rows no
 * identity binds, the only reading that the numbers stated in the prose confirm ({@code split_by_prose}).
 * Anything else stays blank with a {@code table_unreadable} anomaly naming the keys. Its only state is what
 * each era's template gives every document alike, worked out on first use; it is safe for concurrent use.
 */
public final class TextDecoder {
  /** The decoder's answer for one document. */
  public record Decoded(String format, List<TableMatch> matches, List<Anomaly> anomalies, int score) {
    public Decoded {
      matches = List.copyOf(matches);
      anomalies = List.copyOf(anomalies);
    }
  }

  private static final double SKIP_TEMPLATE = 3;
  private static final double SKIP_OWN = 4;
  private static final double SKIP_LOOSE = 2;
  private static final double POSITIONAL = 1;
  private static final double FRAGMENT = 0.5;
  private static final double SHORT = 1.5;
  private static final double NEVER = 1000;
  /** How far before the numbers a row's label may end (group fragments and numbering in between). */
  private static final int LABEL_SLACK = 8;
  /** Combinations of open runs' readings tried together; beyond this the runs stay unread. */
  private static final long JOINT_LIMIT = 20_000;
  private static final Pattern PROSE_NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*[件条项]");
  /** Each era's template by its mapping (by identity: a mapping is compiled once and never changes). */
  private final Map<FormatMapping, Era> eras = Collections.synchronizedMap(new IdentityHashMap<>());

  /** Decodes the tables of the best-fitting era among those with fixed rows; empty when none fits. */
  public Optional<Decoded> decode(TokenizedDocument text, CompiledMapping mapping, Integer year) {
    if (year == null) {
      // only a document that names its year is taken for a report whose tables lost their grid
      return Optional.empty();
    }
    List<Token> tokens = text.tokens();
    List<Obs> rows = observedRows(tokens);
    List<Prose> prose = proseNumbers(tokens);
    Decoded best = null;
    for (FormatMapping fm : mapping.formats()) {
      if (fm.tables().stream().anyMatch(TableSpec::optionalRows)) {
        continue;
      }
      Decoded d = new FormatRun(fm, eras.computeIfAbsent(fm, Era::of), rows, prose).run();
      boolean better = best == null || d.score() > best.score() || d.score() == best.score() && year != null
          && preferByYear(d.format(), best.format(), year);
      if (better) {
        best = d;
      }
    }
    return best == null || best.score() < 3 ? Optional.empty() : Optional.of(best);
  }

  private static boolean preferByYear(String candidate, String current, int year) {
    return year >= 2021 ? candidate.compareTo(current) > 0 : candidate.compareTo(current) < 0;
  }

  /** An observed row: the label text gathered since the last row, and the numbers that follow it. */
  record Obs(String label, String lastText, String rawLabel, List<Token> nums, int firstTok, int lastTok) {
    int digits() {
      return nums.stream().mapToInt(t -> t.splittable() ? t.raw().length() : 1).sum();
    }

    SourceRef ref() {
      return nums.get(0).ref();
    }
  }

  /** A number stated in the prose and the text just before it. */
  record Prose(BigDecimal value, String context) {}

  static List<Obs> observedRows(List<Token> tokens) {
    List<Obs> out = new ArrayList<>();
    StringBuilder label = new StringBuilder();
    String lastText = "";
    String rawLabel = "";
    List<Token> nums = new ArrayList<>();
    int first = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean closes = !nums.isEmpty() && (t.kind() == Token.Kind.TEXT || t.kind() == Token.Kind.ROW_END);
      if (closes) {
        out.add(new Obs(label.toString(), lastText, rawLabel, List.copyOf(nums), first, i - 1));
        label.setLength(0);
        nums.clear();
        lastText = "";
        rawLabel = "";
        first = i;
      }
      if (t.kind() == Token.Kind.TEXT) {
        label.append(t.form());
        lastText = t.form();
        rawLabel = t.raw();
      } else if (t.isNum()) {
        nums.add(t);
      }
    }
    if (!nums.isEmpty()) {
      out.add(new Obs(label.toString(), lastText, rawLabel, List.copyOf(nums), first, tokens.size() - 1));
    }
    return out;
  }

  static List<Prose> proseNumbers(List<Token> tokens) {
    List<Prose> out = new ArrayList<>();
    for (Token t : tokens) {
      if (t.kind() != Token.Kind.TEXT) {
        continue;
      }
      Matcher m = PROSE_NUMBER.matcher(t.raw());
      while (m.find()) {
        String before = t.raw().substring(Math.max(0, m.start() - 24), m.start());
        out.add(new Prose(new BigDecimal(m.group(1)), TextForms.matchForm(before)));
      }
    }
    return out;
  }

  /** A template row of one block, with its cell keys and label forms. */
  record TRow(TableSpec table, BlockSpec block, RowSpec row, int index, List<String> keys, List<String> forms) {
    static TRow of(TableSpec table, BlockSpec block, RowSpec row, int index) {
      List<String> keys = new ArrayList<>();
      for (ColumnSpec c : block.columns()) {
        keys.add(MappingLoader.key(table.id(), row == null ? "" : row.key(), c.key()));
      }
      List<String> forms = new ArrayList<>();
      if (row != null) {
        // a bare form shorter than four characters (总计 of （七）总计) is too common to stand without its numbering
        forms.addAll(row.labels());
        row.bareLabels().stream().filter(b -> b.length() >= 4).forEach(forms::add);
      }
      return new TRow(table, block, row, index, List.copyOf(keys), List.copyOf(forms));
    }

    int width() {
      return block.columns().size();
    }

    String label() {
      return row == null ? block.columns().get(0).parentLabel() : row.label();
    }
  }

  /**
   * What an era's template gives every document alike, worked out once per mapping: its template rows and its
   * identities of equality with each side's '*' expanded over the era's keys.
   */
  private record Era(List<TRow> rows, List<Sides> equalities) {
    static Era of(FormatMapping fm) {
      List<TRow> rows = new ArrayList<>();
      Set<String> keys = new LinkedHashSet<>();
      for (TableSpec t : fm.tables()) {
        keys.addAll(t.keys());
        for (BlockSpec b : t.blocks()) {
          if (b.unlabelledRow()) {
            rows.add(TRow.of(t, b, null, rows.size()));
          }
          for (RowSpec r : b.rows()) {
            rows.add(TRow.of(t, b, r, rows.size()));
          }
        }
      }
      List<Sides> equalities = new ArrayList<>();
      for (IdentitySpec id : fm.identities()) {
        if (id.relation() != IdentitySpec.Relation.EQUAL) {
          continue;
        }
        for (IdentitySpec.Instance inst : id.instances()) {
          List<String> left = expand(inst.left(), keys);
          List<String> right = expand(inst.right(), keys);
          if (left != null && right != null) {
            equalities.add(new Sides(left, right));
          }
        }
      }
      return new Era(List.copyOf(rows), List.copyOf(equalities));
    }

    /** A side's keys with '*' expanded over the era's keys; null when a plain key is not in the era. */
    private static List<String> expand(List<String> terms, Set<String> allKeys) {
      List<String> out = new ArrayList<>();
      for (String term : terms) {
        String t = term.endsWith("?") ? term.substring(0, term.length() - 1) : term;
        if (t.contains("*")) {
          int star = t.indexOf('*');
          String prefix = t.substring(0, star);
          String suffix = t.substring(star + 1);
          for (String k : allKeys) {
            if (k.length() > prefix.length() + suffix.length() && k.startsWith(prefix) && k.endsWith(suffix)) {
              out.add(k);
            }
          }
        } else if (allKeys.contains(t)) {
          out.add(t);
        } else if (!term.endsWith("?")) {
          return null;
        }
      }
      return List.copyOf(out);
    }
  }

  /** The two sides of one identity instance of equality, as keys of the era. */
  private record Sides(List<String> left, List<String> right) {}

  /** A glued run waiting for the identities: its keys and every reading. */
  private static final class Run {
    final TRow row;
    final Obs obs;
    final List<String> keys;
    final List<String[]> all;
    List<String[]> left;
    final boolean positional;

    Run(TRow row, Obs obs, List<String[]> all, boolean positional) {
      this.row = row;
      this.obs = obs;
      this.keys = row.keys();
      this.all = all;
      this.left = all;
      this.positional = positional;
    }
  }

  /** One era tried on one document; lives for one {@link #decode} call. */
  private static final class FormatRun {
    private final FormatMapping fm;
    private final List<Obs> rows;
    private final List<Prose> prose;
    private final List<TRow> templateRows;
    private final Map<String, BigDecimal> fixed = new HashMap<>();
    private final List<Run> runs = new ArrayList<>();
    private final Map<String, List<MappedCell>> cellsByTable = new LinkedHashMap<>();
    private final Map<String, Set<String>> rowsFound = new LinkedHashMap<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Era era;
    private int score;

    FormatRun(FormatMapping fm, Era era, List<Obs> rows, List<Prose> prose) {
      this.fm = fm;
      this.era = era;
      this.templateRows = era.rows();
      this.rows = rows;
      this.prose = prose;
    }

    Decoded run() {
      int[] ident = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        ident[i] = identify(rows.get(i));
      }
      // table regions: from the heading anchor before its first labelled row to the next table's start
      List<TableSpec> tables = fm.tables();
      int[] start = new int[tables.size()];
      int[] lastRow = new int[tables.size()];
      int from = 0;
      for (int t = 0; t < tables.size(); t++) {
        TableSpec spec = tables.get(t);
        start[t] = -1;
        lastRow[t] = -1;
        int firstRow = -1;
        for (int i = from; i < rows.size(); i++) {
          if (ident[i] >= 0 && templateRows.get(ident[i]).table() == spec) {
            if (firstRow < 0) {
              firstRow = i;
            }
            lastRow[t] = i;
          }
        }
        if (firstRow < 0) {
          firstRow = unlabelledRow(spec, from);
          lastRow[t] = firstRow;
        }
        if (firstRow < 0) {
          continue;
        }
        int s = firstRow;
        for (int i = firstRow; i >= from; i--) {
          if (containsAnchor(rows.get(i), spec)) {
            s = i;
            break;
          }
        }
        start[t] = s;
        from = Math.max(lastRow[t], s) + 1;
        if (spec.blocks().stream().allMatch(BlockSpec::unlabelledRow)) {
          from = firstRow + 1;
        }
      }
      for (int t = 0; t < tables.size(); t++) {
        if (start[t] < 0) {
          continue;
        }
        int end = rows.size();
        for (int u = t + 1; u < tables.size(); u++) {
          if (start[u] >= 0) {
            end = start[u];
            break;
          }
        }
        end = Math.max(end, lastRow[t] + 1);
        decodeTable(tables.get(t), start[t], end, ident);
      }
      solve();
      List<TableMatch> matches = new ArrayList<>();
      for (TableSpec spec : tables) {
        List<MappedCell> cells = cellsByTable.get(spec.id());
        if (cells == null) {
          continue;
        }
        Set<String> found = rowsFound.getOrDefault(spec.id(), Set.of());
        List<Anomaly> own = new ArrayList<>();
        matches.add(new TableMatch(spec, cells, own, found, Set.copyOf(spec.keys()), cells.size(),
            cells.isEmpty() ? 0 : cells.get(0).ref().page()));
      }
      return new Decoded(fm.format(), matches, anomalies, score);
    }

    private boolean containsAnchor(Obs o, TableSpec spec) {
      return spec.anchors().stream().anyMatch(a -> o.label().contains(a));
    }

    /** The first row after {@code from} that can be a table's one unlabelled row (section 四): a cue and enough numbers. */
    private int unlabelledRow(TableSpec spec, int from) {
      if (spec.blocks().size() != 1 || !spec.blocks().get(0).unlabelledRow()) {
        return -1;
      }
      int width = spec.blocks().get(0).columns().size();
      for (int i = from; i < rows.size(); i++) {
        Obs o = rows.get(i);
        boolean cue = spec.cues().stream().anyMatch(c -> o.label().contains(c))
            || spec.anchors().stream().anyMatch(a -> o.label().contains(a));
        if (cue && o.nums().size() <= width && o.digits() >= width) {
          return i;
        }
      }
      return -1;
    }

    /** The template row whose label ends nearest the end of the observed label, or -1. */
    private int identify(Obs o) {
      String label = o.label();
      int best = -1;
      int bestEnd = -1;
      int bestLen = 0;
      for (TRow r : templateRows) {
        for (String f : r.forms()) {
          if (f.length() < 2) {
            continue;
          }
          int at = label.lastIndexOf(f);
          if (at < 0) {
            continue;
          }
          int end = at + f.length();
          if (end < label.length() - LABEL_SLACK || f.length() < 4 && end != label.length()) {
            continue;
          }
          if (end > bestEnd || end == bestEnd && f.length() > bestLen) {
            best = r.index();
            bestEnd = end;
            bestLen = f.length();
          }
        }
      }
      return best;
    }

    private boolean fragmentOf(Obs o, TRow r) {
      String frag = o.lastText();
      return frag.length() >= 4 && r.forms().stream().anyMatch(f -> f.contains(frag));
    }

    private void decodeTable(TableSpec spec, int from, int to, int[] ident) {
      cellsByTable.putIfAbsent(spec.id(), new ArrayList<>());
      Set<Integer> used = new HashSet<>();
      for (BlockSpec block : spec.blocks()) {
        List<TRow> trows = templateRows.stream().filter(r -> r.block() == block).toList();
        if (block.unlabelledRow()) {
          int at = unlabelledRow(spec, from);
          if (at >= 0 && at < to) {
            used.add(at);
            place(trows.get(0), rows.get(at), false);
          }
          continue;
        }
        List<Integer> obsIdx = new ArrayList<>();
        for (int i = from; i < to; i++) {
          if (!used.contains(i)) {
            obsIdx.add(i);
          }
        }
        int n = obsIdx.size();
        int m = trows.size();
        double[][] d = new double[n + 1][m + 1];
        int[][] move = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
          for (int j = 0; j <= m; j++) {
            if (i == 0 && j == 0) {
              continue;
            }
            double bestCost = Double.MAX_VALUE;
            int bestMove = 0;
            if (i > 0) {
              double c = d[i - 1][j] + skipObs(ident[obsIdx.get(i - 1)], block);
              if (c < bestCost) {
                bestCost = c;
                bestMove = 1;
              }
            }
            if (j > 0) {
              double c = d[i][j - 1] + SKIP_TEMPLATE;
              if (c < bestCost) {
                bestCost = c;
                bestMove = 2;
              }
            }
            if (i > 0 && j > 0) {
              double c = d[i - 1][j - 1] + matchCost(rows.get(obsIdx.get(i - 1)), ident[obsIdx.get(i - 1)], trows.get(j - 1));
              if (c < bestCost) {
                bestCost = c;
                bestMove = 3;
              }
            }
            d[i][j] = bestCost;
            move[i][j] = bestMove;
          }
        }
        List<int[]> pairs = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
          int mv = move[i][j];
          if (mv == 3) {
            pairs.add(0, new int[] {obsIdx.get(i - 1), j - 1});
            i--;
            j--;
          } else if (mv == 1) {
            i--;
          } else {
            j--;
          }
        }
        List<int[]> shortRows = new ArrayList<>();
        Set<Integer> matched = new HashSet<>();
        for (int[] p : pairs) {
          if (matchCost(rows.get(p[0]), ident[p[0]], trows.get(p[1])) >= NEVER) {
            continue;
          }
          matched.add(p[0]);
          used.add(p[0]);
          TRow r = trows.get(p[1]);
          Obs o = rows.get(p[0]);
          boolean positional = ident[p[0]] != r.index();
          if (isShort(o, r.width())) {
            shortRows.add(p);
          } else {
            place(r, o, positional);
          }
        }
        fillShortRows(spec, block, shortRows, from, to, ident, matched, used);
      }
    }

    /**
     * Fewer numbers than columns, and not one glued run: cells were lost (only a whole row printed as one run
     * of digits is split; separately printed numbers are never cut apart).
     */
    private static boolean isShort(Obs o, int width) {
      int n = o.nums().size();
      return n < width && (n > 1 || o.digits() < width || !o.nums().get(0).splittable());
    }

    private double skipObs(int ident, BlockSpec block) {
      if (ident < 0) {
        return SKIP_LOOSE;
      }
      return templateRows.get(ident).block() == block ? SKIP_OWN : 0;
    }

    private double matchCost(Obs o, int ident, TRow r) {
      double c;
      if (ident == r.index()) {
        c = 0;
      } else if (ident >= 0) {
        return NEVER;
      } else {
        c = fragmentOf(o, r) ? FRAGMENT : POSITIONAL;
      }
      int w = r.width();
      if (o.nums().size() > w) {
        return NEVER;
      }
      if (isShort(o, w)) {
        // a row missing cells is taken only where its own label names it, never for a label-less tuple
        return ident == r.index() ? c + SHORT : NEVER;
      }
      return c;
    }

    /**
     * Rows that kept all but one inner cell (a converter wrote the lost cells as loose lines before the table,
     * sh-office-2025 table 二): with exactly one loose tuple holding one number per such row, the loose numbers
     * fill the rows' inner cell in order. Every cell of those rows is then placed by sequence.
     */
    private void fillShortRows(TableSpec spec, BlockSpec block, List<int[]> shortRows, int from, int to, int[] ident,
        Set<Integer> matched, Set<Integer> used) {
      if (shortRows.isEmpty()) {
        return;
      }
      List<Integer> loose = new ArrayList<>();
      for (int i = from; i < to; i++) {
        Obs o = rows.get(i);
        if (ident[i] < 0 && !used.contains(i)) {
          loose.add(i);
        }
      }
      List<TRow> trows = templateRows.stream().filter(r -> r.block() == block).toList();
      Obs fill = loose.size() == 1 && rows.get(loose.get(0)).nums().size() == shortRows.size()
          ? rows.get(loose.get(0)) : null;
      for (int k = 0; k < shortRows.size(); k++) {
        int[] p = shortRows.get(k);
        TRow r = trows.get(p[1]);
        Obs o = rows.get(p[0]);
        if (fill == null || r.width() != 3 || o.nums().size() != 2) {
          unreadable(r, o, Messages.text("reason.unreadable.fewer", o.nums().size(), r.width()));
          continue;
        }
        List<Token> cells = List.of(o.nums().get(0), fill.nums().get(k), o.nums().get(1));
        List<String> keys = r.keys();
        for (int c = 0; c < keys.size(); c++) {
          Token t = cells.get(c);
          emit(r, keys.get(c), c, t.raw(), t.ref(), o, EnumSet.of(Flag.FROM_SEQUENCE));
        }
      }
      if (fill != null) {
        used.add(loose.get(0));
      }
    }

    /** Places a matched row: directly when its tokens are its cells, else as a run for the identities. */
    private void place(TRow r, Obs o, boolean positional) {
      rowsFound.computeIfAbsent(r.table().id(), k -> new LinkedHashSet<>()).add(r.row() == null ? "" : r.row().key());
      score += positional ? 1 : 2;
      List<String> raws = o.nums().stream().map(Token::raw).toList();
      if (raws.size() == r.width()) {
        List<String> keys = r.keys();
        for (int c = 0; c < keys.size(); c++) {
          Token t = o.nums().get(c);
          fixed.put(keys.get(c), new BigDecimal(t.raw()));
          emit(r, keys.get(c), c, t.raw(), t.ref(), o,
              positional ? EnumSet.of(Flag.FROM_SEQUENCE) : EnumSet.noneOf(Flag.class));
        }
        return;
      }
      List<String[]> all = Splits.of(raws, r.width());
      if (all == null || all.isEmpty()) {
        unreadable(r, o, all == null ? Messages.text("reason.unreadable.too_many")
              : Messages.text("reason.unreadable.no_split", r.width()));
        return;
      }
      runs.add(new Run(r, o, all, positional));
    }

    private void emit(TRow r, String key, int col, String raw, SourceRef ref, Obs o, Set<Flag> flags) {
      ColumnSpec c = r.block().columns().get(col);
      String rowLabel = r.row() == null ? c.parentLabel() : TextForms.display(o.rawLabel()).isEmpty() ? r.label()
          : r.label();
      cellsByTable.computeIfAbsent(r.table().id(), k -> new ArrayList<>()).add(new MappedCell(key, raw,
          ref.withLocator(ref.locator() + " 第" + (col + 1) + "个数"), rowLabel, c.label(), false, false, false, flags));
    }

    private void unreadable(TRow r, Obs o, String why) {
      List<String> keys = r.keys();
      String runText = String.join(" ", o.nums().stream().map(Token::raw).toList());
      for (int c = 0; c < keys.size(); c++) {
        ColumnSpec col = r.block().columns().get(c);
        cellsByTable.computeIfAbsent(r.table().id(), k -> new ArrayList<>()).add(new MappedCell(keys.get(c), runText,
            o.ref(), r.label(), col.label(), false, true));
      }
      rowsFound.computeIfAbsent(r.table().id(), k -> new LinkedHashSet<>()).add(r.row() == null ? "" : r.row().key());
      anomalies.add(Anomaly.variant(Severity.WARNING, "table_unreadable", "row", keys, o.ref().page(),
          r.table().title(), r.label(), runText, why));
    }

    /**
     * An identity instance as a linear equation over the cells not yet known: {@code constant + Σ coef·cell = 0}
     * (left side positive, right side negative). Null when a known cell in it is not an integer.
     */
    private record Equation(long constant, Map<String, Integer> coef) {}

    private List<Equation> equations() {
      List<Equation> out = new ArrayList<>();
      for (Sides inst : era.equalities()) {
        List<String> left = inst.left();
        List<String> right = inst.right();
        long constant = 0;
        Map<String, Integer> coef = new LinkedHashMap<>();
        boolean integral = true;
        for (int side = 0; side < 2; side++) {
          int sign = side == 0 ? 1 : -1;
          for (String k : side == 0 ? left : right) {
            BigDecimal f = fixed.get(k);
            if (f == null) {
              coef.merge(k, sign, Integer::sum);
            } else if (f.stripTrailingZeros().scale() <= 0) {
              constant += sign * f.longValueExact();
            } else {
              integral = false;
            }
          }
        }
        coef.values().removeIf(c -> c == 0);
        if (integral && !coef.isEmpty()) {
          out.add(new Equation(constant, coef));
        }
      }
      return out;
    }

    /** Decides the glued runs: identities first, jointly over runs that share them; then the prose. */
    private void solve() {
      List<Equation> equations = equations();
      Map<String, Run> runOf = new HashMap<>();
      for (Run run : runs) {
        run.keys.forEach(k -> runOf.put(k, run));
      }
      Set<Run> bound = new HashSet<>();
      for (Equation e : equations) {
        e.coef().keySet().forEach(k -> {
          if (runOf.containsKey(k)) {
            bound.add(runOf.get(k));
          }
        });
      }
      // each run alone, with the identities whose other cells are all read
      for (Run run : runs) {
        List<Equation> own = equations.stream().filter(e -> run.keys.containsAll(e.coef().keySet())).toList();
        if (own.isEmpty()) {
          continue;
        }
        int[][] at = new int[own.size()][];
        int[][] coef = new int[own.size()][];
        for (int e = 0; e < own.size(); e++) {
          List<Map.Entry<String, Integer>> terms = List.copyOf(own.get(e).coef().entrySet());
          at[e] = terms.stream().mapToInt(t -> run.keys.indexOf(t.getKey())).toArray();
          coef[e] = terms.stream().mapToInt(Map.Entry::getValue).toArray();
        }
        List<String[]> ok = new ArrayList<>();
        long[] v = new long[run.keys.size()];
        for (String[] cand : run.all) {
          for (int c = 0; c < cand.length; c++) {
            v[c] = Long.parseLong(cand[c]);
          }
          boolean holds = true;
          for (int e = 0; e < own.size() && holds; e++) {
            long sum = own.get(e).constant();
            for (int t = 0; t < at[e].length; t++) {
              sum += coef[e][t] * v[at[e][t]];
            }
            holds = sum == 0;
          }
          if (holds) {
            ok.add(cand);
          }
        }
        run.left = ok;
      }
      // runs still open: every combination, checked against the identities it completes
      Map<String, Long> decided = new HashMap<>();
      for (Run r : runs) {
        if (r.left.size() == 1) {
          put(decided, r, r.left.get(0));
        }
      }
      List<Run> open = runs.stream().filter(r -> r.left.size() > 1 && bound.contains(r)).toList();
      long product = 1;
      for (Run r : open) {
        product = Math.min(Long.MAX_VALUE / 4, product * r.left.size());
      }
      if (!open.isEmpty() && product <= JOINT_LIMIT) {
        Set<String> openKeys = new HashSet<>();
        open.forEach(r -> openKeys.addAll(r.keys));
        List<Equation> joint = equations.stream()
            .filter(e -> e.coef().keySet().stream().anyMatch(openKeys::contains))
            .filter(e -> e.coef().keySet().stream().allMatch(k -> openKeys.contains(k) || decided.containsKey(k)))
            .toList();
        List<Set<String>> readings = new ArrayList<>();
        open.forEach(r -> readings.add(new HashSet<>()));
        combine(open, 0, new HashMap<>(decided), new String[open.size()][], joint, readings);
        for (int k = 0; k < open.size(); k++) {
          Run r = open.get(k);
          if (readings.get(k).size() == 1) {
            String only = readings.get(k).iterator().next();
            r.left = List.<String[]>of(only.split(",", -1));
          } else if (readings.get(k).isEmpty()) {
            r.left = List.of();
          }
        }
      }
      for (Run r : runs) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (r.positional || r.all.size() == 1) {
          flags.add(Flag.FROM_SEQUENCE);
        }
        String[] reading = null;
        if (r.left.size() == 1 && (r.all.size() == 1 || bound.contains(r))) {
          reading = r.left.get(0);
          if (r.all.size() > 1) {
            flags.add(Flag.SPLIT_BY_IDENTITY);
          }
        } else if (!bound.contains(r)) {
          reading = byProse(r);
          if (reading != null) {
            flags.add(Flag.SPLIT_BY_PROSE);
          }
        }
        if (reading == null) {
          String why = r.left.isEmpty() ? Messages.text("reason.unreadable.no_identity_split")
              : bound.contains(r) ? Messages.text("reason.unreadable.identity_ambiguous", r.left.size())
              : Messages.text("reason.unreadable.unbound", r.all.size());
          unreadable(r.row, r.obs, why);
          continue;
        }
        for (int c = 0; c < reading.length; c++) {
          Token t = r.obs.nums().get(0);
          emit(r.row, r.keys.get(c), c, reading[c], t.ref(), r.obs, flags);
        }
      }
    }

    private static boolean holds(Equation e, Map<String, Long> v) {
      long sum = e.constant();
      for (Map.Entry<String, Integer> c : e.coef().entrySet()) {
        Long x = v.get(c.getKey());
        if (x == null) {
          return true;
        }
        sum += c.getValue() * x;
      }
      return sum == 0;
    }

    private static void combine(List<Run> open, int k, Map<String, Long> v, String[][] chosen, List<Equation> joint,
        List<Set<String>> readings) {
      if (k == open.size()) {
        for (Equation e : joint) {
          if (!holds(e, v)) {
            return;
          }
        }
        for (int i = 0; i < open.size(); i++) {
          readings.get(i).add(String.join(",", chosen[i]));
        }
        return;
      }
      Run r = open.get(k);
      for (String[] cand : r.left) {
        chosen[k] = cand;
        put(v, r, cand);
        combine(open, k + 1, v, chosen, joint, readings);
      }
      r.keys.forEach(v::remove);
    }

    private static void put(Map<String, Long> v, Run r, String[] cand) {
      for (int c = 0; c < cand.length; c++) {
        v.put(r.keys.get(c), Long.parseLong(cand[c]));
      }
    }

    /**
     * The one reading whose parts include a number the prose states after the row's label for every part but
     * one (the last part then follows from the digits left), or null.
     */
    private String[] byProse(Run r) {
      if (r.row.row() == null) {
        return null;
      }
      List<BigDecimal> stated = new ArrayList<>();
      for (Prose p : prose) {
        String ctx = p.context();
        boolean about = r.row.forms().stream().filter(f -> f.length() >= 2)
            .anyMatch(f -> ctx.endsWith(f) || ctx.length() > f.length() && ctx.lastIndexOf(f) >= ctx.length() - f.length() - 10);
        if (about) {
          stated.add(p.value());
        }
      }
      if (stated.isEmpty()) {
        return null;
      }
      String[] best = null;
      int bestHits = -1;
      int ties = 0;
      for (String[] cand : r.all) {
        List<BigDecimal> pool = new ArrayList<>(stated);
        int hits = 0;
        for (String part : cand) {
          BigDecimal v = Splits.value(part);
          for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).compareTo(v) == 0) {
              pool.remove(i);
              hits++;
              break;
            }
          }
        }
        if (hits > bestHits) {
          bestHits = hits;
          best = cand;
          ties = 1;
        } else if (hits == bestHits) {
          ties++;
        }
      }
      return ties == 1 && bestHits >= r.row.width() - 1 ? best : null;
    }
  }
}
