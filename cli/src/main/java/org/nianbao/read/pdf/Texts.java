package org.nianbao.read.pdf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Turns glyphs into text: lines by baseline, glyphs left to right, spaces only where the page has them. */
final class Texts {
  /** A gap wider than this many em between two glyphs of a line reads as a space. */
  private static final double SPACE_EM = 0.5;
  /** Baselines closer than this many em belong to the same line. */
  private static final double SAME_LINE_EM = 0.5;
  private static final Pattern NUMBER = Pattern.compile("[+\\-−－＋]?[0-9０-９][0-9０-９,，.．]*%?");
  /**
   * What a value cell prints besides a plain number: a number with its unit ({@code ０件}, {@code 3项},
   * {@code 12.5万元}) or a dash or 无 for none.
   */
  private static final Pattern VALUE = Pattern.compile(
      "[+\\-−－＋]?[0-9０-９][0-9０-９,，.．]*(万元|人次|[件项条个次人元篇宗份套家期])|[-—–－―−/／]{1,2}|无");
  private static final Pattern LATIN_OR_DIGIT = Pattern.compile(".*[0-9A-Za-z０-９].*");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

  private Texts() {}

  /** Glyphs grouped into lines, top to bottom, each line left to right. */
  static List<List<Glyph>> lines(Collection<Glyph> glyphs) {
    List<Glyph> byBaseline =
        glyphs.stream().sorted(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x)).toList();
    List<List<Glyph>> lines = new ArrayList<>();
    List<Glyph> line = null;
    double lineBaseline = 0;
    double lineSize = 0;
    for (Glyph g : byBaseline) {
      if (line == null || g.baseline() - lineBaseline > SAME_LINE_EM * Math.max(g.size(), lineSize)) {
        line = new ArrayList<>();
        lines.add(line);
        lineBaseline = g.baseline();
        lineSize = g.size();
      }
      line.add(g);
      lineSize = Math.max(lineSize, g.size());
    }
    for (List<Glyph> l : lines) {
      l.sort(Comparator.comparingDouble(Glyph::x));
    }
    return lines;
  }

  /** One line's text: a space where the PDF has a space glyph or a visible gap, never more than one. */
  static String join(List<Glyph> line) {
    StringBuilder sb = new StringBuilder();
    double prevRight = Double.NaN;
    boolean pendingSpace = false;
    for (Glyph g : line) {
      if (g.isBlank()) {
        pendingSpace = true;
        continue;
      }
      if (sb.length() > 0 && (pendingSpace || g.x() - prevRight > SPACE_EM * g.size())) {
        sb.append(' ');
      }
      sb.append(g.text());
      prevRight = g.right();
      pendingSpace = false;
    }
    return sb.toString();
  }

  /** The text lines of a cell's glyphs; blank lines dropped. */
  static List<String> cellLines(Collection<Glyph> glyphs) {
    return lines(glyphs).stream().map(Texts::join).filter(s -> !s.isBlank()).toList();
  }

  /**
   * A cell's text from its lines: joined with {@code \n}, except a label written one character per line
   * (the vertical {@code 三、本年度办理结果} of huaian-2024 and hongze-2023), which reads as one word.
   * Lines holding digits or Latin letters are never run together, so two numbers cannot be glued.
   */
  static String cellText(List<String> lines) {
    boolean vertical = lines.size() >= 3
        && lines.stream().allMatch(l -> compact(l).codePointCount(0, compact(l).length()) <= 2)
        && lines.stream().noneMatch(l -> LATIN_OR_DIGIT.matcher(l).matches());
    return String.join(vertical ? "" : "\n", lines);
  }

  static boolean isNumber(String text) {
    return NUMBER.matcher(compact(text)).matches();
  }

  /** A number, a number with its unit, or a dash: what a value cell holds, never a label. */
  static boolean isValue(String text) {
    String c = compact(text);
    return NUMBER.matcher(c).matches() || VALUE.matcher(c).matches();
  }

  /** The text without any whitespace, for comparing labels. */
  static String compact(String text) {
    return WHITESPACE.matcher(text).replaceAll("");
  }
}
