package org.nianbao.read;

/**
 * A document that was read but holds nothing nianbao can extract (an image, an executable, a PDF without
 * a text layer): its outcome is {@code unrecognized}, not {@code failed}.
 */
public class NotAReportException extends DocumentReadException {
  private static final long serialVersionUID = 1L;
  private final String fileType;

  public NotAReportException(String fileType, String reason) {
    super(reason);
    this.fileType = fileType;
  }

  /** The file type to report, which may refine the sniffed one (e.g. {@code pdf-scanned}). */
  public String fileType() {
    return fileType;
  }
}
