package org.nianbao.cli;

/**
 * The parsing libraries log through Log4j and SLF4J APIs without a backend; without these settings each
 * JVM prints "could not find a logging provider" warnings on stderr, in the middle of the progress line.
 * Document problems reach the user as outcomes and anomalies, not as library log lines.
 */
final class QuietLibraries {
  private QuietLibraries() {}

  static void apply() {
    System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
    System.setProperty("log4j2.simplelogLevel", "OFF");
    System.setProperty("slf4j.internal.verbosity", "ERROR");
  }
}
