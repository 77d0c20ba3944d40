package org.nianbao.pipeline.batch;

/** A worker could not be started: the processor failed to build (a bad mappings folder) or the JVM died. */
final class WorkerStartException extends Exception {
  private static final long serialVersionUID = 1L;

  WorkerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
