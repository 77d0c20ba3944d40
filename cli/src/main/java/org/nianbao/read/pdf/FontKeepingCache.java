package org.nianbao.read.pdf;

import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The resource cache of one open document, which keeps its fonts until the document is closed. PDFBox's
 * text stripper drops a page's fonts from the cache when the page is done, so every page loaded again the
 * fonts it shares with the pages before it: for a report's embedded subset fonts that is their whole
 * TrueType program and ToUnicode map, page after page. Fonts are still held softly, as by the default
 * cache; images and other resources are dropped as before.
 */
class FontKeepingCache extends DefaultResourceCache {
  @Override
  public PDFont removeFont(COSObject indirect) {
    return null;
  }
}
