package org.nianbao.pipeline.batch;

import org.nianbao.model.ReportId;

/** One document handed to a lane. */
record Task(String source, ReportId id, byte[] bytes) {}
