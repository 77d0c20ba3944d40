package org.nianbao.source;

/** One block of a neutral document, in reading order. */
public sealed interface Block permits Heading, Paragraph, TableBlock {
  SourceRef ref();
}
