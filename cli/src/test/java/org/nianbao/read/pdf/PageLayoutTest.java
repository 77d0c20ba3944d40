package org.nianbao.read.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.read.pdf.PdfTestSupport.compact;
import static org.nianbao.read.pdf.PdfTestSupport.tableWith;
import static org.nianbao.read.pdf.PdfTestSupport.valuesAfter;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.TestData;
import org.nianbao.source.Block;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

/**
 * The page layouts of issue 9, read from the generated corpus PDFs (corpus/documents, see their NOTE.md):
 * page furniture told by its place and repetition, tables joined across the page breaks they straddle.
 */
class PageLayoutTest {
  private static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,3}|第\\d+页共\\d+页|[-—]\\d+[-—]");

  private static SourceDocument read(String name) throws Exception {
    byte[] bytes = Files.readAllBytes(TestData.corpus().resolve("documents").resolve(name));
    return new PdfReader().read(bytes, name, "pdf");
  }

  private static List<String> texts(SourceDocument doc) {
    return doc.blocks().stream().filter(b -> !(b instanceof TableBlock))
        .map(b -> b instanceof Heading h ? h.text() : ((Paragraph) b).text()).map(PdfTestSupport::compact).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pdf-2021-cut-label.pdf", "pdf-2019-caption-foot.pdf", "pdf-2021-units-split.pdf"})
  void pageNumbersOutsideTheBottomBandAreDroppedAndSplitTablesJoined(String name) throws Exception {
    SourceDocument doc = read(name);
    assertTrue(texts(doc).stream().noneMatch(t -> PAGE_NUMBER.matcher(t).matches()), texts(doc).toString());
    // sections 二, 三 and 四 as three tables, each joined over its page break
    assertEquals(3, doc.tables().size(), name);
  }

  @Test
  void aRunningHeaderBelowTheTopBandIsDropped() throws Exception {
    List<String> texts = texts(read("pdf-2019-caption-foot.pdf"));
    assertTrue(texts.stream().noneMatch(t -> t.contains("政务公开") && !t.contains("。")), texts.toString());
    assertEquals("江口市人民政府办公室2020年政府信息公开工作年度报告", texts.get(0));
  }

  @Test
  void aCaptionRowAloneAtAPageFootStaysTheFirstRowOfItsTable() throws Exception {
    SourceDocument doc = read("pdf-2019-caption-foot.pdf");
    TableBlock t2 = tableWith(doc, "规章");
    assertEquals("第二十条第（一）项", compact(t2.rows().get(0).get(0).text()));
    assertEquals(1, t2.rows().get(0).get(0).ref().page());
    assertEquals(2, t2.rows().get(1).get(0).ref().page());
  }

  @Test
  void aLargeTitleWrappedWithItsLastCharacterAloneIsOneHeading() throws Exception {
    Block first = read("pdf-2021-cut-label.pdf").blocks().get(0);
    assertEquals("石门县农业农村局农产品质量监督站2022年政府信息公开工作年度报告", compact(((Heading) first).text()));
  }

  /** Regression: values that all carry a unit or a dash were taken for labels, and equal ones joined. */
  @Test
  void equalDashRowsEitherSideOfABreakStayTwoRows() throws Exception {
    SourceDocument doc = read("pdf-2021-units-split.pdf");
    assertEquals(List.of("—", "—", "—", "—", "—", "—", "—"), valuesAfter(doc, "8.属于行政查询事项"));
    assertEquals(List.of("—", "—", "—", "—", "—", "—", "—"), valuesAfter(doc, "7.属于行政执法案卷"));
  }

  @Test
  void valuesWithUnitsAndDashesAreValues() {
    for (String value : List.of("０件", "3项", "12.5万元", "—", "/", "无", "－", "--", "－3")) {
      assertTrue(Texts.isValue(value), value);
    }
    for (String label : List.of("件", "1.属于国家秘密", "无法提供", "（四）无", "计量单位")) {
      assertFalse(Texts.isValue(label), label);
    }
  }
}
