package org.nianbao.read.pdf;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.read.ocr.ScannedPage;

/** A page read by OCR as the page content a text layer gives: glyphs and ruling lines in points. */
final class Scans {
  private Scans() {}

  static PageContent content(int page, ScannedPage scan) {
    List<Glyph> glyphs = new ArrayList<>();
    for (ScannedPage.Text t : scan.texts()) {
      glyphs.add(new Glyph(t.text(), t.x(), t.baseline(), t.width(), t.size(), t.recognition()));
    }
    List<Segment> segments = new ArrayList<>();
    for (ScannedPage.Rule r : scan.rules()) {
      segments.add(new Segment(r.horizontal(), r.pos(), r.from(), r.to()));
    }
    return new PageContent(page, scan.width(), scan.height(), glyphs, segments);
  }
}
