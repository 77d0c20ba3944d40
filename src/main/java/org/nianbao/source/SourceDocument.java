package org.nianbao.source;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The neutral document every reader produces: blocks in reading order plus the metadata the container
 * offers (HTML {@code <title>}, PDF info dictionary, a text dump's header lines), under lower-case keys such
 * as {@code title}, {@code publisher}.
 *
 * @param fileType the detected type as written to reports.csv (pdf, docx, doc, html, txt, ...)
 * @param recognitions for each table cell read by OCR, how sure the reading is (by the cell's reference)
 * @param scannedPages the 1-based pages read by OCR
 */
public record SourceDocument(String source, String fileType, List<Block> blocks, Map<String, String> metadata,
    Map<SourceRef, Recognition> recognitions, Set<Integer> scannedPages) {
  public SourceDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fileType, "fileType");
    blocks = List.copyOf(blocks);
    metadata = Map.copyOf(metadata);
    recognitions = Map.copyOf(recognitions);
    scannedPages = Set.copyOf(scannedPages);
  }

  /** A document read from a text layer or markup: nothing read by OCR. */
  public SourceDocument(String source, String fileType, List<Block> blocks, Map<String, String> metadata) {
    this(source, fileType, blocks, metadata, Map.of(), Set.of());
  }

  public List<TableBlock> tables() {
    return blocks.stream().filter(TableBlock.class::isInstance).map(TableBlock.class::cast).toList();
  }
}
