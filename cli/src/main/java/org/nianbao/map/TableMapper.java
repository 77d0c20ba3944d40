package org.nianbao.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nianbao.mapping.BlockSpec;
import org.nianbao.mapping.ColumnSpec;
import org.nianbao.mapping.GroupSpec;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.mapping.MappingLoader;
import org.nianbao.mapping.RowSpec;
import org.nianbao.mapping.TableSpec;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Messages;
import org.nianbao.model.Severity;
import org.nianbao.normalize.CellNormalizer;
import org.nianbao.normalize.TextForms;
import org.nianbao.source.Cell;
import org.nianbao.source.TableBlock;

/**
 * Binds one table's cells to canonical keys with one table spec: splits the table into its captioned
 * blocks, reads each block's header, binds value columns by header position (exact grids) or by order
 * (flattened text, where positions are unknown), and resolves each row label, tolerating numbering,
 * spacing and punctuation variants and, flagged, small typos. Stateless.
 */
public final class TableMapper {
  private static final double FUZZY_IN_GROUP = 0.5;
  private static final double FUZZY_GLOBAL = 0.8;
  private final CellNormalizer normalizer;

  public TableMapper(CellNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  /**
   * One row reduced to its label cells and its value cells, with the match forms of its texts computed
   * once (a table is tried against every table spec).
   */
  private record RowView(int index, List<Cell> labels, List<Cell> values, List<Cell> distinct,
      List<String> labelForms, List<String> distinctForms, String lastForm, String lastBare) {
    static RowView of(int index, List<Cell> labels, List<Cell> values, List<Cell> distinct, List<String> distinctForms) {
      List<String> labelForms = labels.stream().map(c -> TextForms.matchForm(c.text())).toList();
      String lastForm = labelForms.isEmpty() ? "" : labelForms.get(labelForms.size() - 1);
      return new RowView(index, labels, values, distinct, labelForms, distinctForms, lastForm,
          TextForms.withoutNumbering(lastForm));
    }

    List<String> labelTexts() {
      return labels.stream().map(Cell::text).toList();
    }

    boolean hasNonBlankValue() {
      return values.stream().anyMatch(c -> !c.isBlank());
    }
  }

  /** A header label read one character or so off (OCR), and the template label it was taken for. */
  private record Misread(String printed, String template) {}

  /** The result of resolving one row label. */
  private record RowHit(RowSpec row, boolean fuzzy) {}

  /** A table read once into row views, ready to be mapped with any number of specs. */
  public static final class Prepared {
    private final TableBlock table;
    private final List<RowView> views;
    private final boolean scanned;

    private Prepared(TableBlock table, List<RowView> views, boolean scanned) {
      this.table = table;
      this.views = List.copyOf(views);
      this.scanned = scanned;
    }

    public TableBlock table() {
      return table;
    }
  }

  public Prepared prepare(TableBlock table) {
    return prepare(table, false);
  }

  /**
   * A table read once into row views.
   *
   * @param scanned the table was read by OCR: a header label one character off the template's (未经 read as
   *     米经) may then name its column, flagged {@code fuzzy_label}; a printed header is taken as printed
   */
  public Prepared prepare(TableBlock table, boolean scanned) {
    List<RowView> views = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      views.add(view(table, r));
    }
    return new Prepared(table, views, scanned);
  }

  /**
   * Maps a prepared table with one spec. A spec that binds no cell does not fit: its match has score 0 and
   * nothing else (every table is tried against every era's specs, and most do not fit).
   */
  public TableMatch map(Prepared prepared, TableSpec spec) {
    TableBlock table = prepared.table;
    List<RowView> views = prepared.views;
    List<MappedCell> cells = new ArrayList<>();
    List<Anomaly> anomalies = new ArrayList<>();
    Set<String> found = new LinkedHashSet<>();
    Set<String> expected = new LinkedHashSet<>();
    int score = cueHits(views, spec) * 2;
    for (Segment seg : segments(views, spec)) {
      score += mapBlock(prepared, seg.block(), seg.start(), seg.end(), spec, cells, anomalies, found, expected);
    }
    int page = table.firstPage();
    if (spec.transposed()) {
      TableMatch transposed = mapTransposed(prepared, spec);
      if (transposed.cells().size() > cells.size()) {
        return transposed;
      }
    }
    if (cells.isEmpty()) {
      return new TableMatch(spec, List.of(), List.of(), Set.of(), Set.of(), 0, page);
    }
    if (!spec.optionalRows()) {
      expected.addAll(spec.keys());
    }
    return new TableMatch(spec, cells, anomalies, found, expected, score, page);
  }

  /**
   * A table printed transposed (section 四 as 15 rows: 行政复议 | 结果维持 | 3): each row's labels are a value
   * column's header path, its one value cell the value. A label merged over several rows is printed once in
   * a text dump, so a row with fewer labels than the one above takes the missing leading labels from it.
   */
  private TableMatch mapTransposed(Prepared prepared, TableSpec spec) {
    BlockSpec block = spec.blocks().get(0);
    List<MappedCell> cells = new ArrayList<>();
    List<Anomaly> anomalies = new ArrayList<>();
    Map<ColumnSpec, Boolean> seen = new IdentityHashMap<>();
    List<String> context = List.of();
    for (RowView v : prepared.views) {
      List<String> labels = v.labelForms().stream().filter(f -> !f.isEmpty()).toList();
      if (labels.isEmpty()) {
        continue;
      }
      List<String> path = new ArrayList<>();
      if (labels.size() < context.size()) {
        path.addAll(context.subList(0, context.size() - labels.size()));
      }
      path.addAll(labels);
      context = path;
      ColumnSpec col = columnOfPath(block, path);
      if (col == null || v.values().size() != 1) {
        continue;
      }
      String key = MappingLoader.key(spec.id(), "", col.key());
      if (seen.put(col, true) != null) {
        anomalies.add(Anomaly.rule(Severity.WARNING, "duplicate_row", List.of(key), page(v),
            TextForms.display(String.join(" ", v.labelTexts())), spec.title()));
        continue;
      }
      Cell c = v.values().get(0);
      cells.add(new MappedCell(key, c.text(), c.ref(), col.parentLabel(), col.label(), false, false));
    }
    List<String> missing = block.columns().stream().filter(c -> !seen.containsKey(c))
        .map(c -> MappingLoader.key(spec.id(), "", c.key())).toList();
    if (!cells.isEmpty() && !missing.isEmpty()) {
      anomalies.add(Anomaly.variant(Severity.WARNING, "missing_row", "transposed", missing, 0, spec.title(),
          KeyCatalog.get().labels(missing, missing.size())));
    }
    int score = cells.isEmpty() ? 0 : cueHits(prepared.views, spec) * 2 + cells.size();
    return new TableMatch(spec, cells, anomalies, cells.isEmpty() ? Set.of() : Set.of(""), Set.copyOf(spec.keys()),
        score, prepared.table.firstPage());
  }

  /** The value column whose header path the labels spell (its leaf last, its parents among them in order). */
  private static ColumnSpec columnOfPath(BlockSpec block, List<String> path) {
    for (ColumnSpec col : block.columns()) {
      for (List<String> want : col.paths()) {
        if (endsWith(path, want)) {
          return col;
        }
      }
    }
    return null;
  }

  private RowView view(TableBlock table, int r) {
    List<Cell> row = table.rows().get(r);
    List<Cell> distinct = new ArrayList<>();
    Cell prev = null;
    for (Cell c : row) {
      if (prev != null && prev.anchorRow() == c.anchorRow() && prev.anchorCol() == c.anchorCol()) {
        continue;
      }
      distinct.add(c);
      prev = c;
    }
    // Values start after the last label that precedes the first readable value, so that a value cell
    // holding text ("约5") stays a value (and is reported unparseable) instead of becoming a label.
    int firstValue = distinct.size();
    for (int i = 0; i < distinct.size(); i++) {
      Cell c = distinct.get(i);
      if (!c.isBlank() && normalizer.looksLikeValue(c.text())) {
        firstValue = i;
        break;
      }
    }
    int lastLabel = -1;
    for (int i = 0; i < firstValue; i++) {
      if (isLabel(distinct.get(i))) {
        lastLabel = i;
      }
    }
    List<Cell> labels = new ArrayList<>();
    for (int i = 0; i <= lastLabel; i++) {
      if (!distinct.get(i).isBlank() && !normalizer.isUnit(distinct.get(i).text())) {
        labels.add(distinct.get(i));
      }
    }
    List<Cell> values = new ArrayList<>();
    for (int i = lastLabel + 1; i < distinct.size(); i++) {
      Cell c = distinct.get(i);
      if (c.anchorRow() == r) {
        values.add(c);
      }
    }
    List<String> distinctForms = distinct.stream().map(c -> c.isBlank() ? "" : TextForms.matchForm(c.text())).toList();
    return RowView.of(r, labels, values, distinct, distinctForms);
  }

  private boolean isLabel(Cell c) {
    return !c.isBlank() && !normalizer.looksLikeValue(c.text());
  }

  private static int cueHits(List<RowView> views, TableSpec spec) {
    Set<String> texts = new HashSet<>();
    for (RowView v : views) {
      texts.addAll(v.labelForms());
    }
    int hits = 0;
    for (String cue : spec.cues()) {
      if (texts.contains(cue)) {
        hits++;
      }
    }
    return hits;
  }

  /** A block of the spec and its row range [start, end) in the table. */
  private record Segment(BlockSpec block, int start, int end) {}

  /** Each captioned block where its caption row appears; a spec without captions takes the whole table. */
  private static List<Segment> segments(List<RowView> views, TableSpec spec) {
    boolean captioned = spec.blocks().stream().anyMatch(b -> !b.captions().isEmpty());
    if (!captioned) {
      return List.of(new Segment(spec.blocks().get(0), 0, views.size()));
    }
    List<Segment> out = new ArrayList<>();
    List<BlockSpec> seen = new ArrayList<>();
    for (RowView v : views) {
      Optional<BlockSpec> caption = captionOf(v, spec);
      if (caption.isPresent()) {
        if (!out.isEmpty() && out.get(out.size() - 1).end() == views.size()) {
          Segment last = out.remove(out.size() - 1);
          out.add(new Segment(last.block(), last.start(), v.index()));
        }
        // a block's caption printed twice (a table re-headed) keeps the first occurrence
        if (seen.stream().noneMatch(b -> b == caption.get())) {
          seen.add(caption.get());
          out.add(new Segment(caption.get(), v.index() + 1, views.size()));
        }
      }
    }
    return out;
  }

  private static Optional<BlockSpec> captionOf(RowView v, TableSpec spec) {
    List<String> texts = v.distinctForms().stream().filter(f -> !f.isEmpty()).distinct().toList();
    if (texts.size() != 1) {
      return Optional.empty();
    }
    return spec.blocks().stream().filter(b -> b.captions().contains(texts.get(0))).findFirst();
  }

  private int mapBlock(Prepared prepared, BlockSpec block, int start, int end, TableSpec spec,
      List<MappedCell> cells, List<Anomaly> anomalies, Set<String> found, Set<String> expected) {
    TableBlock table = prepared.table;
    List<RowView> views = prepared.views;
    int headerStart = -1;
    int dataStart = -1;
    for (int r = start; r < end && dataStart < 0; r++) {
      RowView v = views.get(r);
      if (isDataRow(v, block)) {
        dataStart = r;
      } else if (headerStart < 0 && mentionsColumn(v, block)) {
        headerStart = r;
      }
    }
    if (dataStart < 0 || headerStart < 0) {
      return 0;
    }
    List<RowView> header = views.subList(headerStart, dataStart);
    Binding binding = bind(table, header, views.subList(dataStart, end), block, prepared.scanned);
    if (binding == null) {
      return 0;
    }
    // one finding per misread header label, naming every column under it
    Map<Misread, List<String>> misread = new LinkedHashMap<>();
    for (ColumnSpec col : block.columns()) {
      Misread m = binding.fuzzy().get(col);
      if (m != null) {
        for (RowSpec row : block.keyedRows()) {
          misread.computeIfAbsent(m, k -> new ArrayList<>()).add(MappingLoader.key(spec.id(), row.key(), col.key()));
        }
      }
    }
    misread.forEach((m, keys) -> anomalies.add(Anomaly.variant(Severity.WARNING, "fuzzy_label", "column", keys,
        page(header.get(0)), m.printed(), m.template())));
    int bound = 0;
    GroupSpec group = null;
    Set<String> blockFound = new HashSet<>();
    Gaps gaps = new Gaps();
    for (int r = dataStart; r < end; r++) {
      RowView v = views.get(r);
      if (v.values().isEmpty() && v.labels().isEmpty()) {
        continue;
      }
      if (block.unlabelledRow()) {
        if (!v.labels().isEmpty() || !v.hasNonBlankValue() && v.values().size() < block.columns().size() / 2) {
          continue;
        }
        if (!blockFound.add("")) {
          continue;
        }
        found.add("");
        gaps.rows.add(BlockSpec.UNLABELLED);
        bound += emit(table, v, BlockSpec.UNLABELLED, false, block, binding, spec, "", cells, anomalies, gaps);
        continue;
      }
      GroupSpec labelledGroup = groupOf(v, block);
      if (labelledGroup != null) {
        group = labelledGroup;
      }
      RowView cut = r + 1 < end ? cutByPageBreak(v, views.get(r + 1)) : null;
      if (cut != null && exact(v, block, group) == null && exact(cut, block, group) != null) {
        v = cut;
        r++;
      }
      RowHit hit = resolve(v, block, group);
      if (hit == null) {
        RowView shifted = valueTextAsValue(v);
        RowHit retry = shifted == null ? null : resolve(shifted, block, group);
        if (retry != null) {
          v = shifted;
          hit = retry;
        }
      }
      if (hit == null) {
        if (labelledGroup != null && v.hasNonBlankValue()) {
          anomalies.add(Anomaly.rule(Severity.INFO, "subtotal_row", List.of(), page(v),
              TextForms.display(last(v)), spec.title()));
        } else if (v.hasNonBlankValue() && !v.labels().isEmpty()) {
          anomalies.add(Anomaly.rule(Severity.WARNING, "unknown_row", List.of(), page(v),
              TextForms.display(String.join(" ", v.labelTexts())), spec.title(), Messages.format(spec.format()),
              String.join(" ", v.values().stream().map(Cell::text).map(String::strip).toList())));
        }
        continue;
      }
      // a parent row that is also its group's label (lg: 主动公开信息数 over 其中：1.网站公开) opens the group
      group = hit.row().group().isEmpty() ? labelledGroup : findGroup(block, hit.row().group());
      if (!blockFound.add(hit.row().key())) {
        anomalies.add(Anomaly.rule(Severity.WARNING, "duplicate_row", keysOf(spec, hit.row(), block), page(v),
            hit.row().label(), spec.title()));
        continue;
      }
      found.add(hit.row().key());
      gaps.rows.add(hit.row());
      bound += emit(table, v, hit.row(), hit.fuzzy(), block, binding, spec, hit.row().label(), cells, anomalies, gaps);
    }
    report(spec, block, binding, gaps, expected, anomalies);
    return bound;
  }

  /** What one block left unread: its rows found, and the cells that had no value of their own. */
  private static final class Gaps {
    final List<RowSpec> rows = new ArrayList<>();
    final List<String> lostKeys = new ArrayList<>();
    final List<String> lostWhere = new ArrayList<>();
    int lostPage;
    /** Grid columns holding values no spec column claims: an example cell of each. */
    final Map<Integer, String> unclaimed = new java.util.TreeMap<>();
    int unclaimedPage;
  }

  /**
   * Names every cell of the block's rows that was not read: a column whose header was not found
   * ({@code missing_column}) and a row with no cell of its own under a column ({@code missing_cell}). For a
   * table of optional rows an absent column is no finding (a regional table may lack 历年累计); its expected
   * keys are the rows found under the columns its header has.
   */
  private static void report(TableSpec spec, BlockSpec block, Binding binding, Gaps gaps, Set<String> expected,
      List<Anomaly> anomalies) {
    for (ColumnSpec col : block.columns()) {
      boolean unbound = !binding.sequential() && binding.positions().get(col).isEmpty();
      List<String> keys = gaps.rows.stream().map(r -> MappingLoader.key(spec.id(), r.key(), col.key())).toList();
      if (spec.optionalRows()) {
        if (!unbound) {
          expected.addAll(keys);
        }
      } else if (unbound && !keys.isEmpty()) {
        anomalies.add(Anomaly.rule(Severity.WARNING, "missing_column", keys, 0, columnName(col), spec.title(),
            keys.size()));
      }
    }
    if (binding.realigned() && !gaps.rows.isEmpty()) {
      List<String> keys = new ArrayList<>();
      gaps.rows.forEach(r -> keys.addAll(keysOf(spec, r, block)));
      anomalies.add(Anomaly.rule(Severity.WARNING, "header_realigned", keys, 0, spec.title(),
          block.columns().size(),
          String.join(Messages.text("list.separator"), block.columns().stream().map(TableMapper::columnName).toList())));
    }
    if (binding.doubtful() && !gaps.rows.isEmpty()) {
      List<String> keys = new ArrayList<>();
      gaps.rows.forEach(r -> keys.addAll(keysOf(spec, r, block)));
      anomalies.add(Anomaly.rule(Severity.WARNING, "header_misaligned", keys, 0, spec.title(), keys.size()));
    }
    if (!gaps.unclaimed.isEmpty()) {
      anomalies.add(Anomaly.rule(Severity.WARNING, "unknown_column", List.of(), gaps.unclaimedPage, spec.title(),
          gaps.unclaimed.size(), Messages.format(spec.format()),
          String.join(Messages.text("list.separator"), gaps.unclaimed.values().stream().limit(3).toList())));
    }
    if (!gaps.lostKeys.isEmpty()) {
      anomalies.add(Anomaly.rule(Severity.WARNING, "missing_cell", gaps.lostKeys, gaps.lostPage,
          String.join(Messages.text("list.separator"), gaps.lostWhere), gaps.lostKeys.size()));
    }
  }

  private static String columnName(ColumnSpec col) {
    return col.parentLabel().isEmpty() ? col.label() : col.parentLabel() + "·" + col.label();
  }

  /**
   * A one-row label cut by a page break, its values in the upper part only (（二）部分公开（区分处理的，只 at the
   * foot of a page, 计这一情形，不计其他情形） on the next, whose value cells are empty): the upper row with the
   * label's two parts joined, or null when the next row is no such continuation.
   */
  private static RowView cutByPageBreak(RowView upper, RowView lower) {
    if (upper.labels().isEmpty() || lower.labels().isEmpty() || lower.hasNonBlankValue() || !upper.hasNonBlankValue()) {
      return null;
    }
    Cell top = upper.labels().get(upper.labels().size() - 1);
    Cell rest = lower.labels().get(lower.labels().size() - 1);
    if (rest.ref().page() != top.ref().page() + 1 || top.ref().page() == 0 || rest.isCopy()) {
      return null;
    }
    List<Cell> labels = new ArrayList<>(upper.labels());
    labels.set(labels.size() - 1, new Cell(top.text() + rest.text(), top.row(), top.col(), top.anchorRow(),
        top.anchorCol(), top.ref()));
    return RowView.of(upper.index(), labels, upper.values(), upper.distinct(), upper.distinctForms());
  }

  /**
   * The row read again with its trailing label cells that hold digits ("约4") taken as values: in a text dump
   * such a cell cannot be told from a label by position (corpus/documents/txt-2021-gbk-mixed.txt).
   */
  private static RowView valueTextAsValue(RowView v) {
    int keep = v.labels().size();
    while (keep > 1 && v.labels().get(keep - 1).text().codePoints().anyMatch(Character::isDigit)) {
      keep--;
    }
    if (keep == v.labels().size()) {
      return null;
    }
    List<Cell> values = new ArrayList<>(v.labels().subList(keep, v.labels().size()));
    values.addAll(v.values());
    return RowView.of(v.index(), v.labels().subList(0, keep), values, v.distinct(), v.distinctForms());
  }

  private static int page(RowView v) {
    return v.distinct().isEmpty() ? 0 : v.distinct().get(0).ref().page();
  }

  private static String last(RowView v) {
    return v.labels().isEmpty() ? "" : v.labels().get(v.labels().size() - 1).text();
  }

  private boolean isDataRow(RowView v, BlockSpec block) {
    if (block.unlabelledRow()) {
      return v.labels().isEmpty() && v.hasNonBlankValue();
    }
    if (exact(v, block, null) != null && !v.values().isEmpty()) {
      return true;
    }
    RowView shifted = valueTextAsValue(v);
    return shifted != null && exact(shifted, block, null) != null;
  }

  private static boolean mentionsColumn(RowView v, BlockSpec block) {
    for (String f : v.labelForms()) {
      for (ColumnSpec col : block.columns()) {
        for (List<String> path : col.paths()) {
          if (path.contains(f)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static GroupSpec groupOf(RowView v, BlockSpec block) {
    for (String f : v.labelForms()) {
      for (GroupSpec g : block.groups()) {
        if (g.labels().contains(f)) {
          return g;
        }
      }
    }
    return null;
  }

  private static GroupSpec findGroup(BlockSpec block, String key) {
    return block.groups().stream().filter(g -> g.key().equals(key)).findFirst().orElse(null);
  }

  private RowHit resolve(RowView v, BlockSpec block, GroupSpec group) {
    if (v.labels().isEmpty()) {
      return null;
    }
    RowSpec exact = exact(v, block, group);
    if (exact != null) {
      return new RowHit(exact, false);
    }
    String label = v.lastForm();
    if (v.values().isEmpty() || block.groups().stream().anyMatch(g -> g.labels().contains(label))) {
      return null;
    }
    String bare = v.lastBare();
    String number = TextForms.numbering(label);
    RowSpec best = null;
    double bestSim = 0;
    boolean tie = false;
    for (RowSpec row : block.rows()) {
      boolean inGroup = group != null && row.group().equals(group.key());
      // the lowest similarity this row could be taken at: the in-group threshold needs the same item number
      double floor = inGroup && !number.isEmpty() ? FUZZY_IN_GROUP : FUZZY_GLOBAL;
      for (int i = 0; i < row.labels().size(); i++) {
        String candidate = row.bareLabels().get(i);
        // the edit distance is at least the difference in length: a label too long or too short to reach
        // the floor is not compared at all
        int longer = Math.max(bare.length(), candidate.length());
        if (longer > 0 && 1.0 - (double) Math.abs(bare.length() - candidate.length()) / longer < floor) {
          continue;
        }
        double sim = TextForms.similarity(bare, candidate);
        if (sim < floor) {
          continue;
        }
        boolean sameNumber = !number.isEmpty() && number.equals(TextForms.numbering(row.labels().get(i)));
        double need = inGroup && sameNumber ? FUZZY_IN_GROUP : FUZZY_GLOBAL;
        if (sim >= need && sim >= bestSim) {
          tie = sim == bestSim && best != null && best != row;
          if (sim > bestSim || best == null) {
            tie = false;
          }
          best = row;
          bestSim = sim;
        }
      }
    }
    return best == null || tie ? null : new RowHit(best, true);
  }

  /** Exact match of the row's most specific label, preferring the current group's items. */
  private static RowSpec exact(RowView v, BlockSpec block, GroupSpec group) {
    if (v.labels().isEmpty()) {
      return null;
    }
    RowSpec any = null;
    for (RowSpec row : block.rows()) {
      if (matches(row, v.lastForm(), v.lastBare())) {
        if (group != null && row.group().equals(group.key())) {
          return row;
        }
        if (any == null) {
          any = row;
        }
      }
    }
    return any;
  }

  private static boolean matches(RowSpec row, String label, String bare) {
    if (row.labels().contains(label)) {
      return true;
    }
    return bare.length() >= 4 && row.bareLabels().contains(bare);
  }

  /**
   * How a block's value columns are found in each data row: by grid positions, or in order (flattened text).
   *
   * @param realigned the positions were taken from the data rows in header order, not from the header grid
   */
  private record Binding(Map<ColumnSpec, Set<Integer>> positions, boolean sequential, boolean realigned,
      boolean doubtful, Map<ColumnSpec, Misread> fuzzy) {
    Binding(Map<ColumnSpec, Set<Integer>> positions, boolean sequential, boolean realigned) {
      this(positions, sequential, realigned, false, Map.of());
    }
  }

  private Binding bind(TableBlock table, List<RowView> header, List<RowView> data, BlockSpec block,
      boolean scanned) {
    if (table.exactGrid()) {
      Map<ColumnSpec, Misread> fuzzy = new IdentityHashMap<>();
      Map<ColumnSpec, Set<Integer>> positions = positions(table, header, block, scanned ? fuzzy : null);
      Set<Integer> valueCols = valueColumns(data);
      Binding realigned = realign(table, header, valueCols, block, positions);
      if (realigned != null) {
        return realigned;
      }
      if (positions != null) {
        // two values under one header column that cannot be rebound: which one belongs there is unknown
        boolean straddled = positions.values().stream().anyMatch(xs -> xs.stream().filter(valueCols::contains).count() > 1);
        return new Binding(positions, false, false, straddled, fuzzy);
      }
    }
    Set<String> texts = new HashSet<>();
    for (RowView v : header) {
      texts.addAll(v.distinctForms());
    }
    int seen = 0;
    for (ColumnSpec col : block.columns()) {
      if (col.paths().stream().anyMatch(p -> texts.contains(p.get(p.size() - 1)))) {
        seen++;
      }
    }
    return seen * 2 >= block.columns().size() ? new Binding(Map.of(), true, false) : null;
  }

  /**
   * A binding from the data rows when the header grid disagrees with them (a Word/WPS export whose header
   * cells span other columns than the values below them: 自然人 over its value and an empty cell, 商业企业 over
   * two values): the data rows hold exactly one value column per spec column, the header's own positions
   * cannot hold them one to one, and the header names every column, so its order (each column's top label,
   * then its leaf) binds them. Null when the header positions fit, or when the data rows cannot be bound so.
   */
  private static Binding realign(TableBlock table, List<RowView> header, Set<Integer> valueCols, BlockSpec block,
      Map<ColumnSpec, Set<Integer>> positions) {
    if (positions != null && fitsOneToOne(positions, valueCols) || valueCols.size() != block.columns().size()) {
      return null;
    }
    Map<ColumnSpec, int[]> order = new IdentityHashMap<>();
    for (ColumnSpec col : block.columns()) {
      int[] at = headerOrder(table, header, col);
      if (at == null) {
        return null;
      }
      order.put(col, at);
    }
    List<ColumnSpec> sorted = new ArrayList<>(block.columns());
    sorted.sort((a, b) -> order.get(a)[0] != order.get(b)[0] ? Integer.compare(order.get(a)[0], order.get(b)[0])
        : Integer.compare(order.get(a)[1], order.get(b)[1]));
    for (int i = 1; i < sorted.size(); i++) {
      if (java.util.Arrays.equals(order.get(sorted.get(i - 1)), order.get(sorted.get(i)))) {
        return null;
      }
    }
    Map<ColumnSpec, Set<Integer>> out = new IdentityHashMap<>();
    List<Integer> cols = new ArrayList<>(valueCols);
    for (int i = 0; i < sorted.size(); i++) {
      out.put(sorted.get(i), Set.of(cols.get(i)));
    }
    return new Binding(out, false, true);
  }

  /**
   * The grid columns where the data rows print values (numbers, dashes, text that is no label); a unit or
   * note printed in a cell of its own beside a number is not one.
   */
  private Set<Integer> valueColumns(List<RowView> data) {
    Set<Integer> valueCols = new java.util.TreeSet<>();
    for (RowView v : data) {
      for (Cell c : v.values()) {
        if (!c.isBlank() && normalizer.looksLikeValue(c.text())) {
          valueCols.add(c.anchorCol());
        }
      }
    }
    return valueCols;
  }

  /** Whether each printed value column lies under exactly one spec column, and each spec column over at most one. */
  private static boolean fitsOneToOne(Map<ColumnSpec, Set<Integer>> positions, Set<Integer> valueCols) {
    Map<Integer, Integer> claims = new HashMap<>();
    for (Set<Integer> xs : positions.values()) {
      long mine = xs.stream().filter(valueCols::contains).count();
      if (mine > 1) {
        return false;
      }
      xs.stream().filter(valueCols::contains).forEach(x -> claims.merge(x, 1, Integer::sum));
    }
    return valueCols.stream().allMatch(x -> claims.getOrDefault(x, 0) == 1);
  }

  /**
   * Where a column's labels stand in the header: the grid column of its top label (法人或其他组织) and of its
   * leaf at or right of it (其他), whatever rows they are in; null when a label is not printed.
   */
  private static int[] headerOrder(TableBlock table, List<RowView> header, ColumnSpec col) {
    for (List<String> path : col.paths()) {
      int top = firstColumn(table, header, path.get(0), 0);
      int leaf = top < 0 ? -1 : firstColumn(table, header, path.get(path.size() - 1), top);
      if (leaf >= 0) {
        return new int[] {top, leaf};
      }
    }
    return null;
  }

  private static int firstColumn(TableBlock table, List<RowView> header, String form, int from) {
    int width = table.rows().get(0).size();
    for (int x = from; x < width; x++) {
      for (RowView v : header) {
        if (TextForms.matchForm(table.rows().get(v.index()).get(x).text()).equals(form)) {
          return x;
        }
      }
    }
    return -1;
  }

  /**
   * Each column's grid positions under the header, or null when fewer than half the columns are found.
   *
   * @param fuzzy null, or (for a table read by OCR) where a column found by a header label one character off
   *     is recorded with the label as printed
   */
  private static Map<ColumnSpec, Set<Integer>> positions(TableBlock table, List<RowView> header, BlockSpec block,
      Map<ColumnSpec, Misread> fuzzy) {
    int width = table.rows().get(0).size();
    List<List<String>> paths = new ArrayList<>();
    List<List<String>> rejoined = new ArrayList<>();
    for (int x = 0; x < width; x++) {
      List<String> path = new ArrayList<>();
      List<String> joined = new ArrayList<>();
      int lastPage = -1;
      for (RowView v : header) {
        Cell c = table.rows().get(v.index()).get(x);
        String f = TextForms.matchForm(c.text());
        if (!f.isEmpty() && (path.isEmpty() || !path.get(path.size() - 1).equals(f))) {
          // a header cell cut by a page break (结果维 at the foot of one page, 持 at the head of the next)
          if (!joined.isEmpty() && c.ref().page() == lastPage + 1 && lastPage > 0) {
            joined.set(joined.size() - 1, joined.get(joined.size() - 1) + f);
          } else {
            joined.add(f);
          }
          path.add(f);
          lastPage = c.ref().page();
        }
      }
      paths.add(path);
      rejoined.add(joined);
    }
    Map<ColumnSpec, Set<Integer>> out = new IdentityHashMap<>();
    Set<Integer> taken = new HashSet<>();
    int resolved = 0;
    for (ColumnSpec col : block.columns()) {
      Set<Integer> xs = new LinkedHashSet<>();
      for (int x = 0; x < width; x++) {
        for (List<String> want : col.paths()) {
          if (endsWith(paths.get(x), want) || endsWith(rejoined.get(x), want)) {
            xs.add(x);
          }
        }
      }
      for (int x : xs) {
        if (!taken.add(x)) {
          return null;
        }
      }
      if (!xs.isEmpty()) {
        resolved++;
      }
      out.put(col, xs);
    }
    if (fuzzy != null && resolved < block.columns().size()) {
      resolved += fuzzyPositions(paths, block, out, taken, fuzzy);
    }
    return resolved * 2 >= block.columns().size() ? out : null;
  }

  /**
   * For a table read by OCR, the columns no header path names exactly: a path whose leaf is the column's and
   * whose parents match the column's with at most one character in five misread (labels of four characters
   * or more), at grid positions no other column holds, and only when exactly one set of positions fits.
   *
   * @return how many columns were found so
   */
  private static int fuzzyPositions(List<List<String>> paths, BlockSpec block, Map<ColumnSpec, Set<Integer>> out,
      Set<Integer> taken, Map<ColumnSpec, Misread> fuzzy) {
    int found = 0;
    for (ColumnSpec col : block.columns()) {
      if (!out.get(col).isEmpty()) {
        continue;
      }
      Set<Integer> xs = new LinkedHashSet<>();
      Misread printed = null;
      for (int x = 0; x < paths.size(); x++) {
        if (taken.contains(x)) {
          continue;
        }
        for (List<String> want : col.paths()) {
          Misread off = fuzzyParent(paths.get(x), want);
          if (off != null) {
            xs.add(x);
            printed = printed == null ? off : printed;
          }
        }
      }
      if (xs.isEmpty() || printed == null) {
        continue;
      }
      taken.addAll(xs);
      out.put(col, xs);
      fuzzy.put(col, printed);
      found++;
    }
    return found;
  }

  /**
   * The printed label that differs from the wanted one when the path names the wanted column but for one
   * label a character or so off (leaf exact, every label in order); null when it does not, or names it exactly.
   */
  private static Misread fuzzyParent(List<String> path, List<String> want) {
    if (path.isEmpty() || !path.get(path.size() - 1).equals(want.get(want.size() - 1))) {
      return null;
    }
    Misread off = null;
    int i = 0;
    for (String p : path) {
      if (i >= want.size()) {
        break;
      }
      String w = want.get(i);
      if (w.equals(p)) {
        i++;
      } else if (off == null && w.length() >= 4 && p.length() == w.length()
          && TextForms.similarity(p, w) >= FUZZY_GLOBAL) {
        off = new Misread(p, w);
        i++;
      }
    }
    return i == want.size() ? off : null;
  }

  /** Whether a header path names a column: its leaf last, its parents among the labels above in order. */
  private static boolean endsWith(List<String> path, List<String> want) {
    if (path.isEmpty()) {
      return false;
    }
    return path.get(path.size() - 1).equals(want.get(want.size() - 1)) && isSubsequence(want, path);
  }

  private static boolean isSubsequence(List<String> want, List<String> path) {
    int i = 0;
    for (String p : path) {
      if (i < want.size() && want.get(i).equals(p)) {
        i++;
      }
    }
    return i == want.size();
  }

  private int emit(TableBlock table, RowView v, RowSpec row, boolean fuzzy, BlockSpec block, Binding binding,
      TableSpec spec, String rowLabel, List<MappedCell> cells, List<Anomaly> anomalies, Gaps gaps) {
    String printedRow = v.labels().isEmpty() ? rowLabel : TextForms.display(last(v));
    int count = 0;
    if (binding.sequential()) {
      boolean aligned = v.values().size() == block.columns().size();
      String joined = String.join(" ", v.values().stream().map(Cell::text).map(String::strip).toList());
      for (int i = 0; i < block.columns().size(); i++) {
        ColumnSpec col = block.columns().get(i);
        String key = MappingLoader.key(spec.id(), row.key(), col.key());
        if (aligned) {
          Cell c = v.values().get(i);
          cells.add(new MappedCell(key, c.text(), c.ref(), rowOf(printedRow, col), col.label(), fuzzy, false));
        } else {
          Cell anchor = v.distinct().get(v.distinct().size() - 1);
          cells.add(new MappedCell(key, joined, anchor.ref(), rowOf(printedRow, col), col.label(), fuzzy, true));
        }
        count++;
      }
      if (!aligned) {
        anomalies.add(Anomaly.rule(Severity.WARNING, "row_misaligned", keysOf(spec, row, block), page(v),
            printedRow, v.values().size(), block.columns().size(), joined));
      }
    } else {
      List<Cell> rowCells = table.rows().get(v.index());
      if (!binding.realigned()) {
        unclaimed(v, binding, printedRow, gaps);
      }
      for (ColumnSpec col : block.columns()) {
        Set<Integer> xs = binding.positions().get(col);
        if (xs.isEmpty()) {
          continue;
        }
        Cell chosen = null;
        for (int x : xs) {
          Cell c = rowCells.get(x);
          // A value belongs to the column it starts in: a cell merged in from the left (a layout colspan that
          // differs from the header's) or from above is another column's or row's value.
          if (c.anchorRow() != v.index() || !xs.contains(c.anchorCol())) {
            continue;
          }
          if (chosen == null || chosen.isBlank() && !c.isBlank() && c.anchorCol() != chosen.anchorCol()) {
            chosen = c;
          }
        }
        String key = MappingLoader.key(spec.id(), row.key(), col.key());
        if (chosen == null) {
          gaps.lostKeys.add(key);
          gaps.lostWhere.add(Messages.cellLabel(rowOf(printedRow, col), col.label()));
          gaps.lostPage = gaps.lostPage == 0 ? page(v) : gaps.lostPage;
          continue;
        }
        cells.add(new MappedCell(key, chosen.text(), chosen.ref(), rowOf(printedRow, col), col.label(),
            fuzzy || binding.fuzzy().containsKey(col), binding.doubtful(), binding.realigned()));
        count++;
      }
    }
    if (fuzzy) {
      anomalies.add(Anomaly.rule(Severity.WARNING, "fuzzy_label", keysOf(spec, row, block), page(v), printedRow,
          row.label()));
    }
    return count;
  }

  /** Notes the row's values that stand in a grid column no spec column's header claims. */
  private void unclaimed(RowView v, Binding binding, String printedRow, Gaps gaps) {
    for (Cell c : v.values()) {
      if (c.isBlank() || !normalizer.looksLikeValue(c.text())
          || binding.positions().values().stream().anyMatch(xs -> xs.contains(c.anchorCol()))) {
        continue;
      }
      gaps.unclaimed.putIfAbsent(c.anchorCol(), printedRow + " " + TextForms.display(c.text()));
      gaps.unclaimedPage = gaps.unclaimedPage == 0 ? c.ref().page() : gaps.unclaimedPage;
    }
  }

  /** A table without row labels (section 四) names a cell's row by the header above its column. */
  private static String rowOf(String printedRow, ColumnSpec col) {
    return printedRow.isEmpty() ? col.parentLabel() : printedRow;
  }

  static List<String> keysOf(TableSpec spec, RowSpec row, BlockSpec block) {
    return block.columns().stream().map(c -> MappingLoader.key(spec.id(), row.key(), c.key())).toList();
  }

  /** The keys of every row of the spec that was not found, one list per missing row, with the row label. */
  public static Map<String, List<String>> missingRows(TableSpec spec, Set<String> found) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (spec.optionalRows()) {
      return out;
    }
    for (BlockSpec block : spec.blocks()) {
      List<RowSpec> rows = block.unlabelledRow() ? List.of(new RowSpec("", List.of(), "", spec.id())) : block.rows();
      for (RowSpec row : rows) {
        if (!found.contains(row.key())) {
          out.put(row.label().isEmpty() ? spec.id() : row.label(), keysOf(spec, row, block));
        }
      }
    }
    return out;
  }
}
