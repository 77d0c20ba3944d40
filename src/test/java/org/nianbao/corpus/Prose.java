package org.nianbao.corpus;

import java.util.List;

/**
 * The prose around the tables. The publication date lies in the following year, so a reader that takes
 * the newest year it sees instead of the title's data year gets it wrong.
 */
final class Prose {
  private Prose() {}

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
