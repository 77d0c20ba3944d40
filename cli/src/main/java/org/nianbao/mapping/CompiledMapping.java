package org.nianbao.mapping;

import java.util.List;
import java.util.Optional;

/** Every format era's mapping, compiled once at start-up and shared read-only by all documents. */
public record CompiledMapping(List<FormatMapping> formats) {
  public CompiledMapping {
    formats = List.copyOf(formats);
  }

  public Optional<FormatMapping> format(String code) {
    return formats.stream().filter(f -> f.format().equals(code)).findFirst();
  }

  /** Every table spec of every era. */
  public List<TableSpec> tables() {
    return formats.stream().flatMap(f -> f.tables().stream()).toList();
  }
}
