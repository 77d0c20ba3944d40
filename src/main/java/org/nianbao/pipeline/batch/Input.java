package org.nianbao.pipeline.batch;

/** One input the walker found: a document's bytes, or a refusal saying why it was not read. */
sealed interface Input {
  String source();

  record Document(String source, byte[] bytes) implements Input {}

  record Refused(String source, String reason) implements Input {}
}
