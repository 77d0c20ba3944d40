package org.nianbao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nianbao.TestData;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Report;

/** Prose numbers come out as text.* cells and are checked against the tables. */
class ProseCheckTest {
  private static final ReportPipeline PIPELINE = new ReportPipeline(Optional.empty());

  private static String pingtan2022() throws IOException {
    return TestData.realText("corpus-real/pingtan-2022.html");
  }

  @Test
  void aRealReportWhoseProseAgreesRaisesNothing() throws IOException {
    Report r = PIPELINE.process(pingtan2022().getBytes(StandardCharsets.UTF_8), "pingtan-2022.html");
    CellValue received = r.cells().stream().filter(c -> c.key().equals("text.req.received")).findFirst().orElseThrow();
    assertEquals(75, received.value().intValueExact());
    assertTrue(received.flags().contains(Flag.FROM_TEXT));
    assertTrue(received.raw().contains("收到政府信息公开申请75件"), received.raw());
    assertTrue(r.anomalies().stream().noneMatch(a -> a.rule().equals("text_table_mismatch")), r.anomalies().toString());
  }

  @Test
  void proseThatContradictsTheTableIsFlaggedWithBothNumbers() throws IOException {
    String changed = pingtan2022().replace("行政复议案件2件", "行政复议案件5件");
    Report r = PIPELINE.process(changed.getBytes(StandardCharsets.UTF_8), "pingtan-2022-changed.html");
    List<Anomaly> found = r.anomalies().stream().filter(a -> a.rule().equals("text_table_mismatch")).toList();
    assertEquals(1, found.size(), r.anomalies().toString());
    Anomaly a = found.get(0);
    assertEquals(List.of("text.review.total", "t4.review.total"), a.keys());
    assertEquals("2", a.expected());
    assertEquals("5", a.actual());
    assertTrue(a.message().contains("行政复议案件5件"), a.message());
  }

  @Test
  void approvalWindowCountsAreNotTakenForInformationRequests() {
    String html = "<html><body><p>某区2015年政府信息公开工作年度报告</p>"
        + "<p>建立窗口服务大厅，开设窗口24个，共受理申请136437件。</p></body></html>";
    Report r = PIPELINE.process(html.getBytes(StandardCharsets.UTF_8), "window.html");
    assertTrue(r.cells().stream().noneMatch(c -> c.key().equals("text.req.received")), r.cells().toString());
  }
}
