package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

/**
 * The time a document may take: the run's {@code --timeout}, plus an allowance per page for what looks like
 * a scan, since OCR takes seconds a page where a text layer takes milliseconds. Pages are counted without
 * parsing: the embedded images of a PDF (a scan is one image a page), or one page for an image file (a TIFF
 * by its size).
 */
final class ScanAllowance {
  /** What one scanned page may add (measured: about 5–15 s a page on a shared two-core machine). */
  static final Duration PER_PAGE = Duration.ofSeconds(40);
  /** A scan this long is not read further for counting: enough to cover any report. */
  private static final int MAX_PAGES = 200;
  private static final byte[] IMAGE = "/Image".getBytes(StandardCharsets.US_ASCII);

  private ScanAllowance() {}

  static Duration limit(Task task, Duration base) {
    int pages = pages(task);
    return pages == 0 ? base : base.plus(PER_PAGE.multipliedBy(pages));
  }

  static int pages(Task task) {
    byte[] h = task.head();
    if (!(task.location() instanceof Location.InFile file) || h == null || h.length < 4) {
      return 0;
    }
    boolean png = (h[0] & 0xFF) == 0x89 && h[1] == 'P';
    boolean jpg = (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8;
    boolean tiff = (h[0] == 'I' && h[1] == 'I') || (h[0] == 'M' && h[1] == 'M');
    boolean pdf = h[0] == '%' && h[1] == 'P';
    try {
      if (png || jpg) {
        return 1;
      }
      if (tiff) {
        return (int) Math.min(MAX_PAGES, 1 + Files.size(file.path()) / (100 << 10));
      }
      if (pdf) {
        return count(file);
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** Occurrences of {@code /Image} (an image XObject's subtype) in the file, read a block at a time. */
  private static int count(Location.InFile file) throws IOException {
    int n = 0;
    int matched = 0;
    byte[] block = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file.path())) {
      int read;
      while (n < MAX_PAGES && (read = in.read(block)) >= 0) {
        for (int i = 0; i < read && n < MAX_PAGES; i++) {
          byte b = block[i];
          if (b == IMAGE[matched]) {
            matched++;
            if (matched == IMAGE.length) {
              n++;
              matched = 0;
            }
          } else {
            matched = b == IMAGE[0] ? 1 : 0;
          }
        }
      }
    }
    return n;
  }
}
