package org.nianbao.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nianbao.source.Block;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;

/** The title, issuing body and year of a report, from its first lines and, for scans, its own text. */
class MetadataFinderTest {
  private static SourceDocument doc(boolean scanned, String... lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      blocks.add(new Paragraph(lines[i], new SourceRef("x.pdf", 1, "p" + i)));
    }
    return new SourceDocument("x.pdf", "pdf", blocks, Map.of(), Map.of(), scanned ? Set.of(1) : Set.of());
  }

  @Test
  void aTitleWhoseLastCharacterWrapsOntoALineOfItsOwnIsOneTitle() {
    // pdf-2021-cut-label: the title fills its line and 告 stands alone under it
    ReportMetadata m = new MetadataFinder().find(doc(false, "石门县农业农村局农产品质量监督站2022年政府信息公开工作年度报", "告",
        "一、总体情况"));
    assertEquals("石门县农业农村局农产品质量监督站2022年政府信息公开工作年度报告", m.title());
    assertEquals("石门县农业农村局农产品质量监督站", m.agency());
    assertEquals(2022, m.year());
  }

  @Test
  void aMarkBetweenTheBodyAndTheYearIsNoPartOfEither() {
    ReportMetadata m = new MetadataFinder().find(doc(true, "洪泽区人民政府，2023年政府信息公开工作年度报告",
        "本报告由淮安市洪泽区人民政府办公室编制。"));
    assertEquals("洪泽区人民政府2023年政府信息公开工作年度报告", m.title());
    assertEquals("淮安市洪泽区人民政府", m.agency());
  }

  @Test
  void aScannedTitlesMisreadBodyIsTakenAsItsTextNamesIt() {
    ReportMetadata m = new MetadataFinder().find(doc(true, "石门县农业农村局农产品质量监<己督站2022年政府信息公开工作年度报告",
        "一、总体情况", "2022年，石门县农业农村局农产品质量监督站坚持以公开为常态。"));
    assertEquals("石门县农业农村局农产品质量监督站", m.agency());
    assertEquals("石门县农业农村局农产品质量监督站2022年政府信息公开工作年度报告", m.title());
  }

  @Test
  void aScannedBodyNameWithMarksNoTextConfirmsIsLeftBlank() {
    ReportMetadata m = new MetadataFinder().find(doc(true, "广安三市尼A人<民政2024年政府信息公开工作年度报告", "一、总体情况",
        "2024年，我市坚持以公开为常态。"));
    assertEquals("", m.agency());
  }

  @Test
  void aTextLayersBodyNameIsNeverReplaced() {
    ReportMetadata m = new MetadataFinder().find(doc(false, "某某县人民政府2022年政府信息公开工作年度报告", "一、总体情况",
        "本报告由某某市人民政府办公室编制。"));
    assertEquals("某某县人民政府", m.agency());
  }

  @Test
  void aScannedTitlesYearThatThePeriodContradictsIsLeftBlank() {
    ReportMetadata m = new MetadataFinder().find(doc(true, "某某县人民政府2028年政府信息公开工作年度报告",
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"));
    assertNull(m.year());
    ReportMetadata agree = new MetadataFinder().find(doc(true, "某某县人民政府2023年政府信息公开工作年度报告",
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"));
    assertEquals(2023, agree.year());
  }
}
