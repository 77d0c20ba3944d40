package org.nianbao.locate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.nianbao.normalize.TextForms;
import org.nianbao.source.Block;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;

/**
 * An issuing body read by OCR from a title, checked against the report's own text: a title in large type is
 * misread more often than the body, which names the body again (本报告由…编制, …坚持以公开为常态). A name the
 * text repeats stands; one the text names only with a character or two otherwise (监&lt;己督站 for 监督站) is
 * taken as the text prints it; a name with marks no body has and no match in the text is left blank rather
 * than guessed. Stateless.
 */
final class OcrAgency {
  /** What a body's name is made of. */
  private static final Pattern NAME = Pattern.compile("[\\p{IsHan}（）()]+");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00A0]+");
  /** A name is compared with stretches of text this many characters shorter or longer. */
  private static final int SLACK = 2;

  private OcrAgency() {}

  /** The agency as the text confirms it, the text's nearest name, or blank for a name that cannot be right. */
  static String confirmed(String agency, String title, SourceDocument doc) {
    List<String> texts = texts(doc);
    int times = 0;
    for (String t : texts) {
      times += count(t, agency);
    }
    if (title.contains(agency)) {
      times--;
    }
    if (times > 0) {
      return agency;
    }
    String near = nearest(agency, texts);
    if (!near.isEmpty()) {
      return near;
    }
    return NAME.matcher(agency).matches() ? agency : "";
  }

  /**
   * The stretch of text nearest the name: at most a fifth of its characters (one at least) different, made
   * of a name's characters; among equally near ones the most frequent. Blank when there is none.
   */
  static String nearest(String agency, List<String> texts) {
    int len = agency.length();
    int most = Math.max(1, len / 5);
    Map<String, Integer> found = new LinkedHashMap<>();
    int best = most + 1;
    for (String t : texts) {
      for (int from = 0; from < t.length(); from++) {
        for (int n = Math.max(2, len - SLACK); n <= len + SLACK && from + n <= t.length(); n++) {
          String s = t.substring(from, from + n);
          if (!NAME.matcher(s).matches()) {
            break;
          }
          int d = TextForms.distance(agency, s, best);
          if (d < best) {
            best = d;
            found.clear();
          }
          if (d == best && d <= most) {
            found.merge(s, 1, Integer::sum);
          }
        }
      }
    }
    String choice = "";
    int times = 0;
    for (Map.Entry<String, Integer> e : found.entrySet()) {
      if (e.getValue() > times) {
        times = e.getValue();
        choice = e.getKey();
      }
    }
    return best <= most ? choice : "";
  }

  private static List<String> texts(SourceDocument doc) {
    List<String> out = new ArrayList<>();
    for (Block b : doc.blocks()) {
      String text = b instanceof Heading h ? h.text() : b instanceof Paragraph p ? p.text() : "";
      text = SPACES.matcher(text).replaceAll("");
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return out;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
