package org.nianbao.corpus;

/** The two template eras the corpus covers (TEMPLATES.md §2 and §3). */
public enum Era {
  Y2019("2019"),
  Y2021("2021");

  private final String code;

  Era(String code) {
    this.code = code;
  }

  /** The value of report.csv {@code format}. */
  public String code() {
    return code;
  }
}
