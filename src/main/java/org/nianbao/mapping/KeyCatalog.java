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
import java.util.Optional;

/**
 * The canonical keys (a packaged copy of {@code spec/canonical-keys.csv}) in their catalogue order, with
 * the template's labels. Loaded once; immutable.
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
  private final Map<String, Entry> entries;

  private KeyCatalog(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
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

  /** All entries in catalogue order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The entries of one era, in catalogue order. */
  public List<Entry> entriesOf(String format) {
    return entries.values().stream().filter(e -> e.formats().contains(format)).toList();
  }

  private static KeyCatalog load() {
    try (InputStream in = KeyCatalog.class.getResourceAsStream("/canonical-keys.csv")) {
      if (in == null) {
        throw new IllegalStateException("canonical-keys.csv is missing from the jar");
      }
      Map<String, Entry> map = new LinkedHashMap<>();
      try (CSVReader csv = new CSVReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String[] row = csv.readNext();
        while ((row = csv.readNext()) != null) {
          if (row.length < 7 || row[0].isBlank()) {
            continue;
          }
          List<String> formats = new ArrayList<>(List.of(row[1].trim().split("\\s+")));
          map.put(row[0].trim(), new Entry(row[0].trim(), formats, row[2], row[3], row[4], row[5], row[6]));
        }
      }
      return new KeyCatalog(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvValidationException e) {
      throw new IllegalStateException("canonical-keys.csv is not valid CSV", e);
    }
  }
}
