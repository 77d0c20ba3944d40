package org.nianbao.decode;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.normalize.TextForms;
import org.nianbao.source.Block;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;

/**
 * Turns the running text of a document into tokens. A markdown row ({@code | a | 12 | |}) gives one token per
 * non-empty cell and a row end; a cell is a number only when it holds nothing else, so a generic header
 * {@code 数据1} stays text. Any other line is cut at its digit runs, except digits that are prose
 * ({@code 22 件}, {@code 2025 年}, {@code 第3}), item numbering ({@code 2.其他…}: the digit before the point
 * starts the next label, also when glued to the previous row's digits) or a note in brackets
 * ({@code （其中修订 16 件）}). Page footers ({@code — 5 —}) are dropped. Stateless.
 */
final class Tokenizer {
  private static final Pattern FOOTER =
      Pattern.compile("^\\s*(?:[—\\-–－]+\\s*[0-9]+\\s*[—\\-–－]+|第\\s*[0-9]+\\s*页(?:\\s*共\\s*[0-9]+\\s*页)?)\\s*$");
  private static final Pattern MD_SEPARATOR = Pattern.compile("^\\|[\\s\\-:|]+\\|?$");
  private static final Pattern NOTE = Pattern.compile("[（(][^（）()]*[0-9][^（）()]*[）)]");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
  static final Pattern WHOLE_NUMBER = Pattern.compile("^[0-9]+(?:\\.[0-9]+)?$");
  /** Units and words after a number that make it prose, not a table cell. */
  private static final String UNITS = "年月日件条项场个万%％号人期次份家元余名位届周天层时分秒倍亿千百十批户座类期组";

  List<Token> tokens(SourceDocument doc) {
    List<Token> out = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<SourceRef> refs = new ArrayList<>();
    for (Block b : doc.blocks()) {
      if (b instanceof Paragraph p) {
        texts.add(p.text());
        refs.add(p.ref());
      } else if (b instanceof Heading h) {
        texts.add(h.text());
        refs.add(h.ref());
      }
    }
    List<String> forms = new ArrayList<>(texts.size());
    for (String text : texts) {
      forms.add(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
    }
    for (int i = 0; i < texts.size(); i++) {
      // a number ending a line is prose when the next line starts with its unit (统计期限为 2025 / 年 1 月)
      String next = i + 1 < texts.size() ? forms.get(i + 1) : "";
      line(forms.get(i), refs.get(i), next.isEmpty() ? ' ' : next.charAt(0), out);
    }
    return out;
  }

  /** One line's tokens, the line already in NFKC and stripped. */
  private static void line(String nfkc, SourceRef ref, char nextLineStart, List<Token> out) {
    if (nfkc.isEmpty() || FOOTER.matcher(nfkc).matches()) {
      return;
    }
    if (nfkc.startsWith("|")) {
      if (MD_SEPARATOR.matcher(nfkc).matches()) {
        return;
      }
      String body = nfkc.substring(1, nfkc.endsWith("|") && nfkc.length() > 1 ? nfkc.length() - 1 : nfkc.length());
      for (String cell : body.split("\\|", -1)) {
        String c = cell.strip();
        if (c.isEmpty()) {
          continue;
        }
        if (WHOLE_NUMBER.matcher(c).matches()) {
          out.add(new Token(Token.Kind.NUM, c, "", ref));
        } else {
          text(c, ref, out);
        }
      }
      out.add(new Token(Token.Kind.ROW_END, "", "", ref));
      return;
    }
    plain(nfkc, ref, nextLineStart, out);
  }

  private static void plain(String line, SourceRef ref, char nextLineStart, List<Token> out) {
    String s = NOTE.matcher(line).replaceAll(" ");
    Matcher m = NUMBER.matcher(s);
    StringBuilder pending = new StringBuilder();
    int last = 0;
    while (m.find()) {
      pending.append(s, last, m.start());
      last = m.end();
      String num = m.group();
      int end = m.end();
      char before = m.start() > 0 ? s.charAt(m.start() - 1) : ' ';
      char after = end < s.length() ? s.charAt(end) : ' ';
      int next = end;
      while (next < s.length() && s.charAt(next) == ' ') {
        next++;
      }
      char afterSpace = next < s.length() ? s.charAt(next) : nextLineStart;
      int prev = m.start() - 1;
      while (prev >= 0 && s.charAt(prev) == ' ') {
        prev--;
      }
      char beforeSpace = prev >= 0 ? s.charAt(prev) : ' ';
      boolean numbering = !num.contains(".") && (after == '.' || after == '、' || after == '．')
          && end + 1 < s.length() && !Character.isDigit(s.charAt(end + 1));
      if (numbering) {
        // the digit before the point is the next label's item number; digits before it end the last row
        String digits = num.substring(0, num.length() - 1);
        if (!digits.isEmpty()) {
          text(pending.toString(), ref, out);
          pending.setLength(0);
          out.add(new Token(Token.Kind.NUM, digits, "", ref));
        }
        pending.append(num.substring(num.length() - 1));
        continue;
      }
      boolean prose = UNITS.indexOf(afterSpace) >= 0 || before == '第' || before == '〔' || before == '['
          || before == '-' || after == '-' || after == ':' || after == '/' || before == '/' || before == ':'
          || Character.isLetter(beforeSpace) && beforeSpace < 0x80 || Character.isLetter(after) && after < 0x80;
      if (prose) {
        pending.append(num);
        continue;
      }
      text(pending.toString(), ref, out);
      pending.setLength(0);
      out.add(new Token(Token.Kind.NUM, num, "", ref));
    }
    pending.append(s.substring(last));
    text(pending.toString(), ref, out);
  }

  private static void text(String raw, SourceRef ref, List<Token> out) {
    String form = TextForms.matchForm(raw);
    if (!form.isEmpty()) {
      out.add(new Token(Token.Kind.TEXT, raw.strip(), form, ref));
    }
  }
}
