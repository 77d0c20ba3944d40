package org.nianbao.read;

/** A document that cannot be read: the reason is for the user, the cause (if any) is the library's. */
public class DocumentReadException extends Exception {
  private static final long serialVersionUID = 1L;

  public DocumentReadException(String reason) {
    super(reason);
  }

  public DocumentReadException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
