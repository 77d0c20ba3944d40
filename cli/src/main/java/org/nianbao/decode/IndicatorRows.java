package org.nianbao.decode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.nianbao.mapping.BlockSpec;
import org.nianbao.mapping.CompiledMapping;
import org.nianbao.mapping.FormatMapping;
import org.nianbao.mapping.GroupSpec;
import org.nianbao.mapping.MappingLoader;
import org.nianbao.mapping.RowSpec;
import org.nianbao.mapping.TableSpec;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Messages;
import org.nianbao.model.Severity;
import org.nianbao.normalize.TextForms;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;
import org.nianbao.source.TableBlock;

/**
 * Rebuilds an indicator table (统计指标 | 单位 | 统计数, or 指标名称 | 计量单位 | 本年度 | 历年累计: the open
 * tables of 2008–2018) from text whose grid was lost. Such a table prints one indicator per row: its label,
 * its unit, then its number(s). In the text the unit between label and number marks the row, so a row is
 * taken only where the unit stands right before the numbers and the count of numbers is the table's count of
 * value columns; the label is the longest tail of the text before the unit that is a label the mapping knows
 * (cells of merged group columns come out of order in text dumps and would otherwise be glued in front), or
 * all of that text when none is. The rebuilt table is then located and mapped like any other, so label
 * variants, groups and unknown rows are handled by the mapping. A number that has a unit but no label, or a
 * row whose count of numbers does not fit, is put in no cell and named in an anomaly. Stateless.
 */
public final class IndicatorRows {
  /** A document whose indicator rows were rebuilt as a table, and the numbers that fitted no row. */
  public record Rebuilt(SourceDocument document, List<Anomaly> anomalies) {
    public Rebuilt {
      anomalies = List.copyOf(anomalies);
    }
  }

  /** The words that name a unit in the indicator tables' unit column. */
  private static final Set<String> UNITS = Set.of("件", "条", "次", "篇", "个", "人", "人次", "万元", "元", "项", "期",
      "场", "份", "家", "名", "位", "批", "户", "天", "日", "小时", "册", "期次", "件次");
  private static final List<String> UNITS_LONGEST_FIRST = UNITS.stream()
      .sorted(java.util.Comparator.comparing(String::length).reversed().thenComparing(u -> u)).toList();
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** Fewer rows than this is no indicator table. */
  private static final int MIN_ROWS = 5;

  /** The document with its indicator rows as a table, when its text holds an indicator table. */
  public Optional<Rebuilt> rebuild(TokenizedDocument tokenized, CompiledMapping mapping) {
    SourceDocument doc = tokenized.document();
    List<Token> tokens = tokenized.tokens();
    int header = header(tokens);
    if (header < 0) {
      return Optional.empty();
    }
    boolean cumulative = false;
    int start = header;
    while (start < tokens.size() && !tokens.get(start).isNum()) {
      cumulative |= tokens.get(start).form().contains("累计");
      start++;
    }
    int values = cumulative ? 2 : 1;
    Map<String, Set<String>> labels = labels(mapping);
    String title = mapping.tables().stream().filter(TableSpec::optionalRows).map(TableSpec::title).findFirst()
        .orElse("");
    List<List<Cell>> grid = new ArrayList<>();
    SourceRef first = tokens.get(header).ref();
    List<String> head = cumulative ? List.of("指标名称", "计量单位", "本年度", "历年累计") : List.of("统计指标", "单位", "统计数");
    List<Cell> headRow = new ArrayList<>();
    for (String h : head) {
      headRow.add(Cell.of(h, 0, headRow.size(), first));
    }
    grid.add(headRow);
    List<Anomaly> anomalies = new ArrayList<>();
    List<String> unlabeled = new ArrayList<>();
    Map<String, String> unpaired = new LinkedHashMap<>();
    Set<String> placed = new HashSet<>();
    int unlabeledPage = 0;
    List<Token> text = new ArrayList<>();
    int i = header + 1;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (!number(t)) {
        if (t.kind() == Token.Kind.TEXT) {
          text.add(t);
        }
        i++;
        continue;
      }
      List<Token> nums = new ArrayList<>();
      while (i < tokens.size() && number(tokens.get(i))) {
        nums.add(tokens.get(i));
        i++;
      }
      Row row = row(text, labels);
      text.clear();
      if (row == null) {
        continue;
      }
      String numbers = String.join(" ", nums.stream().map(Token::raw).toList());
      row.passed().forEach(unpaired::putIfAbsent);
      if (row.label().isEmpty()) {
        unlabeled.add(numbers + "（" + row.unit() + "）");
        unlabeledPage = unlabeledPage == 0 ? nums.get(0).ref().page() : unlabeledPage;
      } else if (nums.size() != values) {
        anomalies.add(Anomaly.variant(Severity.WARNING, "table_unreadable", "row", List.copyOf(row.keys()),
            nums.get(0).ref().page(), title, row.label(), numbers,
            Messages.text("reason.unreadable.value_count", values)));
      } else {
        placed.addAll(row.keys());
        int r = grid.size();
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of(row.label(), r, 0, row.ref()));
        cells.add(Cell.of(row.unit(), r, 1, row.ref()));
        for (Token n : nums) {
          cells.add(Cell.of(n.raw(), r, cells.size(), n.ref()));
        }
        grid.add(cells);
      }
    }
    int rows = grid.size() - 1;
    if (rows < MIN_ROWS) {
      return Optional.empty();
    }
    if (!unlabeled.isEmpty()) {
      unpaired.keySet().removeAll(placed);
      Set<String> names = new LinkedHashSet<>(unpaired.values());
      anomalies.add(Anomaly.variant(Severity.WARNING, "table_unreadable", "unlabeled", List.copyOf(unpaired.keySet()),
          unlabeledPage, title, String.join("、", unlabeled), names.isEmpty() ? Messages.text("label.none")
              : String.join("、", names)));
    }
    List<Block> blocks = new ArrayList<>();
    for (Block b : doc.blocks()) {
      if (b instanceof TableBlock) {
        continue;
      }
      blocks.add(b);
      if (b.ref().equals(first)) {
        break;
      }
    }
    blocks.add(new TableBlock(grid, true, first));
    return Optional.of(new Rebuilt(new SourceDocument(doc.source(), doc.fileType(), blocks, doc.metadata()),
        anomalies));
  }

  /**
   * A row's label (empty when none was printed before its unit), unit and where its label was read, and the
   * keys of the row labels printed before it that are not its own (labels whose numbers came out elsewhere).
   */
  private record Row(String label, String unit, SourceRef ref, Set<String> keys, Map<String, String> passed) {}

  /**
   * The label and unit of the text before a row's numbers; null when the text does not end in a unit (no
   * indicator row: a number in prose or a page number).
   */
  private static Row row(List<Token> text, Map<String, Set<String>> labels) {
    if (text.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    List<SourceRef> refs = new ArrayList<>();
    for (Token t : text) {
      parts.add(t.raw().strip());
      refs.add(t.ref());
    }
    int lastIndex = parts.size() - 1;
    String last = parts.get(lastIndex);
    String unit;
    if (UNITS.contains(last)) {
      unit = last;
      parts.remove(lastIndex);
      refs.remove(lastIndex);
    } else {
      // a layout line (the label, white space, the unit) or the unit glued to a label the mapping knows
      String[] words = SPACES.split(last);
      unit = words.length > 1 && UNITS.contains(words[words.length - 1]) ? words[words.length - 1]
          : gluedUnit(parts, labels);
      if (unit == null) {
        return null;
      }
      parts.set(lastIndex, last.substring(0, last.lastIndexOf(unit)).strip());
    }
    Map<String, String> passed = new LinkedHashMap<>();
    for (int from = 0; from < parts.size(); from++) {
      String label = String.join("", parts.subList(from, parts.size()));
      Set<String> keys = known(label, labels);
      if (keys != null) {
        return new Row(label, unit, refs.get(from), keys, passed);
      }
      Set<String> own = known(parts.get(from), labels);
      if (own != null) {
        String printed = parts.get(from);
        own.forEach(k -> passed.putIfAbsent(k, printed));
      }
    }
    String all = String.join("", parts);
    SourceRef ref = refs.isEmpty() ? text.get(text.size() - 1).ref() : refs.get(0);
    return new Row(TextForms.matchForm(all).isEmpty() ? "" : all, unit, ref, Set.of(), passed);
  }

  /** The unit that ends the label text when what stands before it is a label the mapping knows, else null. */
  private static String gluedUnit(List<String> parts, Map<String, Set<String>> labels) {
    String last = parts.get(parts.size() - 1).strip();
    for (String unit : UNITS_LONGEST_FIRST) {
      if (last.length() > unit.length() && last.endsWith(unit)) {
        List<String> rest = new ArrayList<>(parts);
        rest.set(rest.size() - 1, last.substring(0, last.length() - unit.length()));
        for (int from = rest.size() - 1; from >= 0; from--) {
          Set<String> keys = known(String.join("", rest.subList(from, rest.size())), labels);
          if (keys != null && !keys.isEmpty()) {
            return unit;
          }
        }
      }
    }
    return null;
  }

  /**
   * A number, also one the tokenizer took for prose because a unit follows it: here the next row's unit
   * ({@code 条 / 5 / 次 / 9}: the 5 is the row's number, 次 the unit of the next).
   */
  private static boolean number(Token t) {
    return t.isNum() || t.kind() == Token.Kind.TEXT && Tokenizer.WHOLE_NUMBER.matcher(t.raw()).matches();
  }

  /** The keys of a label the mapping knows (none for a group label), or null for an unknown label. */
  private static Set<String> known(String label, Map<String, Set<String>> labels) {
    String form = TextForms.matchForm(label);
    Set<String> keys = labels.get(form);
    return keys != null ? keys : labels.get(TextForms.withoutNumbering(form));
  }

  /** The index of the table's header word (统计指标, 指标名称), or -1. */
  private static int header(List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      String form = tokens.get(i).form();
      if (form.startsWith("统计指标") || form.startsWith("指标名称")) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The labels of the open (indicator) tables by match form: each row label (also without its numbering) with
   * the keys of its cells, each group label with none.
   */
  private static Map<String, Set<String>> labels(CompiledMapping mapping) {
    Map<String, Set<String>> out = new HashMap<>();
    for (FormatMapping fm : mapping.formats()) {
      for (TableSpec t : fm.tables()) {
        if (!t.optionalRows()) {
          continue;
        }
        for (BlockSpec b : t.blocks()) {
          for (GroupSpec g : b.groups()) {
            g.labels().forEach(l -> out.computeIfAbsent(l, k -> new LinkedHashSet<>()));
          }
          for (RowSpec r : b.rows()) {
            for (String l : concat(r.labels(), r.bareLabels())) {
              Set<String> keys = out.computeIfAbsent(l, k -> new LinkedHashSet<>());
              b.columns().forEach(c -> keys.add(MappingLoader.key(t.id(), r.key(), c.key())));
            }
          }
        }
      }
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
