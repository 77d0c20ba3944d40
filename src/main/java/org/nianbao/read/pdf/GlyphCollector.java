package org.nianbao.read.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects every page's glyphs with their positions. The stripper's own text output is discarded: only
 * its glyph list per page is kept, after its removal of duplicated overlapping glyphs (fake bold).
 */
final class GlyphCollector extends PDFTextStripper {
  private final Map<Integer, List<Glyph>> byPage = new HashMap<>();

  private GlyphCollector() {
    setSuppressDuplicateOverlappingText(true);
    setShouldSeparateByBeads(false);
    setSortByPosition(false);
  }

  /** The glyphs of every page, keyed by 1-based page number. */
  static Map<Integer, List<Glyph>> collect(PDDocument document) throws IOException {
    GlyphCollector collector = new GlyphCollector();
    collector.getText(document);
    return collector.byPage;
  }

  @Override
  protected void writePage() {
    List<Glyph> glyphs = byPage.computeIfAbsent(getCurrentPageNo(), p -> new ArrayList<>());
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
  }
}
