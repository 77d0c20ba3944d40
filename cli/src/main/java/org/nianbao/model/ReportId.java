package org.nianbao.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * First 16 hex digits of the SHA-256 of a file's bytes. Written out as {@link #text()}, {@code sha256:} and
 * the digits: bare, an id such as {@code 7758195832022225} or {@code 51840922e9349613} is taken for a
 * number by Excel and LibreOffice (rounded, or read as 5.18E+15).
 */
public record ReportId(String hex) {
  /** What the written form starts with; no spreadsheet reads a value starting with a letter as a number. */
  public static final String PREFIX = "sha256:";

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

  /** The form every output file writes: {@code sha256:9cc33d6dcd862322}. */
  public String text() {
    return PREFIX + hex;
  }

  /** The id of a file whose SHA-256 was computed while streaming it (the batch never holds the bytes). */
  public static ReportId fromDigest(byte[] sha256) {
    return new ReportId(HexFormat.of().formatHex(sha256, 0, 8));
  }

  @Override
  public String toString() {
    return text();
  }
}
