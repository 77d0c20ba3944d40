package org.nianbao.mapping;

import java.util.List;

/** The compiled mapping of one format era: its tables and identities, from one mapping file. */
public record FormatMapping(String format, String file, List<TableSpec> tables, List<IdentitySpec> identities) {
  public FormatMapping {
    tables = List.copyOf(tables);
    identities = List.copyOf(identities);
  }
}
