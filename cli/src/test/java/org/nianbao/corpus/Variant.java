package org.nianbao.corpus;

/**
 * A way of printing a report met in real documents that changes where things stand but no number: the
 * document must still read as its truth.
 */
enum Variant {
  /** Section 四 printed transposed: one row per measure (行政复议 | 结果维持 | 3), 15 rows. */
  T4_TRANSPOSED("section 四 printed transposed, one row per measure (行政复议 | 结果维持 | N), its group labels merged"),
  /**
   * Section 三's header grid disagreeing with its data rows, as a Word/WPS export prints it: 自然人 spans two
   * grid columns over its value and an always-empty cell, 商业企业 two columns over its value and 科研机构's,
   * so 其他 is pushed past 总计 in the header (HTML).
   */
  T3_HEADER_MISALIGNED("section 三's header grid disagrees with its data rows (a WPS export): 自然人 colspan=2 over its "
      + "value and an empty cell, 商业企业 colspan=2 over two value columns"),
  /** A CMS navigation trail before the title: 当前位置：首页 > 政务公开 > 政府信息公开年报 (HTML). */
  BREADCRUMB("a CMS breadcrumb `当前位置：首页 > 政务公开 > 政府信息公开年报` before the title");

  private final String note;

  Variant(String note) {
    this.note = note;
  }

  String note() {
    return note;
  }
}
