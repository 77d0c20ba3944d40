package org.nianbao.read.pdf;

import java.util.List;

/** What one page yields from PDFBox: its size, glyphs and ruling lines. Pure data, no PDFBox types. */
record PageContent(int page, double width, double height, List<Glyph> glyphs, List<Segment> segments) {
  PageContent {
    glyphs = List.copyOf(glyphs);
    segments = List.copyOf(segments);
  }
}
