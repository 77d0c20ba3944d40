package org.nianbao.read.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Collects every page's glyphs with their positions and its ruling lines in one pass over the content
 * stream: parsing it, and loading its fonts (the stripper drops a page's fonts from the cache when it is
 * done), is most of the cost of reading. The stripper's own text output is discarded: only its glyph list
 * per page is kept, after its removal of duplicated overlapping glyphs (fake bold). The path operators
 * it lacks are added by {@link PathOperators}.
 */
final class PageCollector extends PDFTextStripper {
  private final Map<Integer, PageContent> byPage = new HashMap<>();
  private RulingCollector rulings;
  /** How deep inside Type 3 glyph procedures the engine is; their text is not part of the page's. */
  private int glyphProcedures;

  private PageCollector() {
    setSuppressDuplicateOverlappingText(true);
    setShouldSeparateByBeads(false);
    setSortByPosition(false);
    PathOperators.create(this, () -> rulings).forEach(this::addOperator);
  }

  /** Every page of the document in order; a page without a content stream has neither glyphs nor lines. */
  static List<PageContent> collect(PDDocument document) throws IOException {
    PageCollector collector = new PageCollector();
    collector.getText(document);
    List<PageContent> pages = new ArrayList<>();
    for (int i = 0; i < document.getNumberOfPages(); i++) {
      PageContent found = collector.byPage.get(i + 1);
      if (found == null) {
        PDRectangle crop = document.getPage(i).getCropBox();
        found = new PageContent(i + 1, crop.getWidth(), crop.getHeight(), List.of(), List.of());
      }
      pages.add(found);
    }
    return pages;
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    super.startPage(page);
    rulings = new RulingCollector(page.getCropBox());
  }

  /**
   * Type 3 glyphs are drawn by their own content streams, whose strokes reach the rulings as any other
   * (the short ones are dropped there as glyph art); the stripper alone would only note their position.
   */
  @Override
  protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
      throws IOException {
    super.showGlyph(textRenderingMatrix, font, code, displacement);
    if (font instanceof PDType3Font type3) {
      glyphProcedures++;
      try {
        showType3Glyph(textRenderingMatrix, type3, code, displacement);
      } finally {
        glyphProcedures--;
      }
    }
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    if (glyphProcedures == 0) {
      super.processTextPosition(text);
    }
  }

  @Override
  protected void writePage() {
    List<Glyph> glyphs = new ArrayList<>();
    for (List<TextPosition> article : getCharactersByArticle()) {
      for (TextPosition t : article) {
        String text = t.getUnicode();
        float size = t.getFontSizeInPt();
        if (text == null || text.isEmpty() || !(size > 0)) {
          continue;
        }
        glyphs.add(new Glyph(text, t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), size));
      }
    }
    PDRectangle crop = getCurrentPage().getCropBox();
    byPage.put(getCurrentPageNo(),
        new PageContent(getCurrentPageNo(), crop.getWidth(), crop.getHeight(), glyphs, rulings.segments()));
  }
}
