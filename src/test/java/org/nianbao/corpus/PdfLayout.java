package org.nianbao.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a PDF rendering breaks its pages and how it draws its tables. Tables are ruled unless said
 * otherwise; a table longer than the page flows onto the next one.
 *
 * @param breakBefore headings that start a new page
 * @param breakAfterT3Row id of the section 三 row after which the page breaks, or "" for none
 * @param repeatHeader a table continued on a new page repeats its header rows there
 * @param borderlessSection4 section 四 on a landscape page without ruling lines, its columns apart by clear gaps
 */
public record PdfLayout(Set<String> breakBefore, String breakAfterT3Row, boolean repeatHeader,
    boolean borderlessSection4) {
  /** Pages break only where the text runs out of room. */
  public static final PdfLayout FLOW = new PdfLayout(Set.of(), "", false, false);

  public PdfLayout {
    breakBefore = Set.copyOf(breakBefore);
  }

  String describe() {
    List<String> parts = new ArrayList<>();
    parts.add("ruled tables (every cell border drawn) with merged cells and labels wrapped to their column");
    if (!breakBefore.isEmpty()) {
      parts.add("a new page before " + String.join(", ", breakBefore.stream().sorted().toList()));
    }
    if (!breakAfterT3Row.isEmpty()) {
      parts.add("section 三 broken after its row `" + breakAfterT3Row + "`, header rows "
          + (repeatHeader ? "repeated" : "not repeated") + " on the next page");
    }
    if (borderlessSection4) {
      parts.add("section 四 on a landscape page without any ruling line");
    }
    return String.join("; ", parts);
  }
}
