package org.nianbao.mapping;

/** A mapping file that is wrong: names the file, the line and the entry. Fails start-up, never a run. */
public class MappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MappingException(String file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
  }
}
