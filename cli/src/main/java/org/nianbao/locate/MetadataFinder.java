package org.nianbao.locate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.source.Block;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;

/**
 * Finds a report's title, issuing body and data year. The year comes from the title or from the
 * 统计期限 sentence, never from a publication date; the agency is the part of the title before the year.
 * Stateless.
 */
public final class MetadataFinder {
  private static final int HEAD_BLOCKS = 12;
  private static final Pattern TITLE_WORDS = Pattern.compile("(年度报告|工作报告|年报|年度工作情况)");
  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
  private static final Pattern PERIOD = Pattern.compile(
      "统计(?:期限|时限|时间|期间|区间|范围)[^0-9]{0,12}((?:19|20)\\d{2})\\s*年\\s*1\\s*月\\s*1\\s*日");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00A0]+");
  /** The most characters of a title that wrap onto a line of their own. */
  private static final int TAIL = 4;
  /** Punctuation between the issuing body and the year is no part of a title (an OCR mark, a line end). */
  private static final Pattern BEFORE_YEAR = Pattern.compile("[，,、。.；;：:]+(?=(?:19|20)\\d{2}\\s*年)");
  private static final Pattern CITY_PREFIX = Pattern.compile("(\\p{IsHan}{2}市)$");
  /**
   * A CMS navigation trail above the title (当前位置：首页>政务公开>政府信息公开年报): it names the column, often
   * with 年报 in it, never the report.
   */
  private static final Pattern BREADCRUMB =
      Pattern.compile("^(?:当前位置|您的位置|你的位置|您当前的位置|您现在的位置|你现在的位置|所在位置)[:：]|首页[>＞»›/]");

  public ReportMetadata find(SourceDocument doc) {
    List<String> head = new ArrayList<>();
    boolean scanned = false;
    for (Block b : doc.blocks()) {
      if (head.size() >= HEAD_BLOCKS) {
        break;
      }
      String text = b instanceof Heading h ? clean(h.text()) : b instanceof Paragraph p ? clean(p.text()) : "";
      if (!text.isEmpty() && !BREADCRUMB.matcher(text).find()) {
        head.add(text);
        scanned |= doc.scannedPages().contains(b.ref().page());
      }
    }
    String title = BEFORE_YEAR.matcher(titleOf(doc, head)).replaceAll("");
    Integer year = yearOf(title);
    Integer period = periodYear(doc);
    if (year == null) {
      year = period;
    } else if (scanned && period != null && !period.equals(year)) {
      // a title read by OCR whose year the report's own period contradicts: one of them is misread
      year = null;
    }
    String agency = agencyOf(title, year, doc);
    if (scanned && !agency.isEmpty()) {
      String read = agency;
      agency = OcrAgency.confirmed(agency, title, doc);
      if (!agency.equals(read)) {
        title = title.replace(read, agency);
      }
    }
    return new ReportMetadata(title, agency, year);
  }

  private static String clean(String s) {
    return SPACES.matcher(s).replaceAll("").strip();
  }

  private static String titleOf(SourceDocument doc, List<String> head) {
    for (int i = 0; i < head.size(); i++) {
      String line = head.get(i);
      // the last characters of a long title wrapped onto a line of their own ("…年度报" / "告")
      if (i + 1 < head.size() && head.get(i + 1).length() <= TAIL && !TITLE_WORDS.matcher(line).find()
          && TITLE_WORDS.matcher(line + head.get(i + 1)).find() && !head.get(i + 1).matches(".*[。，；：、].*")) {
        line = line + head.get(i + 1);
      }
      if (line.length() <= 60 && TITLE_WORDS.matcher(line).find()) {
        // a title printed over two lines: "某某镇人民政府2021年度" / "政府信息公开工作年度报告"
        if (i > 0 && !YEAR.matcher(line).find() && head.get(i - 1).length() <= 30
            && YEAR.matcher(head.get(i - 1)).find() && !head.get(i - 1).matches(".*[。，；：].*")) {
          return head.get(i - 1) + line;
        }
        // or "洪泽区人民政府" / "2023年政府信息公开工作年度报告" (corpus-real/hongze-2023.pdf)
        if (i > 0 && line.matches("^(?:19|20)\\d{2}\\s*年.*") && head.get(i - 1).length() <= 30
            && !YEAR.matcher(head.get(i - 1)).find() && !head.get(i - 1).matches(".*[。，；：、].*")) {
          return head.get(i - 1) + line;
        }
        return line;
      }
    }
    String meta = doc.metadata().getOrDefault("title", "");
    return clean(meta);
  }

  private static Integer yearOf(String title) {
    Matcher m = YEAR.matcher(title);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static Integer periodYear(SourceDocument doc) {
    for (Block b : doc.blocks()) {
      String text = b instanceof Paragraph p ? p.text() : b instanceof Heading h ? h.text() : "";
      Matcher m = PERIOD.matcher(text);
      if (m.find()) {
        return Integer.valueOf(m.group(1));
      }
    }
    return null;
  }

  private static String agencyOf(String title, Integer year, SourceDocument doc) {
    String agency = "";
    if (year != null) {
      int at = title.indexOf(year + "年");
      if (at > 0) {
        agency = title.substring(0, at);
      } else if (at == 0) {
        Matcher m = Pattern.compile("^\\d{4}年度?(.+?)(?:政府信息公开|政务公开|信息公开)").matcher(title);
        agency = m.find() ? m.group(1) : "";
      }
    }
    agency = agency.replaceFirst("^关于", "").replaceAll("[《》]", "").replaceFirst("[，,、。.；;：:]+$", "").strip();
    if (agency.isEmpty()) {
      agency = clean(doc.metadata().getOrDefault("publisher", ""));
    }
    return agency.isEmpty() ? agency : withCityPrefix(agency, doc);
  }

  /**
   * A district's title often drops the city its body names (洪泽区人民政府 vs 淮安市洪泽区人民政府, in
   * corpus-real/hongze-2023): take the fuller name when the text uses it.
   */
  private static String withCityPrefix(String agency, SourceDocument doc) {
    if (agency.contains("市") || agency.contains("省")) {
      return agency;
    }
    for (Block b : doc.blocks()) {
      String text = b instanceof Paragraph p ? clean(p.text()) : b instanceof Heading h ? clean(h.text()) : "";
      int at = text.indexOf(agency);
      while (at > 0) {
        Matcher m = CITY_PREFIX.matcher(text.substring(Math.max(0, at - 4), at));
        if (m.find()) {
          return m.group(1) + agency;
        }
        at = text.indexOf(agency, at + 1);
      }
    }
    return agency;
  }
}
