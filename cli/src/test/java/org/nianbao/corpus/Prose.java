package org.nianbao.corpus;

import java.util.List;

/**
 * The prose around the tables. The publication date lies in the following year, so a reader that takes
 * the newest year it sees instead of the title's data year gets it wrong.
 */
final class Prose {
  /** A heading of a 2008–2018 report and its paragraphs. */
  record Section(String heading, List<String> paragraphs) {}

  private Prose() {}

  /**
   * The six parts the 2008 regulations asked for, in words only: these reports put every number in the
   * appended table, so the prose carries no count a reader could take for a cell.
   */
  static List<Section> indicatorSections(String agency, int year) {
    return List.of(
        new Section("一、概述", List.of("本报告根据《中华人民共和国政府信息公开条例》要求，由" + agency + "编制。全文包括概述，"
            + "主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请提起行政复议、"
            + "行政诉讼的情况，存在的主要问题及改进措施。本报告中所列数据的统计期限自" + year + "年1月1日起至" + year
            + "年12月31日止。")),
        new Section("二、主动公开政府信息情况", List.of("按照“公开为原则、不公开为例外”的要求，通过政府网站、政府公报、"
            + "政务微博和微信等渠道及时公开政府信息，主动回应社会关切，做好政策解读。")),
        new Section("三、依申请公开政府信息情况", List.of("畅通当面、网络、信函、传真等申请渠道，依法规范办理，"
            + "均在规定期限内答复申请人。")),
        new Section("四、政府信息公开的收费及减免情况", List.of("本年度未收取检索、复制、邮寄等费用。")),
        new Section("五、因政府信息公开申请提起行政复议、行政诉讼的情况", List.of("具体情况见附件统计表。")),
        new Section("六、存在的主要问题及改进措施", List.of("主要问题是信息公开的及时性和规范性仍需加强。下一步将"
            + "健全工作机制，加强业务培训，不断提高政府信息公开工作水平。")));
  }

  static List<String> summary(String agency, int year, Era era) {
    String basis = era == Era.Y2021 ? "国办公开办函〔2021〕30号" : "国办公开办函〔2019〕60号";
    return List.of(
        "本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国"
            + "政府信息公开工作年度报告格式〉的通知》（" + basis + "）要求编制。本报告中所列数据的统计期限自" + year
            + "年1月1日起至" + year + "年12月31日止。本报告电子版可在" + agency + "门户网站下载。",
        "（一）主动公开。" + year + "年，" + agency + "坚持以公开为常态、不公开为例外，及时发布政策文件、财政预决算、"
            + "重大建设项目等信息，主动回应社会关切。",
        "（二）依申请公开。畅通网上、信函、当面等申请渠道，规范受理、审查、答复流程，依法按时答复申请人。",
        "（三）政府信息管理。严格执行公开前保密审查，动态更新政府信息公开目录。",
        "（四）平台建设。以政府门户网站为第一平台，整合政务新媒体发布渠道。",
        "（五）监督保障。将政务公开纳入年度考核，开展社会评议，未发生责任追究情况。");
  }

  static List<String> problems(int year) {
    return List.of("主要问题是部分栏目更新不够及时、政策解读形式较为单一。" + (year + 1)
        + "年将加强培训、完善考核，推动政务公开提质增效。");
  }

  static List<String> others(String agency, int year, Era era) {
    String fee = era == Era.Y2021 ? "本年度未收取信息处理费。" : "无。";
    return List.of(fee, agency, (year + 1) + "年1月" + (10 + year % 17) + "日");
  }
}
