package org.nianbao.read.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nianbao.source.Recognition;

/**
 * Reads one page image: turned upright (90°/180°/270°, by the engine's confidence both ways), straightened
 * (±5°, by the sharpest projection of its ink), binarised (Otsu), ruling lines found as long thin runs of ink,
 * the cells they enclose recognised one crop at a time (digits on their own line with a digit character set),
 * and the rest of the page as running text. Stateless; the engine is per thread.
 */
public final class Scanner {
  /** The resolution pages are read at; images of another resolution are scaled to it. */
  public static final int DPI = 300;
  /** A page read this confidently one of its two ways up is not tried on its side. */
  private static final double CONFIDENT_UPRIGHT = 75;
  /** Deskew search range and steps in degrees. */
  private static final double MAX_SKEW = 5.0;
  /** A ruling line is at least this long (inches). */
  private static final double MIN_RULE_IN = 0.22;
  /** ... and at most this thick (inches). */
  private static final double MAX_RULE_THICK_IN = 0.035;
  /** A frame of ruling lines smaller than this both ways (inches) is a character's strokes, not a table. */
  private static final double MIN_TABLE_IN = 1.0;
  /** A faint ruling is lighter than the paper this far off it (pixels, beyond half a ruling's thickness) ... */
  private static final int SHADE_REACH = 8;
  /** ... by at least this many grey levels. */
  private static final int SHADE_STEP = 16;
  /** A cell is at least this wide and high (inches). */
  private static final double MIN_CELL_IN = 0.08;
  /** Fewer inked pixels than this (at 300 dpi) is an empty cell: specks of noise, not a character. */
  private static final int MIN_INK = 40;
  /** A line of running text this tall (pixels at 300 dpi) is large type; it is read scaled to body size. */
  private static final int LARGE_PX = 60;
  private static final int BODY_PX = 36;
  /** The confidence given to a reading that leaves some of its cell's ink unread. */
  private static final double UNCOVERED_CONFIDENCE = 50;
  /** A punctuation mark with fewer inked pixels than this outside its neighbours' boxes is not there. */
  private static final int GHOST_INK = 6;
  /** The confidence given to a number the two models read differently (below the doubt threshold). */
  private static final double DISAGREE_CONFIDENCE = 50;
  /** A number read this confidently with the digit set replaces a reading of one or two other characters. */
  private static final double SURE_DIGITS = 85;
  /** A dash is a bar at most this thick, and this long at least and at most (inches). */
  private static final double DASH_THICK_IN = 0.04;
  private static final double DASH_MIN_IN = 0.04;
  private static final double DASH_MAX_IN = 0.6;
  /** A part of a cell's ink smaller than this (pixels at 300 dpi) is a speck of noise beside a dash. */
  private static final int DASH_SPECK = 15;
  /** The confidence of a dash told by its shape. */
  private static final double DASH_CONFIDENCE = 95;
  /** A short word with a character read less surely than this may be a misread number. */
  private static final double UNSURE_WORD = 90;
  /** A reading of the whole crop replaces an unsure one of its band when its least sure character is this surer. */
  private static final double SURER = 10;
  /** A reading this short that is not a number is tried as one. */
  private static final int SHORT = 3;
  private static final Pattern NUMERIC = Pattern.compile("[0-9,.，。．\\-—–/\\s|]*");
  /** A number as reports print it: a sign, digits perhaps grouped by commas, a decimal part. */
  private static final Pattern WELL_FORMED = Pattern.compile("-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?");
  private static final Pattern LOOKALIKE = Pattern.compile("[SsOoIlZzB$]");
  private static final Pattern HAS_DIGIT = Pattern.compile(".*[0-9].*");

  private Scanner() {}

  /** The page read from an image of the given resolution (dots per inch). */
  public static ScannedPage scan(BufferedImage image, double dpi) {
    BufferedImage page = scaleTo(image, dpi);
    Gray gray = gray(page);
    gray = upright(gray);
    gray = straighten(gray);
    int[] levels = levels(gray);
    int w = gray.width();
    int h = gray.height();
    byte[] px = gray.pixels();
    boolean[] ink = new boolean[w * h];
    // ruling lines of a faint copy are lighter than its text: found with a lower threshold
    boolean[] faint = new boolean[w * h];
    int faintBelow = levels[2] - (levels[2] - levels[1]) * 3 / 10;
    for (int i = 0; i < ink.length; i++) {
      int v = px[i] & 0xFF;
      ink[i] = v <= levels[0];
      faint[i] = v <= Math.max(levels[0], faintBelow) && thin(gray, i % w, i / w, v + SHADE_STEP);
    }
    List<int[]> hRuns = new ArrayList<>();
    List<int[]> vRuns = new ArrayList<>();
    boolean[] lines = rulings(faint, w, h, hRuns, vRuns);
    List<int[]> cells = cells(lines, hRuns, vRuns, w, h);
    byte[] clean = new byte[w * h];
    // the page for the engine: grey stretched from the ink's level to the paper's, ruling lines removed
    byte[] stretched = new byte[w * h];
    double span = Math.max(1, levels[2] - levels[1]);
    for (int i = 0; i < clean.length; i++) {
      clean[i] = ink[i] && !lines[i] ? 0 : (byte) 0xFF;
      int v = lines[i] ? 255 : (int) Math.round(((px[i] & 0xFF) - levels[1]) * 255 / span);
      stretched[i] = (byte) Math.max(0, Math.min(255, v));
    }
    double pt = 72.0 / DPI;
    List<ScannedPage.Text> texts = new ArrayList<>();
    OcrEngine engine = OcrEngine.get();
    Gray cleaned = new Gray(clean, w, h, DPI);
    Gray grey = new Gray(stretched, w, h, DPI);
    for (int[] c : cells) {
      readCell(engine, cleaned, grey, c, texts, pt);
    }
    // running text: the page without its tables
    byte[] prose = stretched.clone();
    for (int[] c : cells) {
      for (int y = c[1]; y < c[3]; y++) {
        java.util.Arrays.fill(prose, y * w + c[0], y * w + c[2], (byte) 0xFF);
      }
    }
    Gray proseImage = new Gray(prose, w, h, DPI);
    List<List<Symbol>> proseRows = new ArrayList<>();
    for (List<Symbol> line : engine.page(proseImage)) {
      proseRows.addAll(rows(List.of(line)));
    }
    byte[] proseInk = clean.clone();
    for (int[] c : cells) {
      for (int y = c[1]; y < c[3]; y++) {
        java.util.Arrays.fill(proseInk, y * w + c[0], y * w + c[2], (byte) 0xFF);
      }
    }
    for (List<Symbol> row : ProseLines.complete(engine, proseImage, new Gray(proseInk, w, h, DPI), proseRows)) {
      addLine(large(engine, proseImage, withoutGhosts(row, cleaned)), 0, 0, null, texts, pt);
    }
    List<ScannedPage.Rule> rules = new ArrayList<>();
    for (int[] r : hRuns) {
      rules.add(new ScannedPage.Rule(true, (r[1] + r[3]) / 2.0 * pt, r[0] * pt, r[2] * pt));
    }
    for (int[] r : vRuns) {
      rules.add(new ScannedPage.Rule(false, (r[0] + r[2]) / 2.0 * pt, r[1] * pt, r[3] * pt));
    }
    return new ScannedPage(w * pt, h * pt, texts, rules);
  }

  /**
   * Whether a dark pixel stands out of its surroundings as a line does: the paper a little way off on two
   * opposite sides (above and below, left and right, or across a diagonal, which is how a crossing of two
   * rulings stands out) is lighter by at least {@code lighter}. The grey fill of a shaded table row is as dark
   * as a faint ruling (or, where most of a page is shaded, as its ink) but is the same all round; taken for
   * ink, it made the rulings round it one thick block that was no line at all (huaian-2024 section 二).
   */
  static boolean thin(Gray g, int x, int y, int lighter) {
    int d = SHADE_REACH;
    return lighter(g, x, y - d, lighter) && lighter(g, x, y + d, lighter)
        || lighter(g, x - d, y, lighter) && lighter(g, x + d, y, lighter)
        || lighter(g, x - d, y - d, lighter) && lighter(g, x + d, y + d, lighter)
        || lighter(g, x + d, y - d, lighter) && lighter(g, x - d, y + d, lighter);
  }

  /** Off the image counts as paper. */
  private static boolean lighter(Gray g, int x, int y, int level) {
    return x < 0 || y < 0 || x >= g.width() || y >= g.height() || g.at(x, y) >= level;
  }

  /** One cell: blank when it holds too little ink; a line of digits read again with the digit set. */
  private static void readCell(OcrEngine engine, Gray image, Gray grey, int[] c, List<ScannedPage.Text> out,
      double pt) {
    int inset = 3;
    int x0 = c[0] + inset;
    int y0 = c[1] + inset;
    int x1 = c[2] - inset;
    int y1 = c[3] - inset;
    if (x1 - x0 < 4 || y1 - y0 < 4) {
      return;
    }
    if (ink(image, x0, y0, x1, y1) < MIN_INK) {
      return;
    }
    int margin = 12;
    Gray binary = image.crop(x0, y0, x1, y1, margin);
    Gray crop = grey.crop(x0, y0, x1, y1, margin);
    read(engine, binary, crop).ifPresent(r -> {
      for (List<Symbol> line : r.lines()) {
        addLine(line, x0 - margin, y0 - margin, r.recognition(), out, pt);
      }
    });
  }

  /** A cell's reading: its lines of characters (in the crop's pixels) and the recognition of the whole. */
  record CellReading(List<List<Symbol>> lines, Recognition recognition) {}

  /**
   * A cell's crop read: {@code binary} its ink (black on white, ruling lines removed), {@code crop} the same
   * in grey; empty when nothing was read.
   */
  static Optional<CellReading> read(OcrEngine engine, Gray binary, Gray crop) {
    Optional<Symbol> dash = dash(binary);
    if (dash.isPresent()) {
      return Optional.of(new CellReading(List.of(List.of(dash.get())),
          new Recognition(dash.get().confidence(), List.of())));
    }
    List<List<Symbol>> lines = bandLines(engine, binary, crop);
    boolean reread = false;
    if (lines.size() == 1 && bands(binary).size() == 1 && minConfidence(lines.get(0)) < UNSURE_WORD) {
      // a line read unsurely from its band is read again from the whole crop, whose white border the
      // engine reads better (处理块定数量 at 72% from the band, 处理决定数量 at 99% from the crop); a
      // value read so stays doubtful
      List<List<Symbol>> whole = engine.line(crop);
      if (whole.size() == 1 && minConfidence(whole.get(0)) >= minConfidence(lines.get(0)) + SURER) {
        reread = !join(whole).equals(join(lines));
        lines = whole;
      }
    }
    if (lines.isEmpty()) {
      // ink the line reader made nothing of (a short word alone in a tall merged header cell): the whole crop
      lines.addAll(rows(engine.block(crop)));
      if (lines.isEmpty()) {
        lines.addAll(rows(scaled(engine, crop, 1.5)));
      }
    }
    String text = join(lines);
    // a number is read again with the digit set; a short reading that is not one may be a misread number
    boolean numeric = NUMERIC.matcher(text).matches();
    if (lines.size() <= 1 && (numeric || text.length() <= SHORT)) {
      List<Symbol> digits = engine.digits(crop);
      String d = join(List.of(digits));
      double digitConfidence = meanConfidence(List.of(digits));
      // a lone 7 reads as 了 and a 1 as | with full confidence: a sure number wins over a short word
      boolean better = numeric || digitConfidence > meanConfidence(lines)
          || (text.length() <= 2 && digitConfidence >= SURE_DIGITS);
      if (HAS_DIGIT.matcher(d).matches() && better || text.isBlank()) {
        lines = digits.isEmpty() ? List.of() : List.of(digits);
      }
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    boolean disagree = false;
    String read = join(lines);
    if (lines.size() == 1 && (numberLike(read) || read.length() == 1)) {
      // every number is read again by the Latin model; where the two disagree the cell is doubtful
      Optional<List<Symbol>> latin = engine.latinDigits(crop);
      if (latin.isPresent()) {
        Second second = second(lines.get(0), latin.get());
        lines = List.of(wellFormed(lines.get(0), second.line(), binary));
        disagree = second.disagree();
      }
    } else if (lines.size() == 1 && read.length() <= SHORT && minConfidence(lines.get(0)) < UNSURE_WORD) {
      // a short word read unsurely may be a number the Chinese model made characters of (42 as 十它, where
      // the digit set read nothing): the Latin model's sure number covering the ink stands, doubtful
      Optional<List<Symbol>> latin = engine.latinDigits(crop);
      if (latin.isPresent() && sureNumber(latin.get()) && covers(binary, List.of(latin.get()))) {
        lines = List.of(latin.get());
        disagree = true;
      }
    }
    Optional<List<Symbol>> glued = glued(lines);
    if (glued.isPresent()) {
      // a space the engine saw between two digits (the wide full-width ３３件): one number, doubtful
      lines = List.of(glued.get());
      disagree = true;
    }
    disagree |= reread;
    Recognition rec = recognition(lines);
    if (disagree) {
      List<String> alternatives = new ArrayList<>();
      alternatives.add(read);
      alternatives.addAll(rec.alternatives());
      rec = new Recognition(Math.min(rec.confidence(), DISAGREE_CONFIDENCE), alternatives);
    }
    if (!covers(binary, lines)) {
      // ink the reading does not account for (a digit the engine dropped, with full confidence): doubtful
      rec = new Recognition(Math.min(rec.confidence(), UNCOVERED_CONFIDENCE), rec.alternatives());
    }
    return Optional.of(new CellReading(lines, rec));
  }

  /**
   * A cell's lines read one band of ink at a time. A band the line reader makes nothing of, or one
   * character that is not a Chinese one, in a cell whose other lines are Chinese (a header wrapped before its
   * last character, 科研机 over 构, read as 3) is read again as a block, which reads a lone character better.
   */
  static List<List<Symbol>> bandLines(OcrEngine engine, Gray binary, Gray crop) {
    List<int[]> bands = bands(binary);
    List<List<List<Symbol>>> read = new ArrayList<>();
    List<Gray> strips = new ArrayList<>();
    List<int[]> offsets = new ArrayList<>();
    for (int[] band : bands) {
      int top = Math.max(0, band[0] - 4);
      Gray strip = crop.crop(0, top, crop.width(), band[1] + 5, 0);
      strips.add(strip);
      offsets.add(new int[] {0, top});
      read.add(engine.line(strip));
    }
    boolean chinese = read.stream().anyMatch(ls -> ls.stream().anyMatch(l -> l.stream().anyMatch(Scanner::han)));
    List<List<Symbol>> lines = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      List<List<Symbol>> band = read.get(i);
      int n = count(band);
      if (bands.size() >= 2 && chinese && (n == 0 || n == 1 && !han(band.get(0).get(0)))) {
        List<List<Symbol>> again = engine.block(strips.get(i));
        if (count(again) >= 1 && again.stream().allMatch(l -> l.stream().allMatch(Scanner::han))) {
          band = again;
        }
      }
      int[] o = offsets.get(i);
      for (List<Symbol> l : band) {
        List<Symbol> shifted = new ArrayList<>();
        for (Symbol s : l) {
          shifted.add(s.moved(1, o[0], o[1]));
        }
        lines.add(shifted);
      }
    }
    return lines;
  }

  private static boolean han(Symbol s) {
    return !s.text().isEmpty() && Character.UnicodeScript.of(s.text().codePointAt(0)) == Character.UnicodeScript.HAN;
  }

  /**
   * A cell holding nothing but a dash (— or -, for none), told by the shape of its ink: one or two thin
   * horizontal bars side by side, away from the cell's edges (where a remnant of a ruling line would lie).
   * The engine reads a lone dash as nothing, as 一一 or as ---; a bar is certain. Specks are ignored.
   */
  static Optional<Symbol> dash(Gray binary) {
    List<int[]> parts = new ArrayList<>();
    for (int[] c : components(binary)) {
      if (c[4] >= DASH_SPECK) {
        parts.add(c);
      }
    }
    if (parts.isEmpty() || parts.size() > 2) {
      return Optional.empty();
    }
    int maxThick = (int) Math.round(DASH_THICK_IN * DPI);
    int minLen = (int) Math.round(DASH_MIN_IN * DPI);
    int maxLen = (int) Math.round(DASH_MAX_IN * DPI);
    int h = binary.height();
    for (int[] c : parts) {
      int cw = c[2] - c[0] + 1;
      int ch = c[3] - c[1] + 1;
      double centre = (c[1] + c[3]) / 2.0;
      if (ch > maxThick || cw < minLen || cw > maxLen || cw < ch * 3 || c[4] < cw * ch * 0.6
          || centre < h * 0.25 || centre > h * 0.75) {
        return Optional.empty();
      }
    }
    int[] a = parts.get(0);
    int[] b = parts.get(parts.size() - 1);
    if (parts.size() == 2 && (Math.abs((a[1] + a[3]) - (b[1] + b[3])) > 8
        || Math.max(a[0], b[0]) - Math.min(a[2], b[2]) > minLen * 2)) {
      return Optional.empty();
    }
    int left = Math.min(a[0], b[0]);
    int right = Math.max(a[2], b[2]);
    int centre = (a[1] + a[3]) / 2;
    int half = Math.max(6, (right - left) / 2);
    return Optional.of(new Symbol("—", left, centre - half, right + 1, centre + half, DASH_CONFIDENCE, List.of()));
  }

  /** The 8-connected parts of a binary image's ink, each {@code [x0, y0, x1, y1, pixels]}. */
  static List<int[]> components(Gray binary) {
    int w = binary.width();
    int h = binary.height();
    boolean[] seen = new boolean[w * h];
    int[] stack = new int[w * h];
    List<int[]> out = new ArrayList<>();
    for (int start = 0; start < w * h; start++) {
      if (seen[start] || binary.pixels()[start] != 0) {
        continue;
      }
      int[] c = {w, h, -1, -1, 0};
      int top = 0;
      stack[top++] = start;
      seen[start] = true;
      while (top > 0) {
        int p = stack[--top];
        int x = p % w;
        int y = p / w;
        c[0] = Math.min(c[0], x);
        c[1] = Math.min(c[1], y);
        c[2] = Math.max(c[2], x);
        c[3] = Math.max(c[3], y);
        c[4]++;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[ny * w + nx] && binary.pixels()[ny * w + nx] == 0) {
              seen[ny * w + nx] = true;
              stack[top++] = ny * w + nx;
            }
          }
        }
      }
      out.add(c);
    }
    return out;
  }

  /** A crop read as a block scaled by {@code f}, the characters' boxes in the crop's pixels. */
  private static List<List<Symbol>> scaled(OcrEngine engine, Gray crop, double f) {
    BufferedImage big = new BufferedImage((int) (crop.width() * f), (int) (crop.height() * f),
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = big.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image(crop), 0, 0, big.getWidth(), big.getHeight(), null);
    g.dispose();
    List<List<Symbol>> out = new ArrayList<>();
    for (List<Symbol> line : engine.block(gray(big))) {
      List<Symbol> back = new ArrayList<>();
      for (Symbol s : line) {
        back.add(s.moved(f, 0, 0));
      }
      out.add(back);
    }
    return out;
  }

  /**
   * A line of running text without the punctuation the engine put in gaps with no ink of their own: it
   * fills the space between the words of a table without rulings with ” and 。 at 90% confidence, and the
   * borderless fallback then sees one word where the columns are.
   */
  static List<Symbol> withoutGhosts(List<Symbol> line, Gray binary) {
    List<Symbol> out = new ArrayList<>();
    for (int i = 0; i < line.size(); i++) {
      Symbol s = line.get(i);
      if (s.text().isEmpty() || Character.isLetterOrDigit(s.text().codePointAt(0))) {
        out.add(s);
        continue;
      }
      int from = s.x0();
      int to = s.x1();
      if (i > 0) {
        from = Math.max(from, line.get(i - 1).x1());
      }
      if (i + 1 < line.size()) {
        to = Math.min(to, line.get(i + 1).x0());
      }
      if (to <= from || ink(binary, from, s.y0(), to, s.y1()) >= GHOST_INK) {
        out.add(s);
      }
    }
    return out.isEmpty() ? line : out;
  }

  /**
   * Of the Chinese model's reading of a number and the one that stands after the Latin model read it, the
   * Chinese one where only it is a well-formed number (504410.06 against 5044.10.06) or where it has a minus
   * sign the other lacks and the cell's ink begins with a bar; otherwise the one that stands. The cell stays
   * doubtful either way: this only makes the value written more often the right one.
   */
  static List<Symbol> wellFormed(List<Symbol> chinese, List<Symbol> standing, Gray binary) {
    if (standing == chinese) {
      return standing;
    }
    String c = join(List.of(chinese)).replaceAll("\\s", "");
    String s = join(List.of(standing)).replaceAll("\\s", "");
    boolean cWell = WELL_FORMED.matcher(c).matches();
    boolean sWell = WELL_FORMED.matcher(s).matches();
    if (cWell && !sWell || cWell && c.equals("-" + s) && leadingMinus(binary)) {
      return chinese;
    }
    return standing;
  }

  /**
   * Whether the cell's ink begins with a minus sign: its leftmost part (specks ignored) a thin bar, shorter
   * than the rest of the ink is high, lying across the middle of it.
   */
  static boolean leadingMinus(Gray binary) {
    List<int[]> parts = new ArrayList<>(components(binary).stream().filter(c -> c[4] >= DASH_SPECK).toList());
    if (parts.size() < 2) {
      return false;
    }
    parts.sort(java.util.Comparator.comparingInt(c -> c[0]));
    int[] bar = parts.get(0);
    int top = Integer.MAX_VALUE;
    int bottom = Integer.MIN_VALUE;
    for (int[] c : parts.subList(1, parts.size())) {
      top = Math.min(top, c[1]);
      bottom = Math.max(bottom, c[3]);
    }
    int height = bottom - top + 1;
    int bw = bar[2] - bar[0] + 1;
    int bh = bar[3] - bar[1] + 1;
    double centre = (bar[1] + bar[3]) / 2.0;
    return bar[2] < parts.get(1)[0] && bh * 2 <= bw && bh * 4 <= height && bw <= height
        && centre > top + height * 0.25 && centre < bottom - height * 0.25;
  }

  /** A reading of digits only (separators allowed, one digit at least), every one of them read surely. */
  static boolean sureNumber(List<Symbol> line) {
    String t = join(List.of(line));
    return HAS_DIGIT.matcher(t).matches() && t.matches("[0-9][0-9,.]*") && minConfidence(line) >= SURE_DIGITS;
  }

  private static double minConfidence(List<Symbol> line) {
    return line.stream().mapToDouble(Symbol::confidence).min().orElse(0);
  }

  /**
   * A one-line number with its unit (３３件, 1 2) the engine split into words between two digits less than
   * a character's height apart, as one word; empty when there is no such split or the line is no number.
   */
  static Optional<List<Symbol>> glued(List<List<Symbol>> lines) {
    if (lines.size() != 1) {
      return Optional.empty();
    }
    List<Symbol> line = lines.get(0);
    String t = join(lines);
    if (!t.matches("[0-9][0-9,.]*\\p{IsHan}{0,2}")) {
      return Optional.empty();
    }
    int height = line.stream().mapToInt(s -> s.y1() - s.y0()).max().orElse(0);
    List<Symbol> out = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < line.size(); i++) {
      Symbol s = line.get(i);
      if (i > 0 && s.wordStart() && digit(s) && digit(line.get(i - 1)) && s.x0() - line.get(i - 1).x1() <= height) {
        s = new Symbol(s.text(), s.x0(), s.y0(), s.x1(), s.y1(), s.confidence(), s.alternatives(), false);
        changed = true;
      }
      out.add(s);
    }
    return changed ? Optional.of(out) : Optional.empty();
  }

  private static boolean digit(Symbol s) {
    return s.text().length() == 1 && Character.isDigit(s.text().charAt(0));
  }

  /** The reading of a cell after a second model read it: which line stands, and whether the two disagree. */
  record Second(List<Symbol> line, boolean disagree) {}

  /**
   * A cell read by the Chinese model ({@code first}) and read again as a number by the Latin one. The same
   * text (spaces aside) stands; a number the Chinese model read as one other character (a lone 5 as 村) is
   * replaced by the Latin reading when that is one sure digit; otherwise, where the two differ, the Latin
   * reading is taken (it reads printed digits better) and the cell is doubtful.
   */
  static Second second(List<Symbol> first, List<Symbol> latin) {
    String a = join(List.of(first)).replaceAll("\\s", "");
    String b = join(List.of(latin)).replaceAll("\\s", "");
    boolean number = numberLike(a);
    if (a.equals(b)) {
      return new Second(first, false);
    }
    if (!HAS_DIGIT.matcher(b).matches()) {
      return new Second(first, number);
    }
    if (!number && !(a.length() == 1 && b.length() == 1 && meanConfidence(List.of(latin)) >= SURE_DIGITS)) {
      return new Second(first, false);
    }
    return new Second(latin, true);
  }

  /** A number, perhaps with a digit misread as a letter that looks like one (S50, 1O, l2). */
  static boolean numberLike(String text) {
    return HAS_DIGIT.matcher(text).matches() && NUMERIC.matcher(LOOKALIKE.matcher(text).replaceAll("0")).matches();
  }

  /**
   * A line in large type (a title) read again scaled down to body size: the engine misreads characters
   * much taller than it was trained on. The line's height is its characters' usual one (the engine gives some
   * characters the whole line's box, which reaches into the next line); when the crop still catches part of a
   * neighbouring line, the row nearest the line read stands. A line the engine finds no line in is read raw.
   */
  static List<Symbol> large(OcrEngine engine, Gray page, List<Symbol> line) {
    int top = middle(line.stream().mapToInt(Symbol::y0).toArray());
    int bottom = middle(line.stream().mapToInt(Symbol::y1).toArray());
    int left = line.stream().mapToInt(Symbol::x0).min().orElseThrow();
    int right = line.stream().mapToInt(Symbol::x1).max().orElseThrow();
    int height = bottom - top;
    if (height < LARGE_PX) {
      return line;
    }
    int margin = height / 3;
    Gray crop = page.crop(left - margin, top - margin, right + margin, bottom + margin, 0);
    double f = BODY_PX / (double) height;
    BufferedImage small = new BufferedImage(Math.max(1, (int) (crop.width() * f)), Math.max(1, (int) (crop.height() * f)),
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image(crop), 0, 0, small.getWidth(), small.getHeight(), null);
    g.dispose();
    Gray scaled = gray(small);
    List<List<Symbol>> read = engine.line(scaled);
    if (read.isEmpty()) {
      read = engine.rawLine(scaled);
    }
    List<Symbol> again = nearestRow(rows(read), (top - Math.max(0, top - margin) + height / 2.0) * f);
    if (again.isEmpty()) {
      return line;
    }
    int ox = Math.max(0, left - margin);
    int oy = Math.max(0, top - margin);
    List<Symbol> out = new ArrayList<>();
    for (Symbol s : again) {
      Symbol back = new Symbol(s.text(), ox + (int) (s.x0() / f), oy + (int) (s.y0() / f), ox + (int) (s.x1() / f),
          oy + (int) (s.y1() / f), s.confidence(), s.alternatives());
      // a raw reading puts marks in the blank margin around the line: what lies outside the line is not there
      double centre = (back.x0() + back.x1()) / 2.0;
      if (centre >= left - margin / 2.0 && centre <= right + margin / 2.0) {
        out.add(back);
      }
    }
    return out.isEmpty() ? line : out;
  }

  /** The row whose characters' middle is nearest {@code y}; empty when there are none. */
  static List<Symbol> nearestRow(List<List<Symbol>> rows, double y) {
    List<Symbol> best = List.of();
    double distance = Double.MAX_VALUE;
    for (List<Symbol> r : rows) {
      double mid = rowMiddle(r);
      if (Math.abs(mid - y) < distance) {
        distance = Math.abs(mid - y);
        best = r;
      }
    }
    return best;
  }

  /** A row's middle: halfway between its characters' usual top and usual bottom. */
  static double rowMiddle(List<Symbol> row) {
    return (middle(row.stream().mapToInt(Symbol::y0).toArray()) + middle(row.stream().mapToInt(Symbol::y1).toArray()))
        / 2.0;
  }

  /** The median of some values (the upper one of an even count). */
  static int middle(int[] values) {
    int[] v = values.clone();
    java.util.Arrays.sort(v);
    return v[v.length / 2];
  }

  /** The cell's lowest character confidence, and each reading with one character swapped for its runner-up. */
  static Recognition recognition(List<List<Symbol>> lines) {
    double min = 100;
    List<Symbol> all = new ArrayList<>();
    lines.forEach(all::addAll);
    for (Symbol s : all) {
      min = Math.min(min, Math.max(0, s.confidence()));
    }
    List<String> alternatives = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      for (String alt : all.get(i).alternatives()) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < all.size(); j++) {
          b.append(j == i ? alt : all.get(j).text());
        }
        String s = b.toString();
        if (!alternatives.contains(s)) {
          alternatives.add(s);
        }
      }
    }
    return new Recognition(Math.min(100, min), alternatives);
  }

  /**
   * Whether the characters read span the cell's ink: the ink's leftmost and rightmost columns (specks
   * ignored) lie within half a character height of the first and last character's box.
   */
  static boolean covers(Gray binary, List<List<Symbol>> lines) {
    int left = Integer.MAX_VALUE;
    int right = Integer.MIN_VALUE;
    int height = 0;
    for (List<Symbol> l : lines) {
      for (Symbol s : l) {
        left = Math.min(left, s.x0());
        right = Math.max(right, s.x1());
        height = Math.max(height, s.y1() - s.y0());
      }
    }
    if (left > right) {
      return false;
    }
    int inkLeft = Integer.MAX_VALUE;
    int inkRight = Integer.MIN_VALUE;
    for (int x = 1; x < binary.width() - 1; x++) {
      int n = 0;
      for (int y = 1; y < binary.height() - 1; y++) {
        if (binary.at(x, y) == 0 && (binary.at(x - 1, y) == 0 || binary.at(x + 1, y) == 0
            || binary.at(x, y - 1) == 0 || binary.at(x, y + 1) == 0)) {
          n++;
        }
      }
      if (n >= 3) {
        inkLeft = Math.min(inkLeft, x);
        inkRight = Math.max(inkRight, x);
      }
    }
    if (inkLeft > inkRight) {
      return true;
    }
    int slack = Math.max(6, height / 2);
    return inkLeft >= left - slack && inkRight <= right + slack;
  }

  /**
   * The rows of a cell's text, {@code [top, bottom]}: runs of pixel rows with ink, specks of noise ignored,
   * gaps narrower than a stroke bridged.
   */
  static List<int[]> bands(Gray g) {
    int[] count = new int[g.height()];
    for (int y = 1; y < g.height() - 1; y++) {
      for (int x = 1; x < g.width() - 1; x++) {
        if (g.at(x, y) == 0 && (g.at(x - 1, y) == 0 || g.at(x + 1, y) == 0 || g.at(x, y - 1) == 0
            || g.at(x, y + 1) == 0)) {
          count[y]++;
        }
      }
    }
    List<int[]> bands = new ArrayList<>();
    int start = -1;
    int last = -1;
    for (int y = 0; y <= g.height(); y++) {
      boolean on = y < g.height() && count[y] >= 2;
      if (on) {
        if (start >= 0 && y - last > 3) {
          bands.add(new int[] {start, last});
          start = -1;
        }
        if (start < 0) {
          start = y;
        }
        last = y;
      }
    }
    if (start >= 0) {
      bands.add(new int[] {start, last});
    }
    // a band too thin for a character is a speck or a stray line end; it goes with its neighbour or away
    bands.removeIf(b -> b[1] - b[0] < 6);
    return bands;
  }

  /**
   * The characters regrouped into the rows they stand on: the engine sometimes reads the two lines of a
   * narrow cell as one line, interleaved.
   */
  static List<List<Symbol>> rows(List<List<Symbol>> lines) {
    List<Symbol> all = new ArrayList<>();
    lines.forEach(all::addAll);
    if (all.isEmpty()) {
      return List.of();
    }
    double height = all.stream().mapToInt(s -> s.y1() - s.y0()).sorted().skip(all.size() / 2).findFirst().orElse(1);
    List<Symbol> sorted = new ArrayList<>(all);
    sorted.sort(java.util.Comparator.comparingDouble(s -> (s.y0() + s.y1()) / 2.0));
    List<List<Symbol>> rows = new ArrayList<>();
    List<Symbol> row = new ArrayList<>();
    double centre = 0;
    for (Symbol s : sorted) {
      double c = (s.y0() + s.y1()) / 2.0;
      if (!row.isEmpty() && c - centre > Math.max(3, height * 0.6)) {
        rows.add(row);
        row = new ArrayList<>();
      }
      row.add(s);
      centre = row.stream().mapToDouble(x -> (x.y0() + x.y1()) / 2.0).average().orElse(c);
    }
    rows.add(row);
    // within a row the engine's order is the reading order; its character boxes may overlap
    for (List<Symbol> r : rows) {
      r.sort(java.util.Comparator.comparingInt(all::indexOf));
    }
    return rows;
  }

  private static String join(List<List<Symbol>> lines) {
    StringBuilder b = new StringBuilder();
    for (List<Symbol> line : lines) {
      for (Symbol s : line) {
        b.append(s.text());
      }
    }
    return b.toString();
  }

  /** A line's characters as texts in points; their size from the line's height. */
  static void addLine(List<Symbol> line, int dx, int dy, Recognition rec, List<ScannedPage.Text> out,
      double pt) {
    if (line.isEmpty()) {
      return;
    }
    int top = Integer.MAX_VALUE;
    int bottom = Integer.MIN_VALUE;
    for (Symbol s : line) {
      top = Math.min(top, s.y0());
      bottom = Math.max(bottom, s.y1());
    }
    double size = Math.max(4, (bottom - top) / 0.85 * pt);
    double baseline = (bottom + dy) * pt;
    // the engine's order is the reading order; the layout orders by position, so positions must agree
    double last = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < line.size(); i++) {
      Symbol s = line.get(i);
      double x = Math.max((s.x0() + dx) * pt, last + 0.01);
      last = x;
      int right = s.x1();
      if (rec != null && i + 1 < line.size() && !line.get(i + 1).wordStart()) {
        // the engine's boxes of a word's characters are often narrower than their ink (a 6 of 60 boxed at a
        // third of its width): characters of one word touch, so the layout puts no space between them
        right = Math.max(right, line.get(i + 1).x0());
      }
      out.add(new ScannedPage.Text(s.text(), x, baseline, Math.max(0, (right - s.x0()) * pt), size, rec));
    }
  }

  private static int ink(Gray g, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = Math.max(1, y0); y < Math.min(g.height() - 1, y1); y++) {
      for (int x = Math.max(1, x0); x < Math.min(g.width() - 1, x1); x++) {
        if (g.at(x, y) == 0) {
          // a speck of noise has no inked neighbour
          int nb = (g.at(x - 1, y) == 0 ? 1 : 0) + (g.at(x + 1, y) == 0 ? 1 : 0) + (g.at(x, y - 1) == 0 ? 1 : 0)
              + (g.at(x, y + 1) == 0 ? 1 : 0);
          if (nb >= 2) {
            n++;
          }
        }
      }
    }
    return n;
  }

  // ---- image preparation ----

  private static BufferedImage scaleTo(BufferedImage image, double dpi) {
    if (Math.abs(dpi - DPI) < 1) {
      return image;
    }
    double f = DPI / dpi;
    int w = Math.max(1, (int) Math.round(image.getWidth() * f));
    int h = Math.max(1, (int) Math.round(image.getHeight() * f));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  private static Gray gray(BufferedImage image) {
    BufferedImage g = image;
    if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
      g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D gr = g.createGraphics();
      gr.setColor(Color.WHITE);
      gr.fillRect(0, 0, g.getWidth(), g.getHeight());
      gr.drawImage(image, 0, 0, null);
      gr.dispose();
    }
    byte[] data = ((DataBufferByte) g.getRaster().getDataBuffer()).getData();
    int w = g.getWidth();
    int h = g.getHeight();
    byte[] copy;
    int stride = g.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel m
        ? m.getScanlineStride() : w;
    if (stride == w && data.length == w * h) {
      copy = data.clone();
    } else {
      copy = new byte[w * h];
      for (int y = 0; y < h; y++) {
        System.arraycopy(data, y * stride, copy, y * w, w);
      }
    }
    return new Gray(copy, w, h, DPI);
  }

  private static BufferedImage image(Gray g) {
    BufferedImage out = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    System.arraycopy(g.pixels(), 0, data, 0, data.length);
    return out;
  }

  /**
   * The page's grey levels: Otsu's threshold between ink and paper, the ink's level (median of the pixels
   * at or below it) and the paper's (median of those above).
   */
  static int[] levels(Gray g) {
    int[] hist = new int[256];
    for (byte b : g.pixels()) {
      hist[b & 0xFF]++;
    }
    int t = otsu(hist, g.pixels().length);
    return new int[] {t, median(hist, 0, t), median(hist, t + 1, 255)};
  }

  private static int median(int[] hist, int from, int to) {
    long n = 0;
    for (int i = from; i <= to; i++) {
      n += hist[i];
    }
    long half = n / 2;
    long seen = 0;
    for (int i = from; i <= to; i++) {
      seen += hist[i];
      if (seen > half) {
        return i;
      }
    }
    return to;
  }

  /** Otsu's threshold over the page's histogram: works for faint copies as for dark ones. */
  static boolean[] binarise(Gray g) {
    int threshold = levels(g)[0];
    boolean[] ink = new boolean[g.pixels().length];
    byte[] p = g.pixels();
    for (int i = 0; i < ink.length; i++) {
      ink[i] = (p[i] & 0xFF) <= threshold;
    }
    return ink;
  }

  private static int otsu(int[] hist, int total) {
    double sum = 0;
    for (int i = 0; i < 256; i++) {
      sum += (double) i * hist[i];
    }
    double sumB = 0;
    int wB = 0;
    double best = -1;
    int threshold = 128;
    for (int t = 0; t < 256; t++) {
      wB += hist[t];
      if (wB == 0) {
        continue;
      }
      int wF = total - wB;
      if (wF == 0) {
        break;
      }
      sumB += (double) t * hist[t];
      double mB = sumB / wB;
      double mF = (sum - sumB) / wF;
      double between = (double) wB * wF * (mB - mF) * (mB - mF);
      if (between > best) {
        best = between;
        threshold = t;
      }
    }
    return threshold;
  }


  /**
   * Upright: the engine reads a band of the page both ways up; the way that gives more of the words these
   * reports are made of wins (upside-down Chinese is read as other characters, often confidently), else the
   * more confident reading. A page read well neither way may lie on its side and is tried a quarter turned.
   */
  private static Gray upright(Gray g) {
    double turn = uprightTurn(g);
    if (turn == 0) {
      return g;
    }
    return turn == Math.PI ? rotate(g, Math.PI) : rotate(rotate(g, Math.PI / 2), turn - Math.PI / 2);
  }

  /** The turn (radians: 0, π, π/2 or 3π/2) that puts the page upright. */
  static double uprightTurn(Gray g) {
    OcrEngine engine = OcrEngine.get();
    Gray band = sample(g);
    Reading up = Reading.of(engine.page(band));
    if (up.plainlyUpright()) {
      return 0;
    }
    Reading down = Reading.of(engine.page(rotate(band, Math.PI)));
    int byWords = up.compareWords(down);
    if (byWords != 0) {
      return byWords > 0 ? 0 : Math.PI;
    }
    if (Math.max(up.score(), down.score()) >= CONFIDENT_UPRIGHT) {
      return down.score() > up.score() + 5 ? Math.PI : 0;
    }
    // neither way up reads well: the page may lie on its side
    Gray quarter = rotate(g, Math.PI / 2);
    Gray side = sample(quarter);
    Reading left = Reading.of(engine.page(side));
    Reading right = Reading.of(engine.page(rotate(side, Math.PI)));
    Reading best = up;
    for (Reading r : List.of(down, left, right)) {
      if (r.compareWords(best) > 0 || r.compareWords(best) == 0 && r.score() > best.score() + 5) {
        best = r;
      }
    }
    if (best == up) {
      return 0;
    }
    if (best == down) {
      return Math.PI;
    }
    return best == left ? Math.PI / 2 : Math.PI * 3 / 2;
  }

  /**
   * A reading of a page sample: its mean confidence (0 when too little was read to judge) and how many of
   * its characters are among the commonest of these reports.
   */
  record Reading(double score, int common, int total) {
    /** The characters these reports use most (counted over the golden corpus), upright. */
    static final String COMMON = "政公开信件息府年行数请申结理第一项其情人本不务二他果和况的三法要复计处关新报办量作条于主度告总内四机"
        + "正动未制及规审诉业收工议容国属发为事中费加网民持定求等性在会十查提目保五全市体时维站日建社强形问题通期重上纠门范部据以策设";

    static Reading of(List<List<Symbol>> lines) {
      int common = 0;
      for (List<Symbol> l : lines) {
        for (Symbol s : l) {
          if (s.text().length() == 1 && COMMON.indexOf(s.text().charAt(0)) >= 0) {
            common++;
          }
        }
      }
      int total = count(lines);
      return new Reading(total < 5 ? 0 : meanConfidence(lines), common, total);
    }

    /**
     * Many of the characters read are common ones: a page read upside down gives a few (一, 二 and 十 look
     * the same both ways), never a third.
     */
    boolean plainlyUpright() {
      return common >= 30 && common * 3 >= total;
    }

    /**
     * Positive when this reading has clearly more of the common characters than the other (a tenth more of
     * what it read, and ten at least), negative when the other has; 0 when the characters do not decide.
     */
    int compareWords(Reading other) {
      double mine = share();
      double theirs = other.share();
      if (common >= 10 && mine >= theirs + 0.1) {
        return 1;
      }
      return other.common >= 10 && theirs >= mine + 0.1 ? -1 : 0;
    }

    private double share() {
      return total == 0 ? 0 : common / (double) total;
    }
  }

  /**
   * The inkiest two fifths of the page (the rows with most dark pixels, so a page whose text is all at one
   * end still shows it) at half the resolution: enough text to judge which way is up.
   */
  static Gray sample(Gray g) {
    int h = g.height();
    int w = g.width();
    int threshold = levels(g)[0];
    long[] rows = new long[h + 1];
    byte[] p = g.pixels();
    for (int y = 0; y < h; y++) {
      int n = 0;
      for (int x = 0; x < w; x += 2) {
        if ((p[y * w + x] & 0xFF) <= threshold) {
          n++;
        }
      }
      rows[y + 1] = rows[y] + n;
    }
    int span = h * 2 / 5;
    int best = h / 5;
    long most = -1;
    for (int y = 0; y + span <= h; y += 8) {
      long n = rows[y + span] - rows[y];
      if (n > most) {
        most = n;
        best = y;
      }
    }
    Gray band = g.crop(0, best, w, best + span, 0);
    BufferedImage small = scaleTo(image(band), DPI * 2.0);
    Gray s = gray(small);
    return new Gray(s.pixels(), s.width(), s.height(), DPI / 2);
  }

  private static int count(List<List<Symbol>> lines) {
    return lines.stream().mapToInt(List::size).sum();
  }

  private static double meanConfidence(List<List<Symbol>> lines) {
    double sum = 0;
    int n = 0;
    for (List<Symbol> l : lines) {
      for (Symbol s : l) {
        sum += s.confidence();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** Turned by {@code -skew}, the angle whose projection of the ink on the vertical is the sharpest. */
  private static Gray straighten(Gray g) {
    boolean[] ink = binarise(g);
    int w = g.width();
    int h = g.height();
    List<int[]> points = new ArrayList<>();
    for (int y = 0; y < h; y += 3) {
      for (int x = 0; x < w; x += 3) {
        if (ink[y * w + x]) {
          points.add(new int[] {x, y});
        }
      }
    }
    if (points.size() < 100) {
      return g;
    }
    double best = 0;
    double bestScore = -1;
    for (double a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += 0.25) {
      double s = projection(points, a, h, w);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    double coarse = best;
    for (double a = coarse - 0.25; a <= coarse + 0.25 + 1e-9; a += 0.05) {
      double s = projection(points, a, h, w);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    if (Math.abs(best) < 0.05) {
      return g;
    }
    return rotate(g, Math.toRadians(-best));
  }

  private static double projection(List<int[]> points, double degrees, int h, int w) {
    double t = Math.tan(Math.toRadians(degrees));
    int off = (int) Math.ceil(Math.abs(t) * w) + 1;
    long[] bins = new long[(h + 2 * off) / 2 + 2];
    for (int[] p : points) {
      int y = (int) Math.round(p[1] - p[0] * t) + off;
      bins[y / 2]++;
    }
    double s = 0;
    for (long b : bins) {
      s += (double) b * b;
    }
    return s;
  }

  /** Rotated about its centre; a quarter turn swaps width and height; the corners filled white. */
  static Gray rotate(Gray g, double radians) {
    boolean quarter = Math.abs(Math.abs(radians) - Math.PI / 2) < 1e-6;
    int w = quarter ? g.height() : g.width();
    int h = quarter ? g.width() : g.height();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D gr = out.createGraphics();
    gr.setColor(Color.WHITE);
    gr.fillRect(0, 0, w, h);
    gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    AffineTransform t = new AffineTransform();
    t.translate(w / 2.0, h / 2.0);
    t.rotate(radians);
    t.translate(-g.width() / 2.0, -g.height() / 2.0);
    gr.drawImage(image(g), t, null);
    gr.dispose();
    Gray r = gray(out);
    return new Gray(r.pixels(), r.width(), r.height(), g.dpi());
  }

  // ---- ruling lines and cells ----

  /**
   * The pixels of ruling lines: runs of ink at least {@link #MIN_RULE_IN} long across, grouped into lines
   * whose usual thickness (the median over their length, so a line left slightly slanted by the copier or a
   * character touching it still counts) is at most {@link #MAX_RULE_THICK_IN}; their boxes
   * {@code [x0,y0,x1,y1]} go to the two lists, their runs' pixels to the mask.
   */
  private static boolean[] rulings(boolean[] ink, int w, int h, List<int[]> hOut, List<int[]> vOut) {
    int minLen = (int) (MIN_RULE_IN * DPI);
    int maxThick = (int) Math.ceil(MAX_RULE_THICK_IN * DPI);
    int gap = 3;
    boolean[] mask = new boolean[w * h];
    java.util.Map<int[], List<int[]>> runsOf = new java.util.IdentityHashMap<>();
    for (boolean horizontal : new boolean[] {true, false}) {
      List<int[]> out = horizontal ? hOut : vOut;
      for (List<int[]> line : group(runs(ink, w, h, horizontal, minLen, gap))) {
        if (thickness(line) <= maxThick) {
          int[] box = box(line, horizontal);
          out.add(box);
          runsOf.put(box, line);
        }
      }
    }
    // a vertical line stands on a horizontal one: strokes of large type do not
    int tol = maxThick * 2;
    vOut.removeIf(v -> hOut.stream().noneMatch(hh -> v[0] >= hh[0] - tol && v[0] <= hh[2] + tol
        && v[1] - tol <= hh[3] && v[3] + tol >= hh[1]));
    hOut.removeIf(hh -> vOut.stream().noneMatch(v -> v[0] >= hh[0] - tol && v[0] <= hh[2] + tol
        && v[1] - tol <= hh[3] && v[3] + tol >= hh[1]));
    withoutSmallFrames(hOut, vOut, tol);
    for (List<int[]> boxes : List.of(hOut, vOut)) {
      boolean horizontal = boxes == hOut;
      for (int[] b : boxes) {
        for (int[] r : runsOf.get(b)) {
          for (int i = r[1]; i <= r[2]; i++) {
            if (horizontal) {
              mark(mask, w, h, i, r[0]);
            } else {
              mark(mask, w, h, r[0], i);
            }
          }
        }
      }
    }
    return mask;
  }

  /**
   * Removes the lines of frames smaller than {@link #MIN_TABLE_IN} both ways: the strokes of a character in
   * large type (口 in 信, 日 in 告 of a bold title) cross like ruling lines, but every table is wider.
   */
  static void withoutSmallFrames(List<int[]> hs, List<int[]> vs, int tol) {
    List<int[]> all = new ArrayList<>(hs);
    all.addAll(vs);
    int n = all.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < hs.size(); i++) {
      int[] hh = hs.get(i);
      for (int j = hs.size(); j < n; j++) {
        int[] v = all.get(j);
        if (v[0] >= hh[0] - tol && v[0] <= hh[2] + tol && v[1] - tol <= hh[3] && v[3] + tol >= hh[1]) {
          union(parent, i, j);
        }
      }
    }
    int[] box = new int[4 * n];
    java.util.Arrays.fill(box, -1);
    for (int i = 0; i < n; i++) {
      int r = find(parent, i) * 4;
      int[] b = all.get(i);
      box[r] = box[r] < 0 ? b[0] : Math.min(box[r], b[0]);
      box[r + 1] = box[r + 1] < 0 ? b[1] : Math.min(box[r + 1], b[1]);
      box[r + 2] = Math.max(box[r + 2], b[2]);
      box[r + 3] = Math.max(box[r + 3], b[3]);
    }
    int min = (int) (MIN_TABLE_IN * DPI);
    java.util.Set<int[]> small = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int i = 0; i < n; i++) {
      int r = find(parent, i) * 4;
      if (box[r + 2] - box[r] < min && box[r + 3] - box[r + 1] < min) {
        small.add(all.get(i));
      }
    }
    hs.removeIf(small::contains);
    vs.removeIf(small::contains);
  }

  /**
   * A line's usual thickness: at each position along it, how many of its runs cover that position; the
   * median of those counts.
   */
  static int thickness(List<int[]> line) {
    int from = Integer.MAX_VALUE;
    int to = Integer.MIN_VALUE;
    for (int[] r : line) {
      from = Math.min(from, r[1]);
      to = Math.max(to, r[2]);
    }
    int[] cover = new int[to - from + 2];
    for (int[] r : line) {
      cover[r[1] - from]++;
      cover[r[2] - from + 1]--;
    }
    int[] counts = new int[to - from + 1];
    int c = 0;
    for (int i = 0; i < counts.length; i++) {
      c += cover[i];
      counts[i] = c;
    }
    java.util.Arrays.sort(counts);
    return counts[counts.length / 2];
  }

  /** The box {@code [x0,y0,x1,y1]} of a line's runs. */
  private static int[] box(List<int[]> line, boolean horizontal) {
    int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
    for (int[] r : line) {
      int x0 = horizontal ? r[1] : r[0];
      int x1 = horizontal ? r[2] : r[0];
      int y0 = horizontal ? r[0] : r[1];
      int y1 = horizontal ? r[0] : r[2];
      b[0] = Math.min(b[0], x0);
      b[1] = Math.min(b[1], y0);
      b[2] = Math.max(b[2], x1);
      b[3] = Math.max(b[3], y1);
    }
    return b;
  }

  /** Marks a pixel and its four neighbours (anti-aliased edges of a line). */
  private static void mark(boolean[] mask, int w, int h, int x, int y) {
    mask[y * w + x] = true;
    if (x > 0) {
      mask[y * w + x - 1] = true;
    }
    if (x + 1 < w) {
      mask[y * w + x + 1] = true;
    }
    if (y > 0) {
      mask[(y - 1) * w + x] = true;
    }
    if (y + 1 < h) {
      mask[(y + 1) * w + x] = true;
    }
  }

  /** Runs {@code [line, from, to]} of ink (gaps up to {@code gap} bridged) at least {@code min} long. */
  private static List<int[]> runs(boolean[] ink, int w, int h, boolean horizontal, int min, int gap) {
    List<int[]> out = new ArrayList<>();
    int lines = horizontal ? h : w;
    int len = horizontal ? w : h;
    for (int l = 0; l < lines; l++) {
      int start = -1;
      int last = -1;
      for (int i = 0; i <= len; i++) {
        boolean on = i < len && (horizontal ? ink[l * w + i] : ink[i * w + l]);
        if (on) {
          if (start < 0 || i - last > gap + 1) {
            if (start >= 0 && last - start + 1 >= min) {
              out.add(new int[] {l, start, last});
            }
            start = i;
          }
          last = i;
        }
      }
      if (start >= 0 && last - start + 1 >= min) {
        out.add(new int[] {l, start, last});
      }
    }
    return out;
  }

  /** Runs on neighbouring lines that overlap joined into one line's runs. */
  static List<List<int[]>> group(List<int[]> runs) {
    int n = runs.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    // runs are sorted by line; compare with runs of the previous two lines
    int startPrev = 0;
    for (int i = 0; i < n; i++) {
      int[] r = runs.get(i);
      while (startPrev < i && runs.get(startPrev)[0] < r[0] - 2) {
        startPrev++;
      }
      for (int j = startPrev; j < i; j++) {
        int[] q = runs.get(j);
        if (q[0] < r[0] && q[1] <= r[2] && r[1] <= q[2]) {
          union(parent, i, j);
        }
      }
    }
    java.util.Map<Integer, List<int[]>> lines = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      lines.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(runs.get(i));
    }
    return new ArrayList<>(lines.values());
  }

  private static int find(int[] p, int i) {
    while (p[i] != i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }

  private static void union(int[] p, int a, int b) {
    int ra = find(p, a);
    int rb = find(p, b);
    if (ra != rb) {
      p[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /**
   * The cells: regions enclosed by ruling lines, found on a quarter-size map of the lines. A table open at
   * its top or bottom (continued over a page break) is closed along its vertical lines' ends for this.
   */
  private static List<int[]> cells(boolean[] lines, List<int[]> hs, List<int[]> vs, int w, int h) {
    int f = 4;
    int sw = (w + f - 1) / f;
    int sh = (h + f - 1) / f;
    boolean[] wall = new boolean[sw * sh];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (lines[y * w + x]) {
          wall[(y / f) * sw + x / f] = true;
        }
      }
    }
    // close open tops and bottoms: join the ends of vertical lines that end at the same height
    for (int end = 0; end < 2; end++) {
      List<int[]> sorted = new ArrayList<>(vs);
      final int e = end;
      sorted.sort((a, b) -> Integer.compare(e == 0 ? a[1] : a[3], e == 0 ? b[1] : b[3]));
      int i = 0;
      while (i < sorted.size()) {
        int y = e == 0 ? sorted.get(i)[1] : sorted.get(i)[3];
        int j = i;
        int minX = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        while (j < sorted.size() && Math.abs((e == 0 ? sorted.get(j)[1] : sorted.get(j)[3]) - y) <= 12) {
          minX = Math.min(minX, sorted.get(j)[0]);
          maxX = Math.max(maxX, sorted.get(j)[2]);
          j++;
        }
        if (j - i >= 2) {
          for (int x = minX; x <= maxX; x++) {
            wall[(y / f) * sw + x / f] = true;
          }
        }
        i = j;
      }
    }
    int[] label = new int[sw * sh];
    List<int[]> out = new ArrayList<>();
    int min = (int) (MIN_CELL_IN * DPI);
    int next = 0;
    int[] stack = new int[sw * sh];
    for (int start = 0; start < sw * sh; start++) {
      if (wall[start] || label[start] != 0) {
        continue;
      }
      next++;
      int top = 0;
      stack[top++] = start;
      label[start] = next;
      int x0 = Integer.MAX_VALUE;
      int y0 = Integer.MAX_VALUE;
      int x1 = -1;
      int y1 = -1;
      boolean border = false;
      while (top > 0) {
        int p = stack[--top];
        int x = p % sw;
        int y = p / sw;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
        if (x == 0 || y == 0 || x == sw - 1 || y == sh - 1) {
          border = true;
        }
        int[] nb = {p - 1, p + 1, p - sw, p + sw};
        for (int k = 0; k < 4; k++) {
          int q = nb[k];
          if ((k == 0 && x == 0) || (k == 1 && x == sw - 1) || q < 0 || q >= sw * sh) {
            continue;
          }
          if (!wall[q] && label[q] == 0) {
            label[q] = next;
            stack[top++] = q;
          }
        }
      }
      int cw = (x1 - x0 + 1) * f;
      int ch = (y1 - y0 + 1) * f;
      if (!border && cw >= min && ch >= min && cw < w * 0.95 && ch < h * 0.9) {
        out.add(new int[] {x0 * f, y0 * f, Math.min(w, (x1 + 1) * f), Math.min(h, (y1 + 1) * f)});
      }
    }
    return out;
  }
}
