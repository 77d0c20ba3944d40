package org.nianbao.pipeline.batch;

import java.util.Objects;
import org.nianbao.model.ReportId;

/** One input the walker found: a document (where it is, its hash), or a refusal saying why it was not read. */
public sealed interface Input {
  String source();

  /**
   * A document to extract.
   *
   * @param id the hash of its bytes, computed while the walker streamed them
   * @param head its first bytes (up to {@link InputWalker#HEAD_BYTES}), to name its type should extraction fail
   * @param spooled its bytes were copied to a temporary file (an entry of a damaged archive), to delete once
   *     it is processed
   */
  record Document(String source, Location location, ReportId id, long size, byte[] head, boolean spooled)
      implements Input {
    public Document {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(head, "head");
    }
  }

  record Refused(String source, String reason) implements Input {}
}
