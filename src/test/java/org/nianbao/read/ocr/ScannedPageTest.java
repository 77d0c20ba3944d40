package org.nianbao.read.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nianbao.TestData;
import org.nianbao.read.FileTypes;
import org.nianbao.read.Readers;
import org.nianbao.source.Cell;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

/**
 * One scanned page (corpus/scans/images, made by make-scans.sh from page 2 of a golden PDF) read by OCR
 * against the same page's text layer: the same grid, the same numbers, a recognition on every cell.
 */
class ScannedPageTest {
  private static final Predicate<String> NUMBER = t -> t.strip().matches("[0-9][0-9,.]*");

  private static SourceDocument read(Path path) throws Exception {
    byte[] bytes = Files.readAllBytes(path);
    String type = FileTypes.detect(bytes);
    return new Readers().forType(type).orElseThrow().read(bytes, path.getFileName().toString(), type);
  }

  private static List<String> numbers(SourceDocument doc, int page) {
    List<String> out = new ArrayList<>();
    for (TableBlock t : doc.tables()) {
      for (List<Cell> row : t.rows()) {
        for (Cell c : row) {
          if (!c.isCopy() && c.ref().page() == page && NUMBER.test(c.text())) {
            out.add(c.text().strip());
          }
        }
      }
    }
    return out;
  }

  @Test
  void aJpegPageGivesTheGridAndNumbersOfItsTextLayer() throws Exception {
    Path scan = TestData.corpus().resolve("scans/images/pdf-2019-split-header-p2-scan.jpg");
    assertEquals(FileTypes.JPG, FileTypes.detect(Files.readAllBytes(scan)));
    SourceDocument ocr = read(scan);
    SourceDocument text = read(TestData.corpus().resolve("documents/pdf-2019-split-header.pdf"));
    List<String> want = numbers(text, 2);
    List<String> got = numbers(ocr, 1);
    assertFalse(want.isEmpty());
    assertEquals(want.size(), got.size(), "numeric cells");
    int same = 0;
    for (int i = 0; i < want.size(); i++) {
      same += want.get(i).equals(got.get(i)) ? 1 : 0;
    }
    assertTrue(same >= want.size() * 0.97, same + " of " + want.size() + " numbers read exactly");
    assertEquals(java.util.Set.of(1), ocr.scannedPages());
    for (TableBlock t : ocr.tables()) {
      for (List<Cell> row : t.rows()) {
        for (Cell c : row) {
          if (!c.isBlank()) {
            assertNotNull(ocr.recognitions().get(c.ref()), c.ref().locator());
          }
        }
      }
    }
  }
}
