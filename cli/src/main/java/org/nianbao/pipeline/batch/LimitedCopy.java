package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.nianbao.model.Messages;

/**
 * Copies one document's bytes while they stay inside the {@link ZipLimits}: the walker copies into a hash
 * (and a spool file where needed), a worker into memory; both stop at the same limit with the same reason.
 */
final class LimitedCopy {
  private LimitedCopy() {}

  /** A document the limits do not allow to be read, with the reason that becomes its {@code error}. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
      super(reason);
    }
  }

  /**
   * @param compressed the compressed bytes read for the entry so far, for the ratio check; {@code null} for a
   *     plain file, which has only the size limit
   * @param alreadyInflated what earlier entries of the same top-level archive inflated, for its budget
   * @return the number of bytes copied
   */
  static long copy(InputStream in, OutputStream sink, ZipLimits limits, LongSupplier compressed,
      long alreadyInflated) throws IOException, Refusal {
    boolean entry = compressed != null;
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limits.maxEntryBytes()) {
        throw new Refusal(entry
            ? Messages.text("error.refused.entry_too_large", mb(limits.maxEntryBytes()))
            : Messages.text("error.refused.file_too_large", mb(limits.maxEntryBytes())));
      }
      if (entry && alreadyInflated + total > limits.maxTotalBytes()) {
        throw new Refusal(Messages.text("error.refused.archive_too_large", mb(limits.maxTotalBytes())));
      }
      if (entry && total > limits.ratioFloorBytes() && total > limits.maxRatio() * Math.max(1, compressed.getAsLong())) {
        throw new Refusal(Messages.text("error.refused.ratio", String.valueOf(limits.maxRatio())));
      }
      sink.write(buffer, 0, n);
    }
    return total;
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%d MB", bytes >> 20);
  }
}
