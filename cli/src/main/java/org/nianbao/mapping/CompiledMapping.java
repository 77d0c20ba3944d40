package org.nianbao.mapping;

import java.util.List;
import java.util.Optional;

/** Every format era's mapping, compiled once at start-up and shared read-only by all documents. */
public final class CompiledMapping {
  private final List<FormatMapping> formats;
  private final List<TableSpec> tables;

  public CompiledMapping(List<FormatMapping> formats) {
    this.formats = List.copyOf(formats);
    this.tables = this.formats.stream().flatMap(f -> f.tables().stream()).toList();
  }

  public List<FormatMapping> formats() {
    return formats;
  }

  public Optional<FormatMapping> format(String code) {
    return formats.stream().filter(f -> f.format().equals(code)).findFirst();
  }

  /** Every table spec of every era, in era order: listed once, as every paragraph and table asks for them. */
  public List<TableSpec> tables() {
    return tables;
  }
}
