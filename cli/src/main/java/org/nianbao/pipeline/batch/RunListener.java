package org.nianbao.pipeline.batch;

/**
 * Hears how a run advances, for a progress display. Called from several threads; implementations
 * synchronize themselves.
 */
public interface RunListener {
  /** The number of inputs expected; it grows or shrinks as archives are opened. */
  void totalChanged(int total);

  void inputDone(Done done);

  /**
   * One input finished.
   *
   * @param failed it could not be read (a row with status failed)
   * @param resumed an earlier run finished it; this run did no work on it
   */
  record Done(String source, boolean failed, boolean resumed) {}
}
