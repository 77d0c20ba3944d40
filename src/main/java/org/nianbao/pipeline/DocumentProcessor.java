package org.nianbao.pipeline;

import org.nianbao.model.Report;

/**
 * Processes one input document end to end: sniff, read, locate, map, normalize, validate. Never throws
 * for a bad document: every input ends in one {@link Report} with a status. Thread-safe.
 */
public interface DocumentProcessor {
  Report process(byte[] bytes, String source);
}
