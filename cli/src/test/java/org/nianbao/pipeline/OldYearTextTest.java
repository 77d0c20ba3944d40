package org.nianbao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nianbao.model.CellValue;
import org.nianbao.model.Report;
import org.nianbao.model.Status;

/**
 * Regression: the pdftotext dump of a 2017 report with the national indicator table (s14) was taken for a
 * 2019-format report, and six 2019 cells were written from its indicator rows, flagged only from_sequence.
 */
class OldYearTextTest {
  private static final ReportPipeline PIPELINE = new ReportPipeline(Optional.empty());
  private static final Path TEXT = Path.of("corpus/documents/text-pdftotext-s14-2017.txt");

  @Test
  void theIndicatorTableIsReadAsS14() throws IOException {
    Report r = PIPELINE.process(Files.readAllBytes(TEXT), "s14.txt");
    assertEquals("s14", r.format());
    assertEquals(60, r.cells().stream().filter(c -> c.key().startsWith("s14.")).count());
  }

  @Test
  void withoutItsHeaderAReportOf2017IsNotFittedToThe2019Rows() throws IOException {
    String text = Files.readString(TEXT, StandardCharsets.UTF_8).replace("统计指标", "");
    Report r = PIPELINE.process(text.getBytes(StandardCharsets.UTF_8), "s14-no-header.txt");
    assertNotEquals("2019", r.format());
    assertTrue(r.cells().stream().map(CellValue::key).noneMatch(k -> k.startsWith("t")),
        "no template cell from an indicator list: " + r.cells());
    assertEquals(Status.PARTIAL, r.status());
  }
}
