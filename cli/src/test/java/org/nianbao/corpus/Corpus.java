package org.nianbao.corpus;

import static org.nianbao.corpus.CellText.blank;
import static org.nianbao.corpus.CellText.dash;
import static org.nianbao.corpus.CellText.doubleZero;
import static org.nianbao.corpus.CellText.fullwidth;
import static org.nianbao.corpus.CellText.fullwidthWithUnit;
import static org.nianbao.corpus.CellText.padded;
import static org.nianbao.corpus.CellText.plain;
import static org.nianbao.corpus.CellText.signed;
import static org.nianbao.corpus.CellText.thousands;
import static org.nianbao.corpus.CellText.unparseable;
import static org.nianbao.corpus.CellText.withUnit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.nianbao.corpus.TruthNumbers.Scale;

/**
 * The generated documents. Each spec names its quirks and faults; together they make every flag, every
 * anomaly rule and every label variant of the contract occur at least once (see corpus/README.md).
 */
final class Corpus {
  private static final String NBSP = "\u00a0";
  private static final String IDEO = "\u3000";
  private static final String C1 = "第二十条第（一）项";

  private Corpus() {}

  static List<ReportSpec> specs() {
    return List.of(
        htmlPlainClean(), htmlWordGbk(), html2019NoMeta(), htmlWordFaults(), docxQuirks(), docx2019Partial(),
        doc2021(), doc2019(), txtSeedLike(), txtGbkMixed(), txt2019Bom(), pdf2021Split(), pdf2019SplitHeader(),
        pdf2021Borderless4(), htmlS14Fault(), docxS14Blank(), pdfS14(), htmlLgFujian(), docxLgFujian(),
        pdf2021CutLabel(), pdf2019CaptionFoot(), pdf2021UnitsSplit(), html2019WpsHeader(), docx2019Transposed4(),
        txt2019Transposed4(), htmlLg2013Breadcrumb());
  }

  /** A well-formed county report: the baseline every reader must get exactly right. */
  static ReportSpec htmlPlainClean() {
    return new SpecBuilder("html-2021-plain-clean", Era.Y2021, Rendering.html(StandardCharsets.UTF_8, true, false), 101)
        .agency("云溪县人民政府", 2022, Scale.COUNTY)
        .build();
  }

  /** Word pasted into a GBK CMS page: split labels, spaces inside labels, &nbsp; cells. */
  static ReportSpec htmlWordGbk() {
    return new SpecBuilder("html-2021-word-gbk", Era.Y2021, Rendering.html(Rendering.GBK, true, true), 202)
        .agency("临江市自然资源和规划局", 2023, Scale.COUNTY)
        .label("商业企业", "商业 企业", "space inside a label")
        .label(Template.RESULTS_LABEL, "三、本年度办 理结果", "space inside a label")
        .label("3.危及“三安全一稳定”", "3.危及三安全一稳定", "quotes dropped")
        .label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）", "line break inside a label: two <p>s")
        .label("本年收费金额（单位：万元）", "本年收费金额\n（单位：万元）", "line break inside a header")
        .zeroRow("withheld.state_secret")
        .print("t3.withheld.state_secret.total", n -> blank(""))
        .print("t3.withheld.state_secret.natural_person", n -> blank(NBSP))
        .print("t2.license.decisions", n -> padded(NBSP, n.longValueExact(), ""))
        .print("t3.granted.natural_person", n -> padded(IDEO, n.longValueExact(), ""))
        .print("t2.fee.amount_wan", n -> CellText.decimal(n.setScale(2).toPlainString()))
        .build();
  }

  /** A 2019-format city report without a meta charset, with signed deltas, money and a balance fault. */
  static ReportSpec html2019NoMeta() {
    return new SpecBuilder("html-2019-nometa", Era.Y2019, Rendering.html(StandardCharsets.UTF_8, false, false), 303)
        .agency("南屏市生态环境局", 2020, Scale.CITY)
        .yearFirstTitle()
        .label("（一）予以公开", "(一)予以公开", "half-width brackets")
        .label("3.危及“三安全一稳定”", "3.危及\"三安全一稳定\"", "ASCII quotes")
        .label("1.本机关不掌握相关政府信息", "（1）本机关不掌握相关政府信息", "（1） numbering")
        .label("2.没有现成信息需要另行制作", "（2）没有现成信息需要另行制作", "（1） numbering")
        .label("3.补正后申请内容仍不明确", "（3）补正后申请内容仍不明确", "（1） numbering")
        .pin("t2.license.items_delta", 14)
        .print("t2.license.items_delta", n -> signed(n.longValueExact()))
        .pin("t2.fee.prev_items", 35)
        .pin("t2.fee.items_delta", -15)
        .print("t2.license.prev_items", n -> unparseable("+" + n))
        .print("t2.procurement.amount", n -> CellText.decimal(n.setScale(2).toPlainString()))
        .pin("t3.granted.natural_person", 1006)
        .print("t3.result_total.natural_person", n -> thousands(n.longValueExact(), ","))
        .fault("t3.carry_forward.natural_person", n -> plain(n.add(BigDecimal.ONE)),
            "四、结转下年度 自然人 and 总计 both printed 1 too high: t3_balance fails for natural_person and total")
        .fault("t3.carry_forward.total", n -> plain(n.add(BigDecimal.ONE)), "(second half of the fault above)")
        .build();
  }

  /** A Word-pasted town report with a misprinted label and sum faults in sections 三 and 四. */
  static ReportSpec htmlWordFaults() {
    return new SpecBuilder("html-2021-word-faults", Era.Y2021, Rendering.html(StandardCharsets.UTF_8, true, true), 404)
        .agency("青石镇人民政府", 2021, Scale.TOWN)
        .fuzzy("withheld.law_prohibited", "2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
        .fault("t3.partial.research_institution", n -> plain(n.add(BigDecimal.valueOf(2))),
            "（二）部分公开 科研机构 and 总计 printed 2 too high: t3_result_total fails for research_institution and total")
        .fault("t3.partial.total", n -> plain(n.add(BigDecimal.valueOf(2))), "(second half of the fault above)")
        .fault("t4.suit_direct.total", n -> plain(n.add(BigDecimal.ONE)),
            "未经复议直接起诉 总计 printed 1 too high: t4_group_total fails for suit_direct")
        .build();
  }

  /** Every cell-text fix of the contract in one DOCX: full-width digits, dashes, units, 00, U+3000. */
  static ReportSpec docxQuirks() {
    return new SpecBuilder("docx-2021-quirks", Era.Y2021, Rendering.docx(), 505)
        .agency("东湖区市场监督管理局", 2022, Scale.COUNTY)
        .label("一、本年新收政府信息公开申请数量", "一、本年新收政府信息\n公开申请数量", "line break inside a label: two paragraphs")
        .label("1.属于国家秘密", "1．属于国家秘密", "1． numbering")
        .label("2.其他法律行政法规禁止公开", "2．其他法律行政法规禁止公开", "1． numbering")
        .print("t2.regulation.in_force", n -> fullwidth(n.longValueExact()))
        .print("t3.granted.natural_person", n -> fullwidth(n.longValueExact()))
        .print("t2.penalty.decisions", n -> fullwidthWithUnit(n.longValueExact(), "件"))
        .pin("t2.regulation.issued", 0).print("t2.regulation.issued", n -> dash("-"))
        .pin("t2.regulation.repealed", 0).print("t2.regulation.repealed", n -> dash("—"))
        .pin("t2.normative_doc.repealed", 0).print("t2.normative_doc.repealed", n -> dash("–"))
        .pin("t2.coercion.decisions", 0).print("t2.coercion.decisions", n -> dash("－"))
        .pin("t4.review.other", 0).print("t4.review.other", n -> dash("/"))
        .pin("t4.suit_after_review.pending", 0).print("t4.suit_after_review.pending", n -> dash("无"))
        .zeroRow("withheld.state_secret")
        .print("t3.withheld.state_secret.natural_person", n -> dash("／"))
        .print("t2.normative_doc.issued", n -> withUnit(n.toPlainString(), "件"))
        .print("t2.license.decisions", n -> withUnit(n.toPlainString(), "项"))
        .zeroRow("not_processed.publication")
        .print("t3.not_processed.publication.total", n -> doubleZero("00"))
        .pin("t4.suit_direct.corrected", 0).print("t4.suit_direct.corrected", n -> doubleZero("000"))
        .print("t3.new_received.natural_person", n -> padded(IDEO + IDEO, n.longValueExact(), ""))
        .build();
  }

  /** A 2019-format DOCX missing a section and two rows, with an unknown extra row. */
  static ReportSpec docx2019Partial() {
    return new SpecBuilder("docx-2019-partial", Era.Y2019, Rendering.docx(), 606)
        .agency("西岭县交通运输局", 2019, Scale.COUNTY)
        .dropSection("四")
        .dropRow("coercion")
        .zeroRow("not_processed.mass_repeat")
        .dropRow("not_processed.mass_repeat")
        .extraRow(C1, "其他主动公开文件", List.of("12", "12", "86"))
        .print("t2.procurement.amount", n -> withUnit(n.toPlainString(), "元"))
        .pin("t2.penalty.items_delta", -3)
        .build();
  }

  /** Converted to .doc by LibreOffice; 1、 numbering and ， in the long （六） labels. */
  static ReportSpec doc2021() {
    return new SpecBuilder("doc-2021-converted", Era.Y2021, Rendering.doc(), 707)
        .agency("北山街道办事处", 2024, Scale.TOWN)
        .label("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1、 numbering")
        .label("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请", "， instead of 、")
        .zeroRow("withheld.admin_query")
        .print("t3.withheld.admin_query.total", n -> blank(""))
        .pin("t4.review.pending", 0).print("t4.review.pending", n -> dash("—"))
        .build();
  }

  /** A clean 2019-format report converted to .doc by LibreOffice (negative deltas still print signed). */
  static ReportSpec doc2019() {
    return new SpecBuilder("doc-2019-converted", Era.Y2019, Rendering.doc(), 808)
        .agency("白沙县教育局", 2020, Scale.COUNTY)
        .build();
  }

  /** The seed's flattened text: no-break spaces around numbers, blank totals, 00, and a blank that hides a count. */
  static ReportSpec txtSeedLike() {
    SpecBuilder b = new SpecBuilder("txt-2021-seedlike", Era.Y2021, Rendering.txt(StandardCharsets.UTF_8, false, "\n"), 909)
        .agency("柳河乡人民政府", 2021, Scale.TOWN)
        .titleOnTwoLines()
        .label("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请", "， instead of 、 (as in the seed)");
    for (String col : Template.T3_COLUMNS) {
      b.print("t3.new_received." + col, n -> padded(NBSP, n.longValueExact(), ""));
    }
    return b.print("t3.carried_over.other_org", n -> padded("", n.longValueExact(), NBSP))
        .zeroRow("withheld.state_secret")
        .print("t3.withheld.state_secret.total", n -> blank(NBSP))
        .pin("t3.carry_forward.legal_service_org", 0)
        .print("t3.carry_forward.legal_service_org", n -> doubleZero("00"))
        .print("t2.license.decisions", n -> CellText.asciiPadded(n.longValueExact()))
        .print("t2.regulation.issued", n -> padded(IDEO + IDEO, n.longValueExact(), ""))
        .pin("t3.granted.natural_person", 3)
        .fault("t3.granted.total", n -> blank(""),
            "（一）予以公开 总计 left blank although the row holds 3+ applications: read as 0, so t3_row_total fails for "
                + "granted and t3_result_total fails for the total column")
        .build();
  }

  /** GBK text with CRLF, a 2019-style （六） row inside a 2021 report, and unreadable section 二 cells. */
  static ReportSpec txtGbkMixed() {
    return new SpecBuilder("txt-2021-gbk-mixed", Era.Y2021, Rendering.txt(Rendering.GBK, false, "\r\n"), 1010)
        .agency("枫林市人民政府办公室", 2023, Scale.COUNTY)
        .otherAsOneRow()
        .print("t2.regulation.issued", n -> unparseable("约" + (n.longValueExact() + 1)))
        .print("t2.normative_doc.issued", n -> unparseable("1 2"))
        .print("t2.normative_doc.in_force", n -> unparseable(n + ".5"))
        .print("t4.review.upheld", n -> padded(IDEO, n.longValueExact(), IDEO))
        .build();
  }

  /** A 2019-format city report in UTF-8 with BOM: signed deltas, full-width comma grouping, ／ and units. */
  static ReportSpec txt2019Bom() {
    return new SpecBuilder("txt-2019-bom", Era.Y2019, Rendering.txt(StandardCharsets.UTF_8, true, "\n"), 1111)
        .agency("海川市人民政府", 2019, Scale.CITY)
        .pin("t2.license.items_delta", 1036)
        .print("t2.license.items_delta", n -> signed(n.longValueExact()))
        .pin("t2.coercion.items_delta", -2)
        .pin("t2.fee.items_delta", 0).print("t2.fee.items_delta", n -> dash("／"))
        .print("t2.other_service.decisions", n -> withUnit(n.toPlainString(), "项"))
        .pin("t3.granted.natural_person", 1203)
        .print("t3.granted.natural_person", n -> thousands(n.longValueExact(), "，"))
        .print("t3.granted.total", n -> thousands(n.longValueExact(), ","))
        .build();
  }

  /**
   * A ruled 2021 PDF whose section 三 breaks after （四）1: the next page starts under its page number
   * {@code -3-} without the header, and the group label cut by the break reads （四）无 / 法提供.
   */
  static ReportSpec pdf2021Split() {
    PdfLayout layout = new PdfLayout(Set.of(Template.H2, Template.H3), "unable.not_held", false, false);
    return new SpecBuilder("pdf-2021-split", Era.Y2021, Rendering.pdf(layout), 1212)
        .agency("石门县农业农村局", 2022, Scale.COUNTY)
        .build();
  }

  /** A ruled 2019 PDF whose section 三 continues on the next page under a repeated header. */
  static ReportSpec pdf2019SplitHeader() {
    PdfLayout layout = new PdfLayout(Set.of(Template.H3), "withheld.admin_query", true, false);
    return new SpecBuilder("pdf-2019-split-header", Era.Y2019, Rendering.pdf(layout), 1313)
        .agency("江口市住房和城乡建设局", 2019, Scale.CITY)
        .build();
  }

  /** A 2021 PDF whose section 四 is printed without ruling lines, its columns apart by clear gaps. */
  static ReportSpec pdf2021Borderless4() {
    PdfLayout layout = new PdfLayout(Set.of(Template.H3), "", false, true);
    return new SpecBuilder("pdf-2021-borderless4", Era.Y2021, Rendering.pdf(layout), 1414)
        .agency("桃源县司法局", 2023, Scale.COUNTY)
        .build();
  }

  /** The 2014–2018 national table appended to an HTML report, 1. numbering and a channel sum fault. */
  static ReportSpec htmlS14Fault() {
    SpecBuilder b = new SpecBuilder("html-s14-2016-fault", Era.S14, Rendering.html(StandardCharsets.UTF_8, true, false),
        1515)
        .agency("梅岭县人民政府", 2016, Scale.COUNTY);
    asciiNumbering(b, Era.S14);
    return b.fault("s14.req.received", n -> plain(n.add(BigDecimal.valueOf(3))),
            "（一）收到申请数 printed 3 higher than the sum of its four channels: s14_request_channels (a warning)")
        .build();
  }

  /** The national table in DOCX with the template's 1． numbering, a blank cell and a money cell. */
  static ReportSpec docxS14Blank() {
    return new SpecBuilder("docx-s14-2015-blank", Era.S14, Rendering.docx(), 1616)
        .agency("青川县人民政府办公室", 2015, Scale.COUNTY)
        .pin("s14.response.weibo_weixin", 0)
        .print("s14.response.weibo_weixin", n -> blank(""))
        .print("s14.org.budget_wan", n -> CellText.decimal(n.setScale(2).toPlainString()))
        .build();
  }

  /** The national table as a ruled PDF appendix, long enough to flow over pages without a repeated header. */
  static ReportSpec pdfS14() {
    return new SpecBuilder("pdf-s14-2017", Era.S14, Rendering.pdf(new PdfLayout(Set.of("附件"), "", false, false)),
        1717)
        .agency("柏溪区人民政府", 2017, Scale.COUNTY)
        .build();
  }

  /** A Fujian 指标名称 | 计量单位 | 2014年度 | 历年累计 table, Word-pasted, with a cumulative sum fault. */
  static ReportSpec htmlLgFujian() {
    return new SpecBuilder("html-lg-2014-fujian", Era.LG, Rendering.html(StandardCharsets.UTF_8, true, true), 1818)
        .agency("岚海综合实验区管理委员会", 2014, Scale.COUNTY)
        .fault("lg.req.total.cumulative", n -> plain(n.add(BigDecimal.valueOf(5))),
            "受理依申请公开信息总数 历年累计 printed 5 higher than the sum of its three channels: "
                + "lg_request_channels_cumulative (a warning)")
        .build();
  }

  /** The Fujian table in DOCX, the fee waiver printed with two decimals in both columns. */
  static ReportSpec docxLgFujian() {
    return new SpecBuilder("docx-lg-2015-fujian", Era.LG, Rendering.docx(), 1919)
        .agency("东屿县人民政府", 2015, Scale.COUNTY)
        .print("lg.fee_waiver_yuan", n -> CellText.decimal(n.setScale(2).toPlainString()))
        .print("lg.fee_waiver_yuan.cumulative", n -> CellText.decimal(n.setScale(2).toPlainString()))
        .build();
  }

  /**
   * Regression (issue 9): a PDF whose page numbers stand 2.5 cm above the bottom edge, outside the 8% band a
   * fixed-band reader watched, so section 三 cut at its row （二）部分公开 was never joined: the first half of
   * that label and its values at the foot of a page, the rest of the label over empty cells overleaf. Its
   * title wraps so that its last character stands alone, no title in the document information; section 四
   * printed transposed.
   */
  static ReportSpec pdf2021CutLabel() {
    PdfLayout layout = new PdfLayout(Set.of(Template.H3), "", false, false, PdfLayout.PageNumbers.PLAIN, "", "partial",
        false, false, false);
    return new SpecBuilder("pdf-2021-cut-label", Era.Y2021, Rendering.pdf(layout), 2020)
        .agency("石门县农业农村局农产品质量监督站", 2022, Scale.COUNTY)
        .variant(Variant.T4_TRANSPOSED)
        .build();
  }

  /**
   * Regression (issue 9): page numbers 第 N 页 共 M 页 3 cm above the bottom edge and a running header below
   * the top band; section 二 starts at a page foot with only its caption row there; section 四's header
   * cut after its second row (结果维持 split in two); negative 本年增/减 with a full-width minus (the CJK font
   * has no U+2212, which the other formats carry).
   */
  static ReportSpec pdf2019CaptionFoot() {
    PdfLayout layout = new PdfLayout(Set.of(), "", false, false, PdfLayout.PageNumbers.OF_TOTAL, "江口市人民政府办公室政务公开",
        "", true, true, true);
    return new SpecBuilder("pdf-2019-caption-foot", Era.Y2019, Rendering.pdf(layout), 2121)
        .agency("江口市人民政府办公室", 2020, Scale.CITY)
        .pin("t2.coercion.items_delta", -3)
        .print("t2.coercion.items_delta", n -> CellText.fullwidthMinus(n.longValueExact()))
        .pin("t2.fee.items_delta", -2)
        .print("t2.fee.items_delta", n -> CellText.fullwidthMinus(n.longValueExact()))
        .build();
  }

  /**
   * Regression (issue 9): every section 三 value printed with its unit (`12件`, `０件`), the two zero rows
   * either side of a page break printed all `—`: taken for labels, the two rows' equal cells were joined
   * across the break and the lower row was lost. Page numbers `—N—` 2 cm above the bottom edge.
   */
  static ReportSpec pdf2021UnitsSplit() {
    PdfLayout layout = new PdfLayout(Set.of(Template.H3), "withheld.enforcement_file", false, false,
        PdfLayout.PageNumbers.EM_DASH, "", "", false, false, true);
    SpecBuilder b = new SpecBuilder("pdf-2021-units-split", Era.Y2021, Rendering.pdf(layout), 2222)
        .agency("桃源县人力资源和社会保障局", 2023, Scale.COUNTY)
        .zeroRow("withheld.enforcement_file")
        .zeroRow("withheld.admin_query");
    for (Template.T3Row row : Template.section3(Era.Y2021)) {
      for (String key : row.keys()) {
        if (row.id().equals("withheld.enforcement_file")) {
          b.print(key, n -> dash("—"));
        } else if (row.id().equals("withheld.admin_query")) {
          b.print(key, n -> dash("—"));
        } else if (key.endsWith(".natural_person")) {
          b.print(key, n -> fullwidthWithUnit(n.longValueExact(), "件"));
        } else {
          b.print(key, n -> withUnit(n.toPlainString(), "件"));
        }
      }
    }
    return b.build();
  }

  /**
   * Regression (issue 9): a WPS export whose section 三 header grid disagrees with its data rows (自然人 over
   * two grid columns, its value and an empty cell; 商业企业 over two value columns): bound by the header grid
   * every 法人 value shifted. Section 四 printed transposed; negative 本年增/减 with a full-width minus and U+2212.
   */
  static ReportSpec html2019WpsHeader() {
    return new SpecBuilder("html-2019-wps-header", Era.Y2019, Rendering.html(StandardCharsets.UTF_8, true, false), 2323)
        .agency("沙坪区市场监督管理局", 2020, Scale.COUNTY)
        .variant(Variant.T3_HEADER_MISALIGNED)
        .variant(Variant.T4_TRANSPOSED)
        .pin("t2.license.items_delta", -5)
        .print("t2.license.items_delta", n -> CellText.fullwidthMinus(n.longValueExact()))
        .pin("t2.penalty.items_delta", -2)
        .print("t2.penalty.items_delta", n -> CellText.minusSign(n.longValueExact()))
        .build();
  }

  /** Section 四 printed transposed in DOCX (merged group labels as vMerge); negative deltas with － and −. */
  static ReportSpec docx2019Transposed4() {
    return new SpecBuilder("docx-2019-transposed4", Era.Y2019, Rendering.docx(), 2424)
        .agency("南溪县卫生健康委员会", 2019, Scale.COUNTY)
        .variant(Variant.T4_TRANSPOSED)
        .pin("t2.penalty.items_delta", -4)
        .print("t2.penalty.items_delta", n -> CellText.fullwidthMinus(n.longValueExact()))
        .pin("t2.other_service.items_delta", -1)
        .print("t2.other_service.items_delta", n -> CellText.minusSign(n.longValueExact()))
        .build();
  }

  /**
   * Section 四 transposed in the seed's flattened text: a merged group label prints once, so each row takes
   * the labels it lacks from the row above. Negative deltas with − and －.
   */
  static ReportSpec txt2019Transposed4() {
    return new SpecBuilder("txt-2019-transposed4", Era.Y2019, Rendering.txt(StandardCharsets.UTF_8, false, "\n"), 2525)
        .agency("北湖区城市管理局", 2020, Scale.COUNTY)
        .variant(Variant.T4_TRANSPOSED)
        .pin("t2.license.items_delta", -7)
        .print("t2.license.items_delta", n -> CellText.minusSign(n.longValueExact()))
        .pin("t2.fee.items_delta", -1)
        .print("t2.fee.items_delta", n -> CellText.fullwidthMinus(n.longValueExact()))
        .build();
  }

  /**
   * Regression (issue 9): a CMS breadcrumb 当前位置：首页 > 政务公开 > 政府信息公开年报 above the title left the
   * agency empty; the lg row 接受行政诉讼、举报数 printed as 行政申诉、举报数.
   */
  static ReportSpec htmlLg2013Breadcrumb() {
    return new SpecBuilder("html-lg-2013-breadcrumb", Era.LG, Rendering.html(StandardCharsets.UTF_8, true, false), 2626)
        .agency("岚海县地方税务局", 2013, Scale.TOWN)
        .variant(Variant.BREADCRUMB)
        .label("接受行政诉讼、举报数", "行政申诉、举报数", "a wording met outside the corpus")
        .build();
  }

  /** Prints every {@code N．} item label of an indicator table with an ASCII full stop, {@code N.}. */
  private static void asciiNumbering(SpecBuilder b, Era era) {
    for (Template.IndicatorRow row : Template.indicatorRows(era)) {
      if (row.label().matches("\\d．.*")) {
        b.label(row.label(), row.label().replaceFirst("．", "."), "1. numbering");
      }
    }
  }
}
