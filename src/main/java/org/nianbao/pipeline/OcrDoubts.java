package org.nianbao.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.nianbao.mapping.FormatMapping;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.mapping.TableSpec;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Messages;
import org.nianbao.model.Severity;
import org.nianbao.model.ValueType;
import org.nianbao.normalize.CellNormalizer;
import org.nianbao.normalize.Normalized;
import org.nianbao.source.Recognition;

/**
 * Doubt as data for cells read by OCR: every such cell is flagged {@code ocr}; one read with a confidence
 * below {@link #DOUBT_BELOW}, or taking part in an identity that fails, also {@code ocr_doubt}. A doubtful
 * cell among whose alternative readings exactly one (over all doubtful cells) makes the failing identities
 * hold takes that reading, flagged {@code ocr_fixed_by_identity}. The doubtful cells are listed in one
 * anomaly. Stateless.
 */
final class OcrDoubts {
  /**
   * Calibrated on the generated scans (corpus/scans): every misread digit there had a character confidence
   * below this, and few correct readings do (README, "Scanned reports").
   */
  static final double DOUBT_BELOW = 93;

  private final CellNormalizer normalizer;

  OcrDoubts(CellNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  /**
   * The safety net of a scan: every key of the format's tables that was neither read nor named by an anomaly
   * (a table or rows OCR could not find, so that no other check knows of them), in one anomaly.
   */
  static List<Anomaly> unread(FormatMapping format, Set<String> read, List<Anomaly> anomalies) {
    Set<String> named = new LinkedHashSet<>();
    anomalies.forEach(a -> named.addAll(a.keys()));
    List<String> missing = new ArrayList<>();
    for (TableSpec t : format.tables()) {
      for (String key : t.keys()) {
        if (!read.contains(key) && !named.contains(key) && !missing.contains(key)) {
          missing.add(key);
        }
      }
    }
    if (missing.isEmpty()) {
      return List.of();
    }
    return List.of(Anomaly.rule(Severity.WARNING, "ocr_unread", missing, 0, missing.size(),
        KeyCatalog.get().labels(missing, 3)));
  }

  /** The flags of a cell read by OCR from its recognition. */
  static void flag(Recognition rec, EnumSet<Flag> flags) {
    flags.add(Flag.OCR);
    if (rec.confidence() < DOUBT_BELOW) {
      flags.add(Flag.OCR_DOUBT);
    }
  }

  /**
   * Repairs and flags in place; returns the anomalies to add.
   *
   * @param cells every cell of the report by key (changed in place)
   * @param recognitions the recognition of each OCR cell by key
   * @param check the identity check over a cell map
   * @param types each key's value type
   */
  List<Anomaly> apply(Map<String, CellValue> cells, Map<String, Recognition> recognitions,
      Function<Map<String, CellValue>, List<Anomaly>> check, Function<String, ValueType> types) {
    if (recognitions.isEmpty()) {
      return List.of();
    }
    List<Anomaly> failing = check.apply(cells);
    Set<String> involved = new LinkedHashSet<>();
    failing.forEach(a -> involved.addAll(a.keys()));
    // repair: the one alternative reading of a doubtful cell that makes the failing identities hold
    List<CellValue> fixes = new ArrayList<>();
    if (!failing.isEmpty()) {
      for (String key : involved) {
        CellValue c = cells.get(key);
        Recognition rec = recognitions.get(key);
        if (c == null || rec == null || !c.flags().contains(Flag.OCR_DOUBT)) {
          continue;
        }
        for (String alt : rec.alternatives()) {
          Normalized n = normalizer.normalize(alt, types.apply(key));
          if (n.value() == null || n.value().equals(c.value())) {
            continue;
          }
          Map<String, CellValue> trial = new LinkedHashMap<>(cells);
          EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
          flags.addAll(n.flags());
          flags.add(Flag.OCR);
          flags.add(Flag.OCR_FIXED_BY_IDENTITY);
          CellValue fixed = new CellValue(key, n.value(), c.raw(), flags, c.page(), c.locator(), c.rowLabel(),
              c.columnLabel());
          trial.put(key, fixed);
          List<Anomaly> after = check.apply(trial);
          if (after.size() < failing.size() && after.stream().noneMatch(a -> a.keys().contains(key))) {
            fixes.add(fixed);
          }
        }
      }
    }
    if (fixes.size() == 1) {
      CellValue fixed = fixes.get(0);
      cells.put(fixed.key(), fixed);
      failing = check.apply(cells);
      involved.clear();
      failing.forEach(a -> involved.addAll(a.keys()));
    }
    List<String> doubtful = new ArrayList<>();
    for (Map.Entry<String, CellValue> e : cells.entrySet()) {
      CellValue c = e.getValue();
      if (!c.flags().contains(Flag.OCR)) {
        continue;
      }
      boolean doubt = c.flags().contains(Flag.OCR_DOUBT)
          || (involved.contains(e.getKey()) && !c.flags().contains(Flag.OCR_FIXED_BY_IDENTITY));
      if (doubt && !c.flags().contains(Flag.OCR_DOUBT)) {
        EnumSet<Flag> flags = EnumSet.copyOf(c.flags());
        flags.add(Flag.OCR_DOUBT);
        e.setValue(new CellValue(c.key(), c.value(), c.raw(), flags, c.page(), c.locator(), c.rowLabel(),
            c.columnLabel()));
      }
      if (doubt) {
        doubtful.add(e.getKey());
      }
    }
    List<Anomaly> out = new ArrayList<>();
    if (!doubtful.isEmpty()) {
      out.add(Anomaly.rule(Severity.WARNING, "ocr_doubt", doubtful, 0, doubtful.size(), (int) DOUBT_BELOW,
          KeyCatalog.get().labels(doubtful, doubtful.size())));
    }
    for (CellValue c : cells.values()) {
      if (c.flags().contains(Flag.OCR_FIXED_BY_IDENTITY)) {
        out.add(Anomaly.rule(Severity.INFO, "ocr_fixed_by_identity", List.of(c.key()), c.valueText(), c.raw(),
            c.page(), Messages.cellLabel(c.rowLabel(), c.columnLabel()), c.raw(), c.valueText()));
      }
    }
    return out;
  }
}
