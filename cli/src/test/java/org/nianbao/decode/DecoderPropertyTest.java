package org.nianbao.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nianbao.map.MappedCell;
import org.nianbao.map.TableMatch;
import org.nianbao.mapping.BlockSpec;
import org.nianbao.mapping.ColumnSpec;
import org.nianbao.mapping.CompiledMapping;
import org.nianbao.mapping.FormatMapping;
import org.nianbao.mapping.IdentitySpec;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.mapping.MappingLoader;
import org.nianbao.mapping.RowSpec;
import org.nianbao.mapping.TableSpec;
import org.nianbao.model.Flag;
import org.nianbao.source.Block;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;

/**
 * The decoder's contract over thousands of random 2021-format reports whose arithmetic holds, printed as text
 * in random damaged shapes (rows glued into digit runs, markdown rows with extra leading or trailing cells,
 * labels on their own line, rows dropped or repeated, junk lines): a value without a decoder flag is always
 * the true one, a value split by identity makes every identity that binds it hold, and a split value is never
 * produced from a run that had several readings fitting the truth's identities. Seeded, so a failure names
 * the seed that reproduces it.
 */
class DecoderPropertyTest {
  private static final CompiledMapping MAPPING = new MappingLoader(KeyCatalog.get()).load(Optional.empty());
  private static final FormatMapping F2021 = MAPPING.format("2021").orElseThrow();
  private static final TextDecoder DECODER = new TextDecoder();
  private static final int CASES = Integer.getInteger("decoder.cases", 2000);

  @Test
  void unflaggedValuesAreTrueAndIdentitySplitsHold() {
    long unflagged = 0;
    long placed = 0;
    for (int seed = 1; seed <= CASES; seed++) {
      Random rnd = new Random(seed);
      Map<String, BigDecimal> truth = truth(rnd);
      List<String> lines = render(truth, rnd);
      List<Block> blocks = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        blocks.add(new Paragraph(lines.get(i), new SourceRef("p.txt", 0, "line " + (i + 1))));
      }
      SourceDocument doc = new SourceDocument("p.txt", "txt", blocks, Map.of());
      Optional<TextDecoder.Decoded> d = DECODER.decode(TokenizedDocument.of(doc), MAPPING, 2022);
      if (d.isEmpty()) {
        continue;
      }
      Map<String, MappedCell> out = new LinkedHashMap<>();
      for (TableMatch m : d.get().matches()) {
        for (MappedCell c : m.cells()) {
          out.putIfAbsent(c.key(), c);
        }
      }
      Map<String, BigDecimal> values = new HashMap<>();
      out.forEach((k, c) -> {
        if (!c.misaligned()) {
          values.put(k, new BigDecimal(c.raw()));
        }
      });
      for (MappedCell c : out.values()) {
        if (c.misaligned()) {
          continue;
        }
        placed++;
        BigDecimal v = values.get(c.key());
        int s = seed;
        Supplier<String> where = () -> "seed " + s + " key " + c.key() + " got " + v + " truth " + truth.get(c.key())
            + " flags " + c.decoded() + "\n" + String.join("\n", lines);
        if (c.decoded().isEmpty()) {
          unflagged++;
          assertTrue(truth.containsKey(c.key()) && truth.get(c.key()).compareTo(v) == 0, where);
        }
        if (c.decoded().contains(Flag.SPLIT_BY_IDENTITY)) {
          assertTrue(identitiesHold(c.key(), values), () -> "identity broken: " + where.get());
        }
      }
    }
    assertTrue(placed > CASES * 100L, "the decoder placed too few cells to test anything: " + placed);
    assertTrue(unflagged > 0, "no unflagged cell at all");
  }

  /** Every identity instance of the 2021 format, its terms expanded to keys: {left, right}. */
  private static final List<List<List<String>>> INSTANCES = instances();

  private static List<List<List<String>>> instances() {
    List<String> all = new ArrayList<>();
    F2021.tables().forEach(t -> all.addAll(t.keys()));
    List<List<List<String>>> out = new ArrayList<>();
    for (IdentitySpec id : F2021.identities()) {
      for (IdentitySpec.Instance inst : id.instances()) {
        out.add(List.of(expand(inst.left(), all), expand(inst.right(), all)));
      }
    }
    return out;
  }

  /** Every identity instance naming the key whose cells were all placed holds. */
  private static boolean identitiesHold(String key, Map<String, BigDecimal> values) {
    for (List<List<String>> inst : INSTANCES) {
      List<String> left = inst.get(0);
      List<String> right = inst.get(1);
      if (!left.contains(key) && !right.contains(key)) {
        continue;
      }
      if (!values.keySet().containsAll(left) || !values.keySet().containsAll(right)) {
        continue;
      }
      BigDecimal l = left.stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal r = right.stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (l.compareTo(r) != 0) {
        return false;
      }
    }
    return true;
  }

  private static List<String> expand(List<String> terms, List<String> all) {
    List<String> out = new ArrayList<>();
    for (String term : terms) {
      String t = term.replace("?", "");
      if (t.contains("*")) {
        String prefix = t.substring(0, t.indexOf('*'));
        String suffix = t.substring(t.indexOf('*') + 1);
        all.stream().filter(k -> k.length() > prefix.length() + suffix.length() && k.startsWith(prefix)
            && k.endsWith(suffix)).forEach(out::add);
      } else {
        out.add(t);
      }
    }
    return out;
  }

  private static int small(Random rnd) {
    int p = rnd.nextInt(20);
    return p < 10 ? 0 : p < 16 ? rnd.nextInt(10) : p < 19 ? rnd.nextInt(100) : rnd.nextInt(1000);
  }

  /** Random values for every 2021 key, with every identity holding. */
  static Map<String, BigDecimal> truth(Random rnd) {
    Map<String, Long> v = new LinkedHashMap<>();
    TableSpec t2 = table("t2");
    t2.keys().forEach(k -> v.put(k, (long) small(rnd)));
    TableSpec t3 = table("t3");
    List<String> cols = t3.columnKeys().stream().filter(c -> !c.equals("total")).toList();
    List<String> resultRows = t3.rowKeys().stream()
        .filter(r -> !List.of("new_received", "carried_over", "result_total", "carry_forward").contains(r)).toList();
    for (String c : cols) {
      long sum = 0;
      for (String r : resultRows) {
        long x = c.equals("natural_person") || rnd.nextInt(4) == 0 ? small(rnd) : 0;
        v.put("t3." + r + "." + c, x);
        sum += x;
      }
      v.put("t3.result_total." + c, sum);
      long forward = small(rnd);
      v.put("t3.carry_forward." + c, forward);
      long carried = Math.min(sum + forward, small(rnd));
      v.put("t3.carried_over." + c, carried);
      v.put("t3.new_received." + c, sum + forward - carried);
    }
    for (String r : t3.rowKeys()) {
      long total = 0;
      for (String c : cols) {
        total += v.get("t3." + r + "." + c);
      }
      v.put("t3." + r + ".total", total);
    }
    for (String g : List.of("review", "suit_direct", "suit_after_review")) {
      long total = 0;
      for (String part : List.of("upheld", "corrected", "other", "pending")) {
        long x = small(rnd);
        v.put("t4." + g + "." + part, x);
        total += x;
      }
      v.put("t4." + g + ".total", total);
    }
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    v.forEach((k, x) -> out.put(k, BigDecimal.valueOf(x)));
    return out;
  }

  private static TableSpec table(String id) {
    return F2021.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  /** The report as text in one random damaged shape. */
  static List<String> render(Map<String, BigDecimal> truth, Random rnd) {
    int shape = rnd.nextInt(3); // 0 glued, 1 markdown, 2 one line per row with spaces
    List<String> lines = new ArrayList<>();
    lines.add("某县2022年政府信息公开工作年度报告");
    lines.add("本年度共受理申请 " + truth.get("t3.new_received.total") + " 件。");
    StringBuilder glued = new StringBuilder();
    for (TableSpec t : F2021.tables()) {
      String heading = switch (t.id()) {
        case "t2" -> "二、主动公开政府信息情况";
        case "t3" -> "三、收到和处理政府信息公开申请情况";
        default -> "四、政府信息公开行政复议、行政诉讼情况";
      };
      emit(shape, lines, glued, heading);
      for (BlockSpec b : t.blocks()) {
        if (!b.caption().isEmpty()) {
          emit(shape, lines, glued, b.caption());
        }
        if (b.unlabelledRow()) {
          emit(shape, lines, glued, "行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计");
          List<String> nums = b.columns().stream()
              .map(c -> truth.get(MappingLoader.key(t.id(), "", c.key())).toPlainString()).toList();
          row(shape, lines, glued, "", nums, rnd, false);
          continue;
        }
        emit(shape, lines, glued, String.join(" ", b.columns().stream().map(ColumnSpec::label).toList()));
        List<RowSpec> rows = new ArrayList<>(b.rows());
        if (rows.size() > 2 && rnd.nextInt(6) == 0) {
          rows.remove(rnd.nextInt(rows.size()));
        }
        if (rows.size() > 2 && rnd.nextInt(8) == 0) {
          int at = rnd.nextInt(rows.size());
          rows.add(at, rows.get(at));
        }
        for (RowSpec r : rows) {
          List<String> nums = b.columns().stream()
              .map(c -> truth.get(MappingLoader.key(t.id(), r.key(), c.key())).toPlainString()).toList();
          boolean ownLine = rnd.nextInt(7) == 0;
          row(shape, lines, glued, r.label(), nums, rnd, ownLine);
        }
      }
    }
    emit(shape, lines, glued, "五、存在的主要问题及改进情况 下一步将继续改进。");
    if (shape == 0) {
      lines.add(glued.toString());
    }
    return lines;
  }

  private static void emit(int shape, List<String> lines, StringBuilder glued, String text) {
    if (shape == 0) {
      glued.append(text).append(' ');
    } else {
      lines.add(text);
    }
  }

  private static void row(int shape, List<String> lines, StringBuilder glued, String label, List<String> nums,
      Random rnd, boolean labelOwnLine) {
    switch (shape) {
      case 0 -> {
        glued.append(label).append(rnd.nextBoolean() ? " " : "");
        glued.append(nums.size() > 1 && rnd.nextInt(3) > 0 ? String.join("", nums) : String.join(" ", nums));
      }
      case 1 -> {
        StringBuilder sb = new StringBuilder("|");
        if (labelOwnLine && !label.isEmpty()) {
          lines.add(label);
        } else {
          if (rnd.nextInt(8) == 0) {
            sb.append(" 组 |");
          }
          sb.append(' ').append(label).append(" |");
        }
        nums.forEach(n -> sb.append(' ').append(n).append(" |"));
        if (rnd.nextInt(4) == 0) {
          sb.append("  |");
        }
        lines.add(sb.toString());
        if (rnd.nextInt(5) == 0) {
          lines.add("|---|---|");
        }
      }
      default -> {
        if (labelOwnLine && !label.isEmpty()) {
          lines.add(label);
          lines.add(String.join(" ", nums));
        } else {
          lines.add(label + " " + String.join(" ", nums));
        }
      }
    }
  }
}
