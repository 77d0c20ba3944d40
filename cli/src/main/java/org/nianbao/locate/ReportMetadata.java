package org.nianbao.locate;

import java.util.Objects;

/**
 * What a report says about itself.
 *
 * @param year the data year (not the publication year), or {@code null} when not found
 */
public record ReportMetadata(String title, String agency, Integer year) {
  public ReportMetadata {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(agency, "agency");
  }
}
