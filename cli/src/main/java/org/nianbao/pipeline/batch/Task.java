package org.nianbao.pipeline.batch;

import org.nianbao.model.ReportId;

/**
 * One document handed to a lane: where it is and what the walker learned of it.
 *
 * @param head its first bytes, to name its type if its worker dies on it
 * @param spooled its location is a temporary copy, deleted once it is processed
 */
record Task(String source, ReportId id, Location location, byte[] head, boolean spooled) {}
