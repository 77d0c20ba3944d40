package org.nianbao.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.source.Block;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;

/**
 * Numbers a report states in its prose (全年共受理…申请 N 件, 办结 N 件, 行政复议 N 件 …), each kept with the
 * sentence it came from as a {@code text.*} cell flagged {@code from_text}. For 2008–2013 reports without
 * tables these are the only figures; for later ones they are checked against the tables. Only the first
 * statement of each kind counts, and a sentence must name applications (申请) for the request figures, so
 * that e.g. 审批事项 办结 counts are not taken for information requests. Stateless.
 */
public final class ProseNumbers {
  /**
   * One kind of statement: its key, what must appear in the sentence, the words of which its pattern needs
   * one (a sentence without any is not tried), and the pattern of the number.
   */
  private record Statement(String key, String label, String requires, List<String> cues, Pattern pattern) {
    boolean mayMatch(String compact) {
      if (!compact.contains(requires)) {
        return false;
      }
      for (String cue : cues) {
        if (compact.contains(cue)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final String GAP = "[^，。；,;：:0-9]{0,16}?";
  private static final List<Statement> STATEMENTS = List.of(
      new Statement("text.proactive.total", "主动公开政府信息（条）", "", List.of("主动公开"),
          Pattern.compile("主动公开(?:政府)?信息(?:数为|共|总数为?)?(\\d+)条")),
      new Statement("text.req.received", "收到/受理申请（件）", "申请", List.of("受理", "收到"),
          Pattern.compile("(?:受理|收到)(?:[^，。；,;：:0-9]{0,12}?公开的?)?(?:申请|依申请公开)(?:数|总数)?(?:为|共)?(\\d+)[件条]")),
      new Statement("text.req.closed", "答复/办结申请（件）", "申请", List.of("答复", "办结"),
          Pattern.compile("(?<!不予)(?:答复|办结)(?:申请)?(?:数|总数)?(?:为|共)?(\\d+)件")),
      new Statement("text.req.carried_over", "上年结转申请（件）", "", List.of("结转"),
          Pattern.compile("上年度?结转" + GAP + "(\\d+)件")),
      new Statement("text.req.carry_forward", "结转下年度（件）", "", List.of("顺延", "结转"),
          Pattern.compile("(?:(\\d+)件" + GAP + "(?:顺延|结转)(?:到|至)(?:下年|下一年|\\d{4}年))"
              + "|(?:(?:顺延|结转)(?:到|至)(?:下年度?|下一年度?|\\d{4}年)(?:继续办理)?(\\d+)件)")),
      new Statement("text.review.total", "行政复议（件）", "", List.of("行政复议"),
          Pattern.compile("行政复议(?:案件)?(?:数为|共)?(\\d+)件")),
      new Statement("text.suit.total", "行政诉讼（件）", "", List.of("行政诉讼"),
          Pattern.compile("行政诉讼(?:案件)?(?:数为|共)?(\\d+)件")),
      new Statement("text.fee_yuan", "收取费用（元）", "收取", List.of("费"),
          Pattern.compile("收取" + GAP + "费(?:用)?(\\d+(?:\\.\\d+)?)元")));

  /** Sentences about approvals and service windows count other 申请 (pingtan-2015: 窗口…受理申请136437件). */
  private static final Pattern OTHER_BUSINESS = Pattern.compile("审批|窗口|办件|行政许可");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00A0]+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。；;！!？?])");

  public List<CellValue> find(SourceDocument doc) {
    Map<String, CellValue> found = new LinkedHashMap<>();
    for (Block b : doc.blocks()) {
      // every statement's number is ASCII digits: text without one cannot hold a statement
      if (!(b instanceof Paragraph p) || !hasAsciiDigit(p.text())) {
        continue;
      }
      for (String sentence : SENTENCE_END.split(p.text())) {
        if (!hasAsciiDigit(sentence)) {
          continue;
        }
        String compact = SPACES.matcher(sentence).replaceAll("");
        for (Statement st : STATEMENTS) {
          if (found.containsKey(st.key()) || !st.mayMatch(compact)
              || st.requires().equals("申请") && OTHER_BUSINESS.matcher(compact).find()) {
            continue;
          }
          Matcher m = st.pattern().matcher(compact);
          if (m.find()) {
            String digits = m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : null;
            if (digits == null) {
              continue;
            }
            found.put(st.key(), new CellValue(st.key(), new BigDecimal(digits), sentence.strip(),
                EnumSet.of(Flag.FROM_TEXT), p.ref().page(), p.ref().locator(), st.label(), ""));
          }
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  private static boolean hasAsciiDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }
}
