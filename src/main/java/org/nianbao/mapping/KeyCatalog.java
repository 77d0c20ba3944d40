package org.nianbao.mapping;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.model.Messages;
import java.util.Optional;

/**
 * The canonical keys (a packaged copy of {@code spec/canonical-keys.csv}) in their catalogue order, with
 * the template's labels. A key listed once per era (t2.license.decisions is 本年处理决定数量 in 2021 and
 * 处理决定数量 in 2019) keeps every row: each era sees its own labels. Loaded once; immutable.
 */
public final class KeyCatalog {
  /** One catalogue row. {@code formats} holds the era codes, e.g. {@code [2019, 2021]}. */
  public record Entry(String key, List<String> formats, String table, String block, String rowLabel,
      String columnLabel, String type) {
    public Entry {
      formats = List.copyOf(formats);
    }
  }

  private static final KeyCatalog INSTANCE = load();
  /** Every catalogue row in file order; a key may have one row per era. */
  private final List<Entry> rows;
  /** Each key's first row, with the eras of all its rows. */
  private final Map<String, Entry> entries;

  private KeyCatalog(List<Entry> rows) {
    this.rows = List.copyOf(rows);
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (Entry e : rows) {
      byKey.merge(e.key(), e, (first, again) -> {
        List<String> formats = new ArrayList<>(first.formats());
        again.formats().stream().filter(f -> !formats.contains(f)).forEach(formats::add);
        return new Entry(first.key(), formats, first.table(), first.block(), first.rowLabel(), first.columnLabel(),
            first.type());
      });
    }
    this.entries = Collections.unmodifiableMap(byKey);
  }

  /** A key as an auditor finds it in the report: row label · column label (the key itself when unknown). */
  public String label(String key) {
    String base = key.replaceFirst("\\.cumulative$", "");
    return entry(base).map(e -> Messages.cellLabel(e.rowLabel(), e.columnLabel())
        + (base.equals(key) ? "" : "·" + Messages.text("label.cumulative"))).orElse(key);
  }

  /** The labels of up to {@code max} keys, joined by 、, with 等 N 项 when there are more. */
  public String labels(List<String> keys, int max) {
    List<String> shown = keys.stream().limit(max).map(this::label).toList();
    String text = String.join(Messages.text("list.separator"), shown);
    return keys.size() > max ? Messages.text("list.more", text, keys.size()) : text;
  }

  public static KeyCatalog get() {
    return INSTANCE;
  }

  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public boolean contains(String key) {
    return entries.containsKey(key);
  }

  /** All keys in catalogue order, each once, with every era it belongs to. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The rows of one era, in catalogue order, each with that era's labels. */
  public List<Entry> entriesOf(String format) {
    return rows.stream().filter(e -> e.formats().contains(format)).toList();
  }

  private static KeyCatalog load() {
    try (InputStream in = KeyCatalog.class.getResourceAsStream("/canonical-keys.csv")) {
      if (in == null) {
        throw new IllegalStateException("canonical-keys.csv is missing from the jar");
      }
      List<Entry> rows = new ArrayList<>();
      try (CSVReader csv = new CSVReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String[] row = csv.readNext();
        while ((row = csv.readNext()) != null) {
          if (row.length < 7 || row[0].isBlank()) {
            continue;
          }
          List<String> formats = new ArrayList<>(List.of(row[1].trim().split("\\s+")));
          rows.add(new Entry(row[0].trim(), formats, row[2], row[3], row[4], row[5], row[6]));
        }
      }
      return new KeyCatalog(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvValidationException e) {
      throw new IllegalStateException("canonical-keys.csv is not valid CSV", e);
    }
  }
}
