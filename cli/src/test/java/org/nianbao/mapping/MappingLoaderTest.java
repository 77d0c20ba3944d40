package org.nianbao.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappingLoaderTest {
  private final MappingLoader loader = new MappingLoader(KeyCatalog.get());

  @Test
  void everyShippedMappingLoadsAndNamesOnlyCatalogueKeys() {
    CompiledMapping m = loader.load(Optional.of(Path.of("mappings")));
    assertTrue(m.format("2021").isPresent());
    assertTrue(m.format("2019").isPresent());
    for (TableSpec t : m.tables()) {
      for (BlockSpec b : t.blocks()) {
        for (ColumnSpec c : b.columns()) {
          for (RowSpec r : b.rows().isEmpty() ? List.of(new RowSpec("", List.of(), "", "")) : b.rows()) {
            String key = MappingLoader.key(t.id(), r.key(), c.key());
            assertTrue(KeyCatalog.get().contains(key.replaceFirst("\\.cumulative$", "")), key);
          }
        }
      }
    }
  }

  @Test
  void the2021MappingCoversEveryCatalogueKeyOfItsFormat() {
    FormatMapping f = loader.load(Optional.of(Path.of("mappings"))).format("2021").orElseThrow();
    Set<String> mapped = new HashSet<>();
    for (TableSpec t : f.tables()) {
      for (BlockSpec b : t.blocks()) {
        for (ColumnSpec c : b.columns()) {
          for (RowSpec r : b.rows().isEmpty() ? List.of(new RowSpec("", List.of(), "", "")) : b.rows()) {
            mapped.add(MappingLoader.key(t.id(), r.key(), c.key()));
          }
        }
      }
    }
    for (KeyCatalog.Entry e : KeyCatalog.get().entriesOf("2021")) {
      if (!e.key().contains("legal_entity_subtotal")) {
        assertTrue(mapped.contains(e.key()), "2021 key not mapped: " + e.key());
      }
    }
  }

  @Test
  void builtInMappingsEqualTheFolder() {
    CompiledMapping builtIn = loader.load(Optional.empty());
    CompiledMapping folder = loader.load(Optional.of(Path.of("mappings")));
    assertEquals(folder.tables().size(), builtIn.tables().size());
  }

  @Test
  void aWrongKeyNamesTheFileAndLine() {
    String text = "format: 2021\ntable t3\n  column nobody: 自然人\n  row new_received: 一、本年新收\n";
    MappingException e = assertThrows(MappingException.class, () -> loader.compile("bad.map", text));
    assertTrue(e.getMessage().startsWith("bad.map"), e.getMessage());
    assertTrue(e.getMessage().contains("t3.new_received.nobody"), e.getMessage());
  }

  @Test
  void anUnknownEntryNamesItsLine() {
    String text = "format: 2021\ntable t4\n  colum review.total: 行政复议 > 总计\n";
    MappingException e = assertThrows(MappingException.class, () -> loader.compile("x.map", text));
    assertTrue(e.getMessage().startsWith("x.map:3"), e.getMessage());
  }

  @Test
  void onlySectionFourMayBeDeclaredTransposed() {
    String text = "format: 2021\ntable t3\n  transposed: yes\n  column total: 总计\n  row new_received: 一、本年新收\n";
    MappingException e = assertThrows(MappingException.class, () -> loader.compile("t.map", text));
    assertTrue(e.getMessage().startsWith("t.map:2"), e.getMessage());
    String t4 = "format: 2021\ntable t4\n  transposed: yes\n  column review.total: 行政复议 > 总计\n";
    assertTrue(loader.compile("t.map", t4).tables().get(0).transposed());
  }
}
