package org.nianbao.pipeline.batch;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Severity;
import org.nianbao.model.Status;
import org.nianbao.pipeline.DocumentProcessor;
import org.nianbao.read.FileTypes;

/**
 * A stand-in processor steered by markers in the bytes, loaded by class name in worker JVMs: REPORT gives
 * an ok report with two cells, TRUNCATED a failed one, HANG never returns, CRASH ends the JVM, OOM fills
 * the heap, SLOW takes a moment, LINGER three seconds; WHO names the worker JVM (its pid) as the agency;
 * anything else is unrecognized.
 */
public final class FakeProcessor implements DocumentProcessor {
  @Override
  public Report process(byte[] bytes, String source) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    ReportId id = ReportId.of(bytes);
    String type = FileTypes.detect(bytes);
    if (text.contains("HANG")) {
      sleep(Long.MAX_VALUE);
    }
    if (text.contains("CRASH")) {
      Runtime.getRuntime().halt(7);
    }
    if (text.contains("OOM")) {
      List<long[]> hog = new java.util.ArrayList<>();
      while (true) {
        hog.add(new long[1 << 20]);
      }
    }
    if (text.contains("SLOW")) {
      sleep(40);
    }
    if (text.contains("LINGER")) {
      sleep(3000);
    }
    if (text.contains("TRUNCATED")) {
      return Report.unreadable(id, source, type, Status.FAILED, "corrupt: truncated");
    }
    if (text.contains("REPORT")) {
      int n = text.length();
      List<CellValue> cells = List.of(
          new CellValue("t3.total", BigDecimal.valueOf(n), Integer.toString(n), Set.of(), 1, "t3/r1/c1", "总计", "总计"),
          new CellValue("t1.blank", null, "", Set.of(org.nianbao.model.Flag.BLANK), 1, "t1/r2/c1", "空", "本年"));
      List<Anomaly> anomalies = List.of(new Anomaly(Severity.WARNING, "blank_cell", List.of("t1.blank"), "", "", "空白单元格", 1));
      String agency = text.contains("WHO") ? Long.toString(ProcessHandle.current().pid()) : "某某镇人民政府";
      return new Report(id, source, type, Status.OK, "2021", agency, 2021, "年度报告", cells, anomalies, "");
    }
    return Report.unreadable(id, source, type, Status.UNRECOGNIZED, "no known template");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
