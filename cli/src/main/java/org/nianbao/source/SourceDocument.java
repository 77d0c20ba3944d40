package org.nianbao.source;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The neutral document every reader produces: blocks in reading order plus the metadata the container
 * offers (HTML {@code <title>}, PDF info dictionary, a text dump's header lines), under lower-case keys such
 * as {@code title}, {@code publisher}.
 *
 * @param fileType the detected type as written to reports.csv (pdf, docx, doc, html, txt, ...)
 */
public record SourceDocument(String source, String fileType, List<Block> blocks, Map<String, String> metadata) {
  public SourceDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fileType, "fileType");
    blocks = List.copyOf(blocks);
    metadata = Map.copyOf(metadata);
  }

  public List<TableBlock> tables() {
    return blocks.stream().filter(TableBlock.class::isInstance).map(TableBlock.class::cast).toList();
  }
}
