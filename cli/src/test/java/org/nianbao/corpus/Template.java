package org.nianbao.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The corpus's own description of the printed tables of both eras, written from TEMPLATES.md and
 * canonical-keys.csv and deliberately independent of the pipeline's mapping files, so that expected
 * outputs never come from the code under test.
 */
public final class Template {
  /** One data row of section 二: its id, printed label and keys in column order. */
  public record T2Row(String id, String label, List<String> keys) {
    public T2Row {
      keys = List.copyOf(keys);
    }
  }

  /**
   * One caption block of section 二. {@code headerSpans} gives the grid columns each header (and the value
   * under it) spans on the 3-value-column grid.
   */
  public record T2Block(String caption, List<String> headers, List<Integer> headerSpans, List<T2Row> rows) {
    public T2Block {
      headers = List.copyOf(headers);
      headerSpans = List.copyOf(headerSpans);
      rows = List.copyOf(rows);
    }
  }

  /**
   * One data row of section 三. {@code group} is the （三）…（六） label printed once over its items, or
   * null; {@code label} is the row's own label.
   */
  public record T3Row(String id, String group, String label, Kind kind) {
    /** Where the row sits: the outer rows 一 二 四, a result row under 三、, or an item of a group. */
    public enum Kind { OUTER, RESULT, ITEM }

    public List<String> keys() {
      List<String> keys = new ArrayList<>();
      for (String col : T3_COLUMNS) {
        keys.add("t3." + id + "." + col);
      }
      return keys;
    }

    /** Rows whose values add up to （七）总计. */
    public boolean isItem() {
      return !id.equals("result_total") && kind != Kind.OUTER;
    }
  }

  /**
   * One row of an indicator table (s14 or lg): its printed label, unit and key without prefix, or a null
   * key for a section or group row that prints no number.
   */
  public record IndicatorRow(String label, String unit, String key) {
    public boolean hasValue() {
      return key != null;
    }
  }

  public static final List<String> T3_COLUMNS = List.of(
      "natural_person", "commercial_enterprise", "research_institution", "public_interest_org",
      "legal_service_org", "other_org", "total");
  public static final List<String> T3_COLUMN_LABELS =
      List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
  public static final String T3_HEADER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
  public static final String RESULTS_LABEL = "三、本年度办理结果";

  public static final List<String> T4_GROUPS = List.of("review", "suit_direct", "suit_after_review");
  /** Section 四 prints the outcomes in this order; the identity's keys list total first. */
  public static final List<String> T4_OUTCOMES = List.of("upheld", "corrected", "other", "pending", "total");
  public static final List<String> T4_OUTCOME_LABELS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

  public static final String H1 = "一、总体情况";
  public static final String H2 = "二、主动公开政府信息情况";
  public static final String H3 = "三、收到和处理政府信息公开申请情况";
  public static final String H4 = "四、政府信息公开行政复议、行政诉讼情况";
  public static final String H5 = "五、存在的主要问题及改进情况";
  public static final String H6 = "六、其他需要报告的事项";

  private Template() {}

  public static List<T2Block> section2(Era era) {
    return era == Era.Y2021 ? SECTION2_2021 : SECTION2_2019;
  }

  public static List<T3Row> section3(Era era) {
    List<T3Row> rows = new ArrayList<>();
    rows.add(new T3Row("new_received", null, "一、本年新收政府信息公开申请数量", T3Row.Kind.OUTER));
    rows.add(new T3Row("carried_over", null, "二、上年结转政府信息公开申请数量", T3Row.Kind.OUTER));
    rows.add(new T3Row("granted", null, "（一）予以公开", T3Row.Kind.RESULT));
    rows.add(new T3Row("partial", null, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", T3Row.Kind.RESULT));
    String withheld = "（三）不予公开";
    rows.add(item("withheld.state_secret", withheld, "1.属于国家秘密"));
    rows.add(item("withheld.law_prohibited", withheld, "2.其他法律行政法规禁止公开"));
    rows.add(item("withheld.security_stability", withheld, "3.危及“三安全一稳定”"));
    rows.add(item("withheld.third_party", withheld, "4.保护第三方合法权益"));
    rows.add(item("withheld.internal_affairs", withheld, "5.属于三类内部事务信息"));
    rows.add(item("withheld.process_info", withheld, "6.属于四类过程性信息"));
    rows.add(item("withheld.enforcement_file", withheld, "7.属于行政执法案卷"));
    rows.add(item("withheld.admin_query", withheld, "8.属于行政查询事项"));
    String unable = "（四）无法提供";
    rows.add(item("unable.not_held", unable, "1.本机关不掌握相关政府信息"));
    rows.add(item("unable.needs_creation", unable, "2.没有现成信息需要另行制作"));
    rows.add(item("unable.still_unclear", unable, "3.补正后申请内容仍不明确"));
    String notProcessed = "（五）不予处理";
    rows.add(item("not_processed.petition", notProcessed, "1.信访举报投诉类申请"));
    rows.add(item("not_processed.duplicate", notProcessed, "2.重复申请"));
    rows.add(item("not_processed.publication", notProcessed, "3.要求提供公开出版物"));
    rows.add(item("not_processed.mass_repeat", notProcessed, "4.无正当理由大量反复申请"));
    rows.add(item("not_processed.confirm_reissue", notProcessed, "5.要求行政机关确认或重新出具已获取信息"));
    rows.addAll(otherRows(era));
    rows.add(new T3Row("result_total", null, "（七）总计", T3Row.Kind.RESULT));
    rows.add(new T3Row("carry_forward", null, "四、结转下年度继续办理", T3Row.Kind.OUTER));
    return List.copyOf(rows);
  }

  /** The （六）其他处理 rows of an era: three items in 2021, one printed row in 2019. */
  public static List<T3Row> otherRows(Era era) {
    String other = "（六）其他处理";
    if (era == Era.Y2019) {
      return List.of(new T3Row("other.sum", null, other, T3Row.Kind.RESULT));
    }
    return List.of(
        item("other.no_correction", other, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        item("other.fee_unpaid", other, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        item("other.other", other, "3.其他"));
  }

  /** All section 四 keys in printed order. */
  public static List<String> section4Keys() {
    List<String> keys = new ArrayList<>();
    for (String g : T4_GROUPS) {
      for (String o : T4_OUTCOMES) {
        keys.add("t4." + g + "." + o);
      }
    }
    return keys;
  }

  private static T3Row item(String id, String group, String label) {
    return new T3Row(id, group, label, T3Row.Kind.ITEM);
  }

  private static final String C1 = "第二十条第（一）项";
  private static final String C5 = "第二十条第（五）项";
  private static final String C6 = "第二十条第（六）项";
  private static final String C8 = "第二十条第（八）项";
  private static final String C9 = "第二十条第（九）项";

  private static final List<T2Block> SECTION2_2021 = List.of(
      new T2Block(C1, List.of("本年制发件数", "本年废止件数", "现行有效件数"), List.of(1, 1, 1), List.of(
          new T2Row("regulation", "规章", keys("t2.regulation", "issued", "repealed", "in_force")),
          new T2Row("normative_doc", "行政规范性文件", keys("t2.normative_doc", "issued", "repealed", "in_force")))),
      new T2Block(C5, List.of("本年处理决定数量"), List.of(3), List.of(
          new T2Row("license", "行政许可", List.of("t2.license.decisions")))),
      new T2Block(C6, List.of("本年处理决定数量"), List.of(3), List.of(
          new T2Row("penalty", "行政处罚", List.of("t2.penalty.decisions")),
          new T2Row("coercion", "行政强制", List.of("t2.coercion.decisions")))),
      new T2Block(C8, List.of("本年收费金额（单位：万元）"), List.of(3), List.of(
          new T2Row("fee", "行政事业性收费", List.of("t2.fee.amount_wan")))));

  private static final List<String> DELTA_COLUMNS = List.of("prev_items", "items_delta", "decisions");

  private static final List<T2Block> SECTION2_2019 = List.of(
      new T2Block(C1, List.of("本年新制作数量", "本年新公开数量", "对外公开总数量"), List.of(1, 1, 1), List.of(
          new T2Row("regulation", "规章", keys("t2.regulation", "new_made", "new_published", "published_total")),
          new T2Row("normative_doc", "规范性文件",
              keys("t2.normative_doc", "new_made", "new_published", "published_total")))),
      new T2Block(C5, List.of("上一年项目数量", "本年增/减", "处理决定数量"), List.of(1, 1, 1), List.of(
          new T2Row("license", "行政许可", keys("t2.license", DELTA_COLUMNS)),
          new T2Row("other_service", "其他对外管理服务事项", keys("t2.other_service", DELTA_COLUMNS)))),
      new T2Block(C6, List.of("上一年项目数量", "本年增/减", "处理决定数量"), List.of(1, 1, 1), List.of(
          new T2Row("penalty", "行政处罚", keys("t2.penalty", DELTA_COLUMNS)),
          new T2Row("coercion", "行政强制", keys("t2.coercion", DELTA_COLUMNS)))),
      new T2Block(C8, List.of("上一年项目数量", "本年增/减"), List.of(1, 2), List.of(
          new T2Row("fee", "行政事业性收费", keys("t2.fee", "prev_items", "items_delta")))),
      new T2Block(C9, List.of("采购项目数量", "采购总金额"), List.of(1, 2), List.of(
          new T2Row("procurement", "政府集中采购", keys("t2.procurement", "projects", "amount")))));

  /** The header of an indicator table; the lg value column is named after the data year. */
  public static List<String> indicatorHeader(Era era, int year) {
    return era == Era.S14 ? List.of("统计指标", "单位", "统计数") : List.of("指标名称", "计量单位", year + "年度", "历年累计");
  }

  /** The table's rows in printed order (TEMPLATES.md §4.2 for s14, the Fujian 2014–2018 rows of §4.3 for lg). */
  public static List<IndicatorRow> indicatorRows(Era era) {
    return switch (era) {
      case S14 -> S14_ROWS;
      case LG -> LG_ROWS;
      default -> throw new IllegalArgumentException(era + " has no indicator table");
    };
  }

  private static IndicatorRow heading(String label) {
    return new IndicatorRow(label, "", null);
  }

  private static IndicatorRow row(String label, String unit, String key) {
    return new IndicatorRow(label, unit, key);
  }

  private static final List<IndicatorRow> S14_ROWS = List.of(
      heading("一、主动公开情况"),
      row("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "proactive.total"),
      row("其中：主动公开规范性文件数", "条", "proactive.normative_docs"),
      row("制发规范性文件总数", "件", "proactive.normative_docs_issued"),
      heading("（二）通过不同渠道和方式公开政府信息的情况"),
      row("1．政府公报公开政府信息数", "条", "channel.gazette"),
      row("2．政府网站公开政府信息数", "条", "channel.website"),
      row("3．政务微博公开政府信息数", "条", "channel.weibo"),
      row("4．政务微信公开政府信息数", "条", "channel.weixin"),
      row("5．其他方式公开政府信息数", "条", "channel.other"),
      heading("二、回应解读情况"),
      row("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", "response.hotspots"),
      heading("（二）通过不同渠道和方式回应解读的情况"),
      row("1．参加或举办新闻发布会总次数", "次", "response.press_conf"),
      row("其中：主要负责同志参加新闻发布会次数", "次", "response.press_conf_principal"),
      row("2．政府网站在线访谈次数", "次", "response.online_interviews"),
      row("其中：主要负责同志参加政府网站在线访谈次数", "次", "response.online_interviews_principal"),
      row("3．政策解读稿件发布数", "篇", "response.interpretations"),
      row("4．微博微信回应事件数", "次", "response.weibo_weixin"),
      row("5．其他方式回应事件数", "次", "response.other"),
      heading("三、依申请公开情况"),
      row("（一）收到申请数", "件", "req.received"),
      row("1．当面申请数", "件", "req.received.in_person"),
      row("2．传真申请数", "件", "req.received.fax"),
      row("3．网络申请数", "件", "req.received.online"),
      row("4．信函申请数", "件", "req.received.letter"),
      row("（二）申请办结数", "件", "req.closed"),
      row("1．按时办结数", "件", "req.closed.on_time"),
      row("2．延期办结数", "件", "req.closed.extended"),
      row("（三）申请答复数", "件", "req.answered"),
      row("1．属于已主动公开范围数", "件", "ans.already_public"),
      row("2．同意公开答复数", "件", "ans.agree"),
      row("3．同意部分公开答复数", "件", "ans.partial"),
      row("4．不同意公开答复数", "件", "ans.refuse"),
      row("其中：涉及国家秘密", "件", "ans.refuse.state_secret"),
      row("涉及商业秘密", "件", "ans.refuse.commercial_secret"),
      row("涉及个人隐私", "件", "ans.refuse.privacy"),
      row("危及国家安全、公共安全、经济安全和社会稳定", "件", "ans.refuse.security_stability"),
      row("不是《条例》所指政府信息", "件", "ans.refuse.not_gov_info"),
      row("法律法规规定的其他情形", "件", "ans.refuse.other_legal"),
      row("5．不属于本行政机关公开数", "件", "ans.not_this_agency"),
      row("6．申请信息不存在数", "件", "ans.not_exist"),
      row("7．告知作出更改补充数", "件", "ans.told_to_amend"),
      row("8．告知通过其他途径办理数", "件", "ans.other_channel"),
      row("四、行政复议数量", "件", "review.total"),
      row("（一）维持具体行政行为数", "件", "review.upheld"),
      row("（二）被依法纠错数", "件", "review.corrected"),
      row("（三）其他情形数", "件", "review.other"),
      row("五、行政诉讼数量", "件", "suit.total"),
      row("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "suit.upheld"),
      row("（二）被依法纠错数", "件", "suit.corrected"),
      row("（三）其他情形数", "件", "suit.other"),
      row("六、被举报投诉数量", "件", "complaint.total"),
      row("（一）维持具体行政行为数", "件", "complaint.upheld"),
      row("（二）被纠错数", "件", "complaint.corrected"),
      row("（三）其他情形数", "件", "complaint.other"),
      row("七、依申请公开信息收取的费用", "万元", "fees_wan"),
      heading("八、机构建设和保障经费情况"),
      row("（一）政府信息公开工作专门机构数", "个", "org.units"),
      row("（二）设置政府信息公开查阅点数", "个", "org.reading_points"),
      row("（三）从事政府信息公开工作人员数", "人", "org.staff"),
      row("1．专职人员数（不包括政府公报及政府网站工作人员数）", "人", "org.staff.full_time"),
      row("2．兼职人员数", "人", "org.staff.part_time"),
      row("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "org.budget_wan"),
      heading("九、政府信息公开会议和培训情况"),
      row("（一）召开政府信息公开工作会议或专题会议数", "次", "train.meetings"),
      row("（二）举办各类培训班数", "次", "train.classes"),
      row("（三）接受培训人员数", "人次", "train.trainees"));

  /** As Pingtan (S8) printed it in 2015 and 2016. */
  private static final List<IndicatorRow> LG_ROWS = List.of(
      row("主动公开文件数", "条", "proactive.total"),
      row("其中：1、政府网站公开数", "条", "proactive.website"),
      row("2、政府公报公开数", "条", "proactive.gazette"),
      row("受理依申请公开信息总数", "条", "req.total"),
      row("其中：1、当面申请数", "条", "req.in_person"),
      row("2、网上申请数", "条", "req.online"),
      row("3、信函、传真申请数", "条", "req.letter_fax"),
      row("对申请的答复总数", "条", "ans.total"),
      row("其中：1、同意公开答复数", "条", "ans.agree"),
      row("2、同意部分公开答复数", "条", "ans.partial"),
      row("3、不予公开答复数", "条", "ans.refuse"),
      row("4、其他类型答复数", "条", "ans.other"),
      row("政府信息公开收费减免金额", "元", "fee_waiver_yuan"),
      row("接受行政诉讼、举报数", "件", "suit_or_report"),
      row("行政复议数", "件", "review"),
      row("行政诉讼数", "件", "suit"));

  private static List<String> keys(String prefix, String... cols) {
    return keys(prefix, List.of(cols));
  }

  private static List<String> keys(String prefix, List<String> cols) {
    return cols.stream().map(c -> prefix + "." + c).toList();
  }
}
