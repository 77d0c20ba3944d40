package org.nianbao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nianbao.model.Report;
import org.nianbao.model.Status;

/** Files that are obviously not reports are skipped with the reason, not read into text.* cells. */
class NotAReportTest {
  private static final ReportPipeline PIPELINE = new ReportPipeline(Optional.empty());

  private static Report run(String source, String text) {
    return PIPELINE.process(text.getBytes(StandardCharsets.UTF_8), source);
  }

  @Test
  void jsonReadmeAndUnreadableImagesAreSkippedWithAReason() {
    Report json = run("data/list.json", "{\"title\":\"2021年政府信息公开工作年度报告\",\"受理申请\":\"12件\"}");
    assertEquals(Status.SKIPPED, json.status());
    assertTrue(json.error().contains("JSON"), json.error());
    assertEquals(0, json.cells().size());
    Report readme = run("reports/README.md", "本目录收录2021年政府信息公开工作年度报告，共受理申请12件。");
    assertEquals(Status.SKIPPED, readme.status());
    assertTrue(readme.error().contains("README.md"), readme.error());
    // images: skipped only when no reader handles them; with the OCR reader they are read (ReportPipeline)
    assertTrue(ReportPipeline.notAReport("scan/page1.png", "image", new byte[8], false).isPresent());
    assertTrue(ReportPipeline.notAReport("scan/page1.png", "image", new byte[8], true).isEmpty());
  }

  @Test
  void aPlainTextReportIsNotSkipped() {
    Report text = run("reports/2021.txt", "某某镇人民政府2021年政府信息公开工作年度报告\n全年共受理申请12件。");
    assertTrue(text.status() != Status.SKIPPED, text.error());
  }
}
