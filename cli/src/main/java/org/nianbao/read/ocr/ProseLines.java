package org.nianbao.read.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * The running text of a page checked against its ink: the engine's page reading leaves out some lines in
 * large type altogether (the title of corpus/scans/real/hongze-2023-scan) and cuts a character standing
 * alone on its line into two lines of strokes (告 wrapped under the title of pdf-2021-cut-label). Rows of
 * ink are found on the page without its tables; a row no line was read in, or one read as pieces stacked
 * over each other, is read again on its own. Stateless.
 */
final class ProseLines {
  /** A row of pixels with fewer inked pixels than this (each with an inked neighbour) is blank. */
  private static final int ROW_INK = 6;
  /** Rows of ink closer than this (pixels) are one line. */
  private static final int ROW_GAP = 4;
  /** A line of ink is at least this tall (pixels at 300 dpi): lower ones are specks or rule ends. */
  private static final int MIN_HEIGHT = 20;
  /** ... and holds at least this much ink. */
  private static final int MIN_INK = 150;
  /** A line read again is kept when its characters are read at least this confidently on average. */
  private static final double MIN_CONFIDENCE = 60;
  /** A line missed by the page reading is read again when this many times the usual character height. */
  private static final double LARGER = 1.2;
  /** Rows of ink closer than this many usual character heights are one line. */
  private static final double CLOSE = 0.25;
  /** Pieces of a line stacked in a row of ink no taller than this many usual character heights are one line. */
  private static final double ONE_LINE = 1.6;

  private ProseLines() {}

  /**
   * The page's lines of running text ({@code rows}, as the engine read them) with the rows of ink they miss
   * read again from {@code grey}; {@code binary} is the same page black on white (0 ink), tables and ruling
   * lines removed.
   */
  static List<List<Symbol>> complete(OcrEngine engine, Gray grey, Gray binary, List<List<Symbol>> rows) {
    List<int[]> bands = bands(binary);
    if (bands.isEmpty()) {
      return rows;
    }
    int usual = usualHeight(rows);
    bands = joined(bands, usual * CLOSE);
    List<List<List<Symbol>>> inBand = new ArrayList<>();
    for (int i = 0; i < bands.size(); i++) {
      inBand.add(new ArrayList<>());
    }
    List<List<Symbol>> out = new ArrayList<>();
    for (List<Symbol> row : rows) {
      int b = bandOf(bands, Scanner.rowMiddle(row));
      if (b < 0) {
        out.add(row);
      } else {
        inBand.get(b).add(row);
      }
    }
    for (int i = 0; i < bands.size(); i++) {
      int[] band = bands.get(i);
      List<List<Symbol>> read = inBand.get(i);
      // only a line in type larger than the page's usual is missed this way; a small mark missed (a page
      // number like "- 3 -") is better left out than read as =JJ= between two parts of a table
      boolean missed = read.isEmpty() && band[4] >= MIN_INK && band[3] - band[1] >= Math.max(MIN_HEIGHT, usual * LARGER);
      boolean pieces = read.size() >= 2 && usual > 0 && band[3] - band[1] <= usual * ONE_LINE && stacked(read);
      if (missed || pieces) {
        List<Symbol> again = readBand(engine, grey, band);
        if (!again.isEmpty() && meanConfidence(again) >= MIN_CONFIDENCE) {
          out.add(again);
          continue;
        }
      }
      out.addAll(read);
    }
    return out;
  }

  /**
   * Rows of ink closer than {@code gap} joined: the gap between two lines is a good part of a character's
   * height, the gap inside a character standing alone (between the top of 告 and its 口) is not.
   */
  private static List<int[]> joined(List<int[]> bands, double gap) {
    List<int[]> out = new ArrayList<>();
    for (int[] b : bands) {
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && b[1] - last[3] <= gap) {
        out.set(out.size() - 1, new int[] {Math.min(last[0], b[0]), last[1], Math.max(last[2], b[2]), b[3], last[4] + b[4]});
      } else {
        out.add(b);
      }
    }
    return out;
  }

  /** Two of the rows share columns: pieces of the same characters, one above the other. */
  private static boolean stacked(List<List<Symbol>> rows) {
    for (int i = 0; i < rows.size(); i++) {
      for (int j = i + 1; j < rows.size(); j++) {
        if (left(rows.get(i)) < right(rows.get(j)) && left(rows.get(j)) < right(rows.get(i))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A band of ink read as one line (the engine's own line finding, else the band taken as it is). */
  private static List<Symbol> readBand(OcrEngine engine, Gray grey, int[] band) {
    int margin = Math.max(8, (band[3] - band[1]) / 3);
    int ox = Math.max(0, band[0] - margin);
    int oy = Math.max(0, band[1] - margin);
    Gray crop = grey.crop(band[0] - margin, band[1] - margin, band[2] + margin + 1, band[3] + margin + 1, 0);
    List<List<Symbol>> lines = engine.line(crop);
    if (lines.isEmpty()) {
      lines = engine.rawLine(crop);
    }
    List<Symbol> out = new ArrayList<>();
    for (List<Symbol> l : lines) {
      for (Symbol s : l) {
        out.add(new Symbol(s.text(), s.x0() + ox, s.y0() + oy, s.x1() + ox, s.y1() + oy, s.confidence(),
            s.alternatives()));
      }
    }
    return out;
  }

  /**
   * Rows of ink {@code [x0, y0, x1, y1, ink]}: runs of pixel rows holding ink (pixels with an inked neighbour,
   * so specks of noise do not count), small gaps bridged; their left and right ends and how much ink they hold.
   */
  static List<int[]> bands(Gray g) {
    int w = g.width();
    int h = g.height();
    int[] count = new int[h];
    int[] from = new int[h];
    int[] to = new int[h];
    for (int y = 1; y < h - 1; y++) {
      from[y] = Integer.MAX_VALUE;
      to[y] = -1;
      for (int x = 1; x < w - 1; x++) {
        if (g.at(x, y) == 0 && (g.at(x - 1, y) == 0 || g.at(x + 1, y) == 0 || g.at(x, y - 1) == 0
            || g.at(x, y + 1) == 0)) {
          count[y]++;
          from[y] = Math.min(from[y], x);
          to[y] = x;
        }
      }
    }
    List<int[]> out = new ArrayList<>();
    int start = -1;
    int last = -1;
    for (int y = 0; y <= h; y++) {
      boolean on = y < h && count[y] >= ROW_INK;
      if (on && start >= 0 && y - last > ROW_GAP) {
        add(out, start, last, count, from, to);
        start = -1;
      }
      if (on) {
        start = start < 0 ? y : start;
        last = y;
      }
    }
    if (start >= 0) {
      add(out, start, last, count, from, to);
    }
    return out;
  }

  private static void add(List<int[]> out, int y0, int y1, int[] count, int[] from, int[] to) {
    if (y1 - y0 + 1 < MIN_HEIGHT) {
      return;
    }
    int x0 = Integer.MAX_VALUE;
    int x1 = -1;
    int ink = 0;
    for (int y = y0; y <= y1; y++) {
      if (count[y] >= ROW_INK) {
        x0 = Math.min(x0, from[y]);
        x1 = Math.max(x1, to[y]);
      }
      ink += count[y];
    }
    out.add(new int[] {x0, y0, x1, y1, ink});
  }

  private static int bandOf(List<int[]> bands, double y) {
    for (int i = 0; i < bands.size(); i++) {
      if (y >= bands.get(i)[1] - 2 && y <= bands.get(i)[3] + 2) {
        return i;
      }
    }
    return -1;
  }

  /** The usual height of a character on the page: the median over all characters read, most of them body text. */
  private static int usualHeight(List<List<Symbol>> rows) {
    int[] heights = rows.stream().flatMap(List::stream).mapToInt(s -> s.y1() - s.y0()).toArray();
    return heights.length == 0 ? 0 : Scanner.middle(heights);
  }


  private static int left(List<Symbol> row) {
    return row.stream().mapToInt(Symbol::x0).min().orElse(0);
  }

  private static int right(List<Symbol> row) {
    return row.stream().mapToInt(Symbol::x1).max().orElse(0);
  }

  private static double meanConfidence(List<Symbol> line) {
    return line.stream().mapToDouble(Symbol::confidence).average().orElse(0);
  }
}
