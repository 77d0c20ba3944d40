package org.nianbao.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nianbao.model.CellValue;
import org.nianbao.source.Block;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;
import org.junit.jupiter.api.Test;

/** Each kind of statement is found in its usual wordings; a sentence is tried only when it has the kind's words. */
class ProseNumbersTest {
  private static Map<String, String> found(String... paragraphs) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < paragraphs.length; i++) {
      blocks.add(new Paragraph(paragraphs[i], new SourceRef("p.txt", 0, "line " + (i + 1))));
    }
    Map<String, String> out = new TreeMap<>();
    for (CellValue v : new ProseNumbers().find(new SourceDocument("p.txt", "txt", blocks, Map.of()))) {
      out.put(v.key(), v.value().toPlainString());
    }
    return out;
  }

  @Test
  void everyKindInItsWordings() {
    Map<String, String> got = found(
        "全年主动公开政府信息共 1234 条。全年共受理政府信息公开申请 56 件，答复申请 50 件。",
        "上年度结转 3 件，另有 2 件顺延至下年度继续办理。",
        "因政府信息公开引起的行政复议 1 件，行政诉讼 0 件。全年收取检索费用 12.5 元。");
    assertEquals(Map.of("text.proactive.total", "1234", "text.req.received", "56", "text.req.closed", "50",
        "text.req.carried_over", "3", "text.req.carry_forward", "2", "text.review.total", "1",
        "text.suit.total", "0", "text.fee_yuan", "12.5"), got);
  }

  @Test
  void otherWordingsOfTheRequestsAndTheCarryOver() {
    Map<String, String> got = found("收到依申请公开 7 件，办结申请 7 件。结转至2024年 4 件。");
    assertEquals(Map.of("text.req.received", "7", "text.req.closed", "7", "text.req.carry_forward", "4"), got);
  }

  @Test
  void applicationsForApprovalsAreNotInformationRequests() {
    assertEquals(Map.of(), found("政务服务窗口全年受理申请 136437 件，办结 136000 件。"));
  }
}
