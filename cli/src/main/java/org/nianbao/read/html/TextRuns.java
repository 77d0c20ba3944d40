package org.nianbao.read.html;

import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Splits the text under an element into runs the way a browser lays it out: a run ends at every block
 * boundary and every {@code <br>}; inline markup (Word's many {@code <span>}s, {@code <o:p>}) adds no
 * break, so a label split over spans comes back whole. Tables met on the way are handed over, not read.
 */
final class TextRuns implements NodeFilter {
  /** Elements whose content is never document text. */
  private static final Set<String> SKIPPED = Set.of(
      "script", "style", "template", "noscript", "head", "title", "iframe", "object", "svg", "math",
      "select", "textarea");

  private static final Set<String> BLOCKS = Set.of(
      "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
      "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr",
      "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "tbody", "td",
      "tfoot", "th", "thead", "tr", "ul", "h1", "h2", "h3", "h4", "h5", "h6");

  private final StringBuilder pending = new StringBuilder();
  private final Consumer<String> onRun;
  private final Consumer<Element> onTable;
  private final Consumer<Element> onHeading;

  private TextRuns(Consumer<String> onRun, Consumer<Element> onTable, Consumer<Element> onHeading) {
    this.onRun = onRun;
    this.onTable = onTable;
    this.onHeading = onHeading;
  }

  /**
   * Walks {@code root}, passing each non-empty run (white space collapsed, U+00A0 kept) to {@code onRun}.
   *
   * @param onHeading receives {@code <h1>}–{@code <h6>} elements unread; {@code null} reads them as
   *     ordinary blocks
   */
  static void walk(Element root, Consumer<String> onRun, Consumer<Element> onTable, Consumer<Element> onHeading) {
    TextRuns runs = new TextRuns(onRun, onTable, onHeading);
    NodeTraversor.filter(runs, root);
    runs.endRun();
  }

  static boolean isHeading(String name) {
    return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode text) {
      pending.append(text.getWholeText());
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element element) || depth == 0) {
      return FilterResult.CONTINUE;
    }
    String name = element.normalName();
    if (SKIPPED.contains(name)) {
      return FilterResult.SKIP_ENTIRELY;
    }
    if (name.equals("table")) {
      endRun();
      onTable.accept(element);
      return FilterResult.SKIP_ENTIRELY;
    }
    if (onHeading != null && isHeading(name)) {
      endRun();
      onHeading.accept(element);
      return FilterResult.SKIP_ENTIRELY;
    }
    if (name.equals("br") || BLOCKS.contains(name)) {
      endRun();
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
      endRun();
    }
    return FilterResult.CONTINUE;
  }

  private void endRun() {
    String run = collapse(pending);
    pending.setLength(0);
    if (!run.isEmpty()) {
      onRun.accept(run);
    }
  }

  /**
   * Collapses HTML source white space as a browser renders it: runs of ASCII white space become one
   * space and vanish at the run's ends. A line break between two CJK characters vanishes entirely
   * (CSS segment-break rule), since Word wraps its HTML source in the middle of Chinese words.
   * U+00A0 and U+3000 are text, not source formatting, and are kept.
   */
  static String collapse(CharSequence raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int n = raw.length();
    int i = 0;
    while (i < n) {
      char c = raw.charAt(i);
      if (!isSourceSpace(c)) {
        out.append(c);
        i++;
        continue;
      }
      boolean lineBreak = false;
      int j = i;
      while (j < n && isSourceSpace(raw.charAt(j))) {
        lineBreak |= raw.charAt(j) == '\n' || raw.charAt(j) == '\r';
        j++;
      }
      boolean atEdge = out.length() == 0 || j == n;
      if (!atEdge && !(lineBreak && isWide(Character.codePointBefore(out, out.length()))
          && isWide(Character.codePointAt(raw, j)))) {
        out.append(' ');
      }
      i = j;
    }
    return out.toString();
  }

  private static boolean isSourceSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  /** East Asian wide characters: CJK ideographs, kana, full-width forms and CJK punctuation. */
  private static boolean isWide(int cp) {
    return (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
