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
 * @param pageNumbers how and how far above the page's bottom edge the page numbers are printed
 * @param runningHeader a line printed at the head of every page, in small type below the top margin, or ""
 * @param cutT3Row id of the section 三 row the page break cuts in two: the first half of its label with its
 *     values at the foot of one page, the rest of the label over empty value cells at the head of the next;
 *     or "" for none
 * @param captionAtFoot section 二 starts at the foot of a page, so that only its first row (the caption
 *     第二十条第（一）项) fits there and the rest of the table goes on overleaf
 * @param cutSection4Header the page breaks after section 四's second header row, cutting its two-row-high
 *     cells (结果维持 …) in two
 * @param infoTitle the document information dictionary holds the title (a reader may fall back on it)
 */
public record PdfLayout(Set<String> breakBefore, String breakAfterT3Row, boolean repeatHeader,
    boolean borderlessSection4, PageNumbers pageNumbers, String runningHeader, String cutT3Row, boolean captionAtFoot,
    boolean cutSection4Header, boolean infoTitle) {
  /** Pages break only where the text runs out of room. */
  public static final PdfLayout FLOW = new PdfLayout(Set.of(), "", false, false);

  /** Page number styles as word processors print them, with where each stands. */
  public enum PageNumbers {
    /** {@code -3-} about 1.1 cm above the bottom edge. */
    DASHED("-%d-", 32, 62),
    /** {@code 3} 2.5 cm above the bottom edge (a bottom margin of about 3 cm). */
    PLAIN("%d", 71, 95),
    /** {@code 第 3 页 共 6 页} 3 cm above the bottom edge. */
    OF_TOTAL("第 %d 页 共 %d 页", 85, 108),
    /** {@code —3—} 2 cm above the bottom edge. */
    EM_DASH("—%d—", 57, 80);

    final String format;
    /** Points from the page's bottom edge to the number's baseline. */
    final float baseline;
    /** Points from the page's bottom edge that text and tables keep clear of. */
    final float floor;

    PageNumbers(String format, float baseline, float floor) {
      this.format = format;
      this.baseline = baseline;
      this.floor = floor;
    }

    String text(int page, int pages) {
      return String.format(java.util.Locale.ROOT, format, page, pages);
    }
  }

  public PdfLayout {
    breakBefore = Set.copyOf(breakBefore);
  }

  public PdfLayout(Set<String> breakBefore, String breakAfterT3Row, boolean repeatHeader, boolean borderlessSection4) {
    this(breakBefore, breakAfterT3Row, repeatHeader, borderlessSection4, PageNumbers.DASHED, "", "", false, false,
        true);
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
    if (pageNumbers != PageNumbers.DASHED) {
      parts.add("page numbers `" + pageNumbers.text(2, 5) + "` " + Math.round(pageNumbers.baseline / 72 * 2.54 * 10) / 10.0
          + " cm above the bottom edge");
    }
    if (!runningHeader.isEmpty()) {
      parts.add("a running header `" + runningHeader + "` on every page, below the 8% top band");
    }
    if (!cutT3Row.isEmpty()) {
      parts.add("section 三's row `" + cutT3Row + "` cut by the page break: the first half of its label with its "
          + "values at the foot of a page, the rest of the label over empty cells on the next, no header repeated");
    }
    if (captionAtFoot) {
      parts.add("section 二 starting at a page foot, only its caption row 第二十条第（一）项 there");
    }
    if (cutSection4Header) {
      parts.add("section 四 broken after its second header row, its two-row-high cells (结果维持 …) cut in two");
    }
    if (!infoTitle) {
      parts.add("no title in the document information");
    }
    return String.join("; ", parts);
  }
}
