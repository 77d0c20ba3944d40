package org.nianbao.read.word;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** DOCX fixtures built with XWPF itself, so the tests need no binary input for DOCX. */
final class WordFixtures {
  static final String T3_HEADER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
  static final String[] APPLICANTS = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};

  private WordFixtures() {}

  /** One cell of a fixture table: text (lines split on {@code \n}), gridSpan and vMerge as in the file. */
  record Tc(String text, int span, STMerge.Enum vMerge) {
    static Tc of(String text) {
      return new Tc(text, 1, null);
    }

    static Tc span(String text, int span) {
      return new Tc(text, span, null);
    }

    static Tc restart(String text, int span) {
      return new Tc(text, span, STMerge.RESTART);
    }

    static Tc cont(int span) {
      return new Tc("", span, STMerge.CONTINUE);
    }
  }

  /**
   * The section 三 matrix of the 2021 template (TEMPLATES.md §2.3): a 3-row merged header and 25 data rows
   * on a 10-column grid; data row d holds the numbers {@code d*100 + j} for j = 0..6.
   */
  static List<List<Tc>> section3Rows() {
    List<List<Tc>> rows = new ArrayList<>();
    rows.add(List.of(Tc.restart(T3_HEADER, 3), Tc.span("申请人情况", 7)));
    rows.add(List.of(Tc.cont(3), Tc.restart("自然人", 1), Tc.span("法人或其他组织", 5), Tc.restart("总计", 1)));
    List<Tc> third = new ArrayList<>(List.of(Tc.cont(3), Tc.cont(1)));
    for (String applicant : APPLICANTS) {
      third.add(Tc.of(applicant));
    }
    third.add(Tc.cont(1));
    rows.add(third);

    List<List<Tc>> labels = new ArrayList<>();
    labels.add(List.of(Tc.span("一、本年新收政府信息公开申请数量", 3)));
    labels.add(List.of(Tc.span("二、上年结转政府信息公开申请数量", 3)));
    labels.add(List.of(Tc.restart("三、本年度办理结果", 1), Tc.span("（一）予以公开", 2)));
    labels.add(List.of(Tc.cont(1), Tc.span("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2)));
    group(labels, "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
        "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项");
    group(labels, "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确");
    group(labels, "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息");
    group(labels, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他");
    labels.add(List.of(Tc.cont(1), Tc.span("（七）总计", 2)));
    labels.add(List.of(Tc.span("四、结转下年度继续办理", 3)));
    for (int d = 1; d <= labels.size(); d++) {
      List<Tc> row = new ArrayList<>(labels.get(d - 1));
      for (int j = 0; j < 7; j++) {
        row.add(Tc.of(Integer.toString(d * 100 + j)));
      }
      rows.add(row);
    }
    return rows;
  }

  private static void group(List<List<Tc>> labels, String group, String... items) {
    for (int i = 0; i < items.length; i++) {
      labels.add(List.of(Tc.cont(1), i == 0 ? Tc.restart(group, 1) : Tc.cont(1), Tc.of(items[i])));
    }
  }

  /** A heading, a paragraph, the section 三 table and a closing paragraph. */
  static XWPFDocument section3Document() {
    XWPFDocument doc = new XWPFDocument();
    style(doc, "Heading1", "heading 1");
    styled(doc, "Heading1", "三、收到和处理政府信息公开申请情况");
    doc.createParagraph().createRun().setText("本年度收到申请如下表。");
    table(doc, 10, section3Rows());
    doc.createParagraph().createRun().setText("四、政府信息公开行政复议、行政诉讼情况");
    return doc;
  }

  /**
   * The source of the checked-in {@code src/test/resources/word/section3.doc} (see the README there): the
   * section 三 document plus a hyperlink (a field in DOC), a title property and a table nested in a cell.
   */
  static XWPFDocument docSource() {
    XWPFDocument doc = section3Document();
    doc.getProperties().getCoreProperties().setTitle("测试区2021年政府信息公开工作年度报告");
    XWPFParagraph linked = doc.createParagraph();
    linked.createRun().setText("详见");
    linked.createHyperlinkRun("https://www.example.gov.cn/").setText("政府网站");
    linked.createRun().setText("。");
    CTTbl outer = table(doc, 2, List.of(List.of(Tc.of("外"), Tc.of("右"))));
    CTTc host = outer.getTrArray(0).getTcArray(1);
    fill(host.addNewTbl(), 2, List.of(List.of(Tc.of("内1"), Tc.of("内2"))));
    // a cell must end with a paragraph; Word and LibreOffice move a trailing table out of the cell
    host.addNewP().addNewR().addNewT().setStringValue("表后");
    doc.createParagraph().createRun().setText("完");
    return doc;
  }

  static void style(XWPFDocument doc, String id, String name) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal(name);
    doc.createStyles().addStyle(new XWPFStyle(style));
  }

  static XWPFParagraph styled(XWPFDocument doc, String styleId, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle(styleId);
    p.createRun().setText(text);
    return p;
  }

  /** Appends a table with an explicit {@code w:tblGrid} and the given cells; returns its XML. */
  static CTTbl table(XWPFDocument doc, int gridCols, List<List<Tc>> rows) {
    CTTbl tbl = doc.createTable().getCTTbl();
    fill(tbl, gridCols, rows);
    return tbl;
  }

  static void fill(CTTbl tbl, int gridCols, List<List<Tc>> rows) {
    while (tbl.sizeOfTrArray() > 0) {
      tbl.removeTr(0);
    }
    CTTblGrid grid = tbl.getTblGrid() == null ? tbl.addNewTblGrid() : tbl.getTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int i = 0; i < gridCols; i++) {
      grid.addNewGridCol().setW(BigInteger.valueOf(900));
    }
    for (List<Tc> row : rows) {
      CTRow tr = tbl.addNewTr();
      for (Tc cell : row) {
        cell(tr.addNewTc(), cell);
      }
    }
  }

  static CTTc cell(CTTc tc, Tc cell) {
    CTTcPr pr = tc.addNewTcPr();
    pr.addNewTcW().setW(BigInteger.valueOf(900L * cell.span()));
    if (cell.span() > 1) {
      pr.addNewGridSpan().setVal(BigInteger.valueOf(cell.span()));
    }
    if (cell.vMerge() == STMerge.RESTART) {
      pr.addNewVMerge().setVal(STMerge.RESTART);
    } else if (cell.vMerge() != null) {
      pr.addNewVMerge();
    }
    for (String line : cell.text().split("\n", -1)) {
      tc.addNewP().addNewR().addNewT().setStringValue(line);
    }
    return tc;
  }

  static byte[] bytes(XWPFDocument doc) {
    try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
