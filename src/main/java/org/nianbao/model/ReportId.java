package org.nianbao.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** First 16 hex digits of the SHA-256 of a file's bytes. */
public record ReportId(String hex) {
  public ReportId {
    Objects.requireNonNull(hex, "hex");
    if (!hex.matches("[0-9a-f]{16}")) {
      throw new IllegalArgumentException("report id must be 16 lower-case hex digits: " + hex);
    }
  }

  public static ReportId of(byte[] bytes) {
    try {
      return fromDigest(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The id of a file whose SHA-256 was computed while streaming it (the batch never holds the bytes). */
  public static ReportId fromDigest(byte[] sha256) {
    return new ReportId(HexFormat.of().formatHex(sha256, 0, 8));
  }

  @Override
  public String toString() {
    return hex;
  }
}
