package org.nianbao.pipeline.batch;

/**
 * What the walker is willing to inflate from one top-level archive, so a zip bomb is refused instead of
 * filling memory or disk. The ratio check starts only above {@code ratioFloorBytes}, because small text
 * files legitimately compress very well.
 *
 * @param maxEntryBytes largest document read into memory, inside an archive or not
 * @param maxTotalBytes uncompressed bytes per top-level archive, nested archives included
 * @param maxRatio uncompressed / compressed size above which an entry is refused
 * @param maxDepth archives inside archives: 1 is a plain zip, 2 a zip in a zip
 * @param maxEntries entries per top-level archive, nested archives included
 */
public record ZipLimits(
    long maxEntryBytes, long maxTotalBytes, long maxRatio, long ratioFloorBytes, int maxDepth, int maxEntries) {
  public static final ZipLimits DEFAULT =
      new ZipLimits(512L << 20, 8L << 30, 200, 4L << 20, 4, 200_000);

  /** The limits as one argument for a worker JVM. */
  public String encode() {
    return maxEntryBytes + "," + maxTotalBytes + "," + maxRatio + "," + ratioFloorBytes + "," + maxDepth + "," + maxEntries;
  }

  public static ZipLimits decode(String text) {
    String[] f = text.split(",");
    return new ZipLimits(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
        Integer.parseInt(f[4]), Integer.parseInt(f[5]));
  }

  public ZipLimits {
    if (maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxRatio <= 0 || ratioFloorBytes < 0 || maxDepth < 1
        || maxEntries < 1) {
      throw new IllegalArgumentException("zip limits must be positive");
    }
  }
}
