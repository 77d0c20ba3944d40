package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Severity;
import org.nianbao.model.Status;

class ReportCodecTest {
  @Test
  void roundTripsEveryField() throws IOException {
    Report report = new Report(ReportId.of("x".getBytes(StandardCharsets.UTF_8)), "a.zip!/报告.pdf", "pdf",
        Status.ANOMALIES, "2021", "拦隆口镇人民政府", 2022, "2022年政府信息公开工作年度报告",
        List.of(
            new CellValue("t3.c1", new BigDecimal("1.50"), "１.50", EnumSet.of(Flag.FULLWIDTH, Flag.WHITESPACE), 3,
                "t3/r1/c1", "一、本年新收", "自然人"),
            new CellValue("t3.c2", null, "", Set.of(Flag.BLANK), 0, "t3/r1/c2", "", "")),
        List.of(new Anomaly(Severity.ERROR, "t3_balance", List.of("t3.c1", "t3.c2"), "12", "13", "不平衡", 3),
            new Anomaly(Severity.INFO, "cell_fixed", List.of(), "", "", "", 0)),
        "");
    assertEquals(report, ReportCodec.decode(ReportCodec.encode(report)));
    // a worker that sends the report bare leaves the batch to make the same state entry from it
    assertArrayEquals(StateStore.reportEntry(report), StateStore.reportEntry(ReportCodec.decode(ReportCodec.encode(report))));
  }

  @Test
  void roundTripsAReportWithoutYearOrCells() throws IOException {
    Report report = Report.unreadable(Outcomes.UNREAD, "", "empty", Status.FAILED, "empty file");
    assertEquals(report, ReportCodec.decode(ReportCodec.encode(report)));
  }

  @Test
  void damagedBytesAreAnIoProblem() {
    byte[] bytes = ReportCodec.encode(Report.unreadable(Outcomes.UNREAD, "s", "pdf", Status.FAILED, "x"));
    assertThrows(IOException.class, () -> ReportCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)));
    bytes[0] = 9;
    assertThrows(IOException.class, () -> ReportCodec.decode(bytes));
  }
}
