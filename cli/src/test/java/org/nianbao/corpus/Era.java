package org.nianbao.corpus;

/**
 * The template eras the corpus covers: the two formats of the annual report (TEMPLATES.md §2 and §3) and
 * the two older indicator tables printed as an appendix (§4.2 national s14, §4.3 regional lg).
 */
public enum Era {
  Y2019("2019"),
  Y2021("2021"),
  S14("s14"),
  LG("lg");

  private final String code;

  Era(String code) {
    this.code = code;
  }

  /** The value of report.csv {@code format}. */
  public String code() {
    return code;
  }

  /** An indicator table (label | unit | value columns) instead of the three sections 二 三 四. */
  public boolean indicatorTable() {
    return this == S14 || this == LG;
  }
}
