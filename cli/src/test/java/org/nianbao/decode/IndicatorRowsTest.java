package org.nianbao.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nianbao.mapping.CompiledMapping;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.mapping.MappingLoader;
import org.nianbao.model.Anomaly;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;
import org.nianbao.source.TableBlock;

/** Indicator tables (s14, lg) rebuilt from text whose grid was lost, in the shapes pdftotext leaves them. */
class IndicatorRowsTest {
  private static final CompiledMapping MAPPING = new MappingLoader(KeyCatalog.get()).load(Optional.empty());
  private final IndicatorRows rows = new IndicatorRows();

  private static TokenizedDocument doc(String... lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      blocks.add(new Paragraph(lines[i], new SourceRef("t.txt", 0, "line " + (i + 1))));
    }
    return TokenizedDocument.of(new SourceDocument("t.txt", "txt", blocks, Map.of()));
  }

  private static List<List<String>> grid(IndicatorRows.Rebuilt r) {
    TableBlock t = r.document().tables().get(0);
    return t.rows().stream().map(row -> row.stream().map(Cell::text).toList()).toList();
  }

  @Test
  void plainTextRowsLabelUnitNumber() {
    IndicatorRows.Rebuilt r = rows.rebuild(doc("附件", "政府信息公开情况统计表", "统计指标", "单位", "统计数",
        "（一）收到申请数", "件", "71", "1．当面申请数", "件", "0", "2．传真申请数", "件", "6", "3．网络申请数", "件",
        "59", "4．信函申请数", "件", "6"), MAPPING).orElseThrow();
    // labels in their NFKC form (the tokenizer's), numbers as printed
    assertEquals(List.of(List.of("统计指标", "单位", "统计数"), List.of("(一)收到申请数", "件", "71"),
        List.of("1.当面申请数", "件", "0"), List.of("2.传真申请数", "件", "6"), List.of("3.网络申请数", "件", "59"),
        List.of("4.信函申请数", "件", "6")), grid(r));
    assertTrue(r.anomalies().isEmpty(), r.anomalies().toString());
    assertEquals("line 8", r.document().tables().get(0).rows().get(1).get(2).ref().locator(), "the number's own line");
  }

  @Test
  void layoutLinesAndTwoValueColumns() {
    IndicatorRows.Rebuilt r = rows.rebuild(doc("指标名称        计量单位    本年度    历年累计",
        "主动公开信息数      条     120     900", "其中：网站公开    条    100    800", "政府公报公开   条   20   100",
        "受理依申请公开信息总数   件   12   80", "当面申请数   件   3   20", "网上申请数   件   9   60"), MAPPING)
        .orElseThrow();
    assertEquals(List.of("主动公开信息数", "条", "120", "900"), grid(r).get(1));
    assertEquals(List.of("网上申请数", "件", "9", "60"), grid(r).get(6));
    assertEquals(List.of("指标名称", "计量单位", "本年度", "历年累计"), grid(r).get(0));
  }

  @Test
  void aNumberBeforeTheNextUnitIsTheRowsNumberAndALabelLessNumberIsNamed() {
    // pdftotext prints a merged label cell after its number: 次 / 9 come before their label
    IndicatorRows.Rebuilt r = rows.rebuild(doc("统计指标", "单位", "统计数", "1．政府公报公开政府信息数", "条", "22",
        "5．其他方式公开政府信息数", "条", "5", "次", "9", "1．参加或举办新闻发布会总次数", "次", "3",
        "2．政府网站在线访谈次数", "次", "3", "3．政策解读稿件发布数", "篇", "6", "4．微博微信回应事件数", "次", "38",
        "二、回应解读情况", "（一）回应公众关注热点或重大舆情数", "5．其他方式回应事件数", "次", "2"), MAPPING).orElseThrow();
    List<List<String>> g = grid(r);
    assertEquals(List.of("5.其他方式公开政府信息数", "条", "5"), g.get(2), "the 5 is not taken for prose before 次");
    assertEquals(List.of("5.其他方式回应事件数", "次", "2"), g.get(g.size() - 1), "labels printed out of order dropped");
    assertEquals(1, r.anomalies().size());
    Anomaly a = r.anomalies().get(0);
    assertEquals("table_unreadable", a.rule());
    assertEquals(List.of("s14.response.hotspots"), a.keys(), "the label left without a number is named");
    assertTrue(a.message().contains("9（次）"), a.message());
  }

  @Test
  void aRowWithTheWrongCountOfNumbersIsNamedNotGuessed() {
    IndicatorRows.Rebuilt r = rows.rebuild(doc("指标名称 计量单位 本年度 历年累计", "主动公开文件数 条 346085376",
        "网站公开 条 100 800", "政府公报公开 条 20 100", "当面申请数 件 3 20", "网上申请数 件 9 60", "信函申请数 件 1 2"),
        MAPPING).orElseThrow();
    assertEquals(6, grid(r).size(), "the glued row is left out");
    assertEquals("table_unreadable", r.anomalies().get(0).rule());
    assertTrue(r.anomalies().get(0).keys().contains("lg.proactive.total"), r.anomalies().get(0).keys().toString());
  }

  @Test
  void aUnitGluedToAKnownLabelIsSplitOff() {
    IndicatorRows.Rebuilt r = rows.rebuild(doc("统计指标单位统计数", "（一）收到申请数件71", "1．当面申请数件0",
        "2．传真申请数件6", "3．网络申请数件59", "4．信函申请数件6", "（三）从事政府信息公开工作人员数人7",
        "（三）接受培训人员数人次231"), MAPPING).orElseThrow();
    List<List<String>> g = grid(r);
    assertEquals(List.of("(一)收到申请数", "件", "71"), g.get(1));
    assertEquals(List.of("(三)从事政府信息公开工作人员数", "人", "7"), g.get(6));
    assertEquals(List.of("(三)接受培训人员数", "人次", "231"), g.get(7));
  }

  @Test
  void noIndicatorTableWithoutItsHeaderOrWithTooFewRows() {
    assertTrue(rows.rebuild(doc("（一）收到申请数", "件", "71", "1．当面申请数", "件", "0", "2．传真申请数", "件", "6",
        "3．网络申请数", "件", "59", "4．信函申请数", "件", "6"), MAPPING).isEmpty());
    assertTrue(rows.rebuild(doc("统计指标", "单位", "统计数", "（一）收到申请数", "件", "71"), MAPPING).isEmpty());
  }
}
