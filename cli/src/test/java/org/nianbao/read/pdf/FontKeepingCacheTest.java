package org.nianbao.read.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.ResourceCache;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/** A document's fonts are loaded once, not again for every page that uses them. */
class FontKeepingCacheTest {
  /** hongze-2023: a real five-page report whose pages share their embedded subset fonts. */
  private static byte[] report() throws IOException {
    return Files.readAllBytes(PdfTestSupport.corpusReal().resolve("hongze-2023.pdf"));
  }

  @Test
  void eachFontOfTheDocumentIsLoadedOnce() throws IOException {
    Map<COSObject, Integer> loads = new HashMap<>();
    List<PageContent> pages = collect(new FontKeepingCache() {
      @Override
      public void put(COSObject indirect, PDFont font) {
        loads.merge(indirect, 1, Integer::sum);
        super.put(indirect, font);
      }
    });
    assertTrue(pages.size() > 1, "a report of several pages");
    assertFalse(loads.isEmpty(), "its fonts are indirect objects, cached by reference");
    loads.values().forEach(n -> assertEquals(1, n));
  }

  /** What the cache is for: with PDFBox's own, the stripper loads a shared font again on a later page. */
  @Test
  void theDefaultCacheLoadsASharedFontAgain() throws IOException {
    Map<COSObject, Integer> loads = new HashMap<>();
    collect(new DefaultResourceCache() {
      @Override
      public void put(COSObject indirect, PDFont font) {
        loads.merge(indirect, 1, Integer::sum);
        super.put(indirect, font);
      }
    });
    assertTrue(loads.values().stream().anyMatch(n -> n > 1), loads.toString());
  }

  @Test
  void theTextIsTheSameWithEitherCache() throws IOException {
    assertEquals(collect(new DefaultResourceCache()), collect(new FontKeepingCache()));
  }

  private static List<PageContent> collect(ResourceCache cache) throws IOException {
    try (PDDocument document = Loader.loadPDF(report())) {
      document.setResourceCache(cache);
      return PageCollector.collect(document);
    }
  }
}
