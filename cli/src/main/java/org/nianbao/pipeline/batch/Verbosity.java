package org.nianbao.pipeline.batch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much the run logs, through SLF4J and its simple backend (on stderr; in workers, stderr goes to the
 * state folder's {@code workers.log}). The libraries log through the same facade: POI's Log4j API and
 * PDFBox's Commons Logging are routed to it.
 */
public enum Verbosity {
  /** Errors only; the command line also leaves out the progress line. */
  QUIET("error", "off"),
  /** nianbao's warnings and the libraries' errors. */
  NORMAL("warn", "error"),
  /** nianbao's progress notes and the libraries' warnings. */
  VERBOSE("info", "warn");

  private final String ours;
  private final String libraries;

  Verbosity(String ours, String libraries) {
    this.ours = ours;
    this.libraries = libraries;
  }

  /** The backend's settings, as system properties; set before the first logger is created. */
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("org.slf4j.simpleLogger.defaultLogLevel", libraries);
    p.put("org.slf4j.simpleLogger.log.org.nianbao", ours);
    p.put("org.slf4j.simpleLogger.showThreadName", "false");
    p.put("org.slf4j.simpleLogger.showShortLogName", "true");
    p.put("org.slf4j.simpleLogger.levelInBrackets", "true");
    p.put("slf4j.internal.verbosity", "WARN");
    return p;
  }

  public void apply() {
    properties().forEach(System::setProperty);
  }
}
