package org.nianbao.read.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.nianbao.normalize.TextForms;
import org.nianbao.read.pdf.PdfReader;
import org.nianbao.source.Box;
import org.nianbao.source.Cell;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

/**
 * Tesseract (as the scan reader uses it) against a PP-OCR recognition model on the table cells of the golden
 * corpus PDFs and the real PDFs, read from copier-like scans of their pages. Not a unit test: run by hand
 * (the README's "Scanned reports (OCR)" gives the commands and the measured table).
 *
 * <p>The truth of each cell is the text PDF's own: the PDF reader's grid gives every cell's box and text.
 * The same page is rendered at the fixture's resolution, degraded as {@code corpus/scans/make-scans.sh}
 * degrades it (skew, blur, low contrast, noise, JPEG at quality 40), scaled to 300 dpi as the scan reader
 * scales images and turned back by the skew, so each cell's box can be cut out of it; the crop is prepared as
 * {@link Scanner} prepares it (grey stretched between the ink's and the paper's level, lines of text found
 * by {@link Scanner#bands}). Cells whose truth is a number go to the digit count, cells with Chinese
 * characters to the label count; others are left out.
 *
 * <p>Arguments: {@code MODEL.onnx KEYS.txt [HEIGHT] [PDF...]}; HEIGHT is the model's input height (48 for
 * PP-OCRv4, 32 for v3); without PDFs the seven {@code corpus/documents/pdf-*.pdf} and the two real PDFs.
 * Misreadings go to {@code target/ocr-compare.txt}. With {@code -Docr.compare.bilevel=true} the pages are
 * made black and white as make-scans.sh makes its TIFF, instead of grey JPEG copies.
 */
public final class OcrCompare {
  private static final Pattern NUMBER = Pattern.compile("[0-9][0-9,.]*|[0-9]*\\.[0-9]+");
  private static final Pattern HAN = Pattern.compile(".*\\p{IsHan}.*");
  private static final Pattern WITH_UNIT = Pattern.compile("[0-9][0-9,.]*[件个人次项条]");
  private static final Pattern UNIT = Pattern.compile("[件个人次项条]$");
  private static final int DPI = Scanner.DPI;
  private static final int INSET = 6;
  private static final int MARGIN = 12;
  private static final String DIGIT_SET = OcrEngine.DIGITS;
  // the scan reader's rule for re-reading a cell with the digit set (Scanner.readCell)
  private static final Pattern SCANNER_NUMERIC = Pattern.compile("[0-9,.，。．\\-—–/\\s|]*");
  private static final Pattern HAS_DIGIT = Pattern.compile(".*[0-9].*");
  private static final int SHORT = 3;
  private static final double SURE_DIGITS = 85;
  /** The scan reader's doubt threshold (lowest character confidence). */
  private static final double DOUBT = 93;

  private OcrCompare() {}

  /** Running totals of one engine on one kind of cell. */
  private static final class Tally {
    int cells;
    int exact;
    long truthChars;
    long errors;
    long nanos;

    int wrongSure;
    int rightDoubtful;
    double worstWrong = -1;
    final List<Double> rightConfidences = new ArrayList<>();

    void add(String truth, String read, long time) {
      add(truth, read, 100, time);
    }

    /** {@code confidence}: the reading's lowest character confidence, as the doubt threshold takes it. */
    void add(String truth, String read, double lowest, long time) {
      // nothing read from a cell with ink is no silent error: the cell comes out empty
      double confidence = read.isEmpty() ? 0 : lowest;
      cells++;
      if (truth.equals(read)) {
        exact++;
        rightConfidences.add(confidence);
        if (confidence < DOUBT) {
          rightDoubtful++;
        }
      } else {
        worstWrong = Math.max(worstWrong, confidence);
        if (confidence >= DOUBT) {
          wrongSure++;
        }
      }
      truthChars += truth.length();
      errors += Math.min(truth.length(), TextForms.distance(truth, read, Integer.MAX_VALUE));
      nanos += time;
    }

    /**
     * The doubt a threshold brings: wrong readings at or above {@link #DOUBT} (silent unless an identity
     * fails), right ones below it (doubted for nothing), and the share of right readings that a threshold
     * just above the most confident wrong reading would doubt.
     */
    String doubt(String engine) {
      double above = worstWrong;
      long doubtedAll = rightConfidences.stream().filter(c -> c <= above).count();
      return String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %.1f | %.1f%% |", engine, cells - exact, wrongSure,
          rightDoubtful * 100.0 / Math.max(1, exact), worstWrong, doubtedAll * 100.0 / Math.max(1, exact));
    }

    String row(String engine, String kind, int pages) {
      return String.format(Locale.ROOT, "| %s | %s | %d | %.1f%% | %.1f%% | %.1f | %.0f |", engine, kind, cells,
          100.0 * exact / Math.max(1, cells), 100.0 * (truthChars - errors) / Math.max(1, truthChars),
          nanos / 1e6 / Math.max(1, cells), nanos / 1e6 / Math.max(1, pages));
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: OcrCompare MODEL.onnx KEYS.txt [HEIGHT] [PDF...]");
      System.exit(2);
    }
    int argi = 2;
    int height = 48;
    if (args.length > 2 && args[2].matches("\\d+")) {
      height = Integer.parseInt(args[2]);
      argi = 3;
    }
    List<Path> pdfs = new ArrayList<>();
    for (int i = argi; i < args.length; i++) {
      pdfs.add(Path.of(args[i]));
    }
    if (pdfs.isEmpty()) {
      try (Stream<Path> s = Files.list(Path.of("corpus/documents"))) {
        s.filter(p -> p.getFileName().toString().matches("pdf-.*\\.pdf")).sorted().forEach(pdfs::add);
      }
      try (Stream<Path> s = Files.list(Path.of("corpus/real/corpus-real"))) {
        s.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted().forEach(pdfs::add);
      }
    }
    Tally tessDigits = new Tally();
    Tally tessLabels = new Tally();
    Tally paddleDigits = new Tally();
    Tally tessDigitSet = new Tally();
    Tally paddleDigitSet = new Tally();
    Tally paddleLabels = new Tally();
    int pages = 0;
    OcrEngine tesseract = OcrEngine.get();
    Path report = Path.of("target/ocr-compare.txt");
    Files.createDirectories(report.getParent());
    try (PaddleRec paddle = new PaddleRec(Path.of(args[0]), Path.of(args[1]), height);
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
      warmUp(tesseract, paddle);
      int seed = 0;
      for (Path pdf : pdfs) {
        seed++;
        int dpi = resolution(pdf);
        SourceDocument doc = new PdfReader().read(Files.readAllBytes(pdf), pdf.toString(), "pdf");
        List<Page> images = scans(pdf, dpi, seed);
        pages += images.size();
        int before = tessDigits.cells + tessLabels.cells;
        for (TableBlock table : doc.tables()) {
          for (List<Cell> row : table.rows()) {
            for (Cell cell : row) {
              Box box = cell.ref().box();
              int page = cell.ref().page();
              if (cell.isCopy() || cell.isBlank() || !box.isPresent() || page < 1 || page > images.size()) {
                continue;
              }
              String truth = value(normal(cell.text()));
              boolean digits = NUMBER.matcher(truth).matches();
              if (!digits && !HAN.matcher(truth).matches()) {
                continue;
              }
              Crop crop = crop(images.get(page - 1), box);
              if (crop == null) {
                continue;
              }
              String where = pdf.getFileName() + " p" + page + " " + cell.ref().locator();
              if (digits) {
                long t0 = System.nanoTime();
                PaddleRec.Reading tr = tesseractCell(tesseract, crop);
                String t = value(tr.text());
                long t1 = System.nanoTime();
                PaddleRec.Reading pr = paddleCell(paddle, crop);
                String p = value(pr.text());
                long t2 = System.nanoTime();
                String td = value(tesseractDigits(tesseract, crop));
                long t3 = System.nanoTime();
                String pd = value(normal(paddle(paddle, crop, DIGIT_SET).text()));
                long t4 = System.nanoTime();
                tessDigits.add(truth, t, tr.lowest(), t1 - t0);
                paddleDigits.add(truth, p, pr.lowest(), t2 - t1);
                tessDigitSet.add(truth, td, t3 - t2);
                paddleDigitSet.add(truth, pd, t4 - t3);
                log(log, where, truth, t, p, td + "\tpaddle-digit-set=" + pd);
                dump(crop, where, !truth.equals(t) || !truth.equals(p));
              } else {
                long t0 = System.nanoTime();
                String t = tesseractCell(tesseract, crop).text();
                long t1 = System.nanoTime();
                String p = paddleCell(paddle, crop).text();
                long t2 = System.nanoTime();
                tessLabels.add(truth, t, t1 - t0);
                paddleLabels.add(truth, p, t2 - t1);
                log(log, where, truth, t, p, null);
                dump(crop, where, !truth.equals(t) || !truth.equals(p));
              }
            }
          }
        }
        System.out.printf(Locale.ROOT, "%s: %d pages at %d dpi, %d cells%n", pdf.getFileName(), images.size(), dpi,
            tessDigits.cells + tessLabels.cells - before);
      }
    }
    System.out.println();
    System.out.println("| engine | cells | n | exact | characters right | ms per cell | ms per page |");
    System.out.println("|---|---|---|---|---|---|---|");
    System.out.println(tessDigits.row("Tesseract chi_sim", "numbers", pages));
    System.out.println(paddleDigits.row("PP-OCRv4 rec", "numbers", pages));
    System.out.println(tessLabels.row("Tesseract chi_sim", "labels", pages));
    System.out.println(paddleLabels.row("PP-OCRv4 rec", "labels", pages));
    System.out.println(tessDigitSet.row("Tesseract, digit set only", "numbers", pages));
    System.out.println(paddleDigitSet.row("PP-OCRv4 rec, digit set only", "numbers", pages));
    System.out.println();
    System.out.println("| numbers | wrong | wrong, confidence >= " + (int) DOUBT + " | right, below it "
        + "| most confident wrong | right at or below that |");
    System.out.println(tessDigits.doubt("Tesseract chi_sim"));
    System.out.println(paddleDigits.doubt("PP-OCRv4 rec"));
    System.out.printf(Locale.ROOT, "%d pages; misreadings in %s%n", pages, report);
  }

  /** A page ready for cropping, with its ink threshold. */
  private record Page(Gray grey, int threshold) {}

  /** A cell's crop: the stretched grey image with a white margin, and its binary twin for the bands. */
  private record Crop(Gray grey, Gray binary) {}

  private static void warmUp(OcrEngine tesseract, PaddleRec paddle) throws Exception {
    byte[] white = new byte[200 * 60];
    java.util.Arrays.fill(white, (byte) 0xFF);
    for (int x = 80; x < 90; x++) {
      for (int y = 15; y < 45; y++) {
        white[y * 200 + x] = 0;
      }
    }
    Gray g = new Gray(white, 200, 60, DPI);
    for (int i = 0; i < 3; i++) {
      tesseract.digits(g);
      tesseract.line(g);
      paddle.read(g, null);
      paddle.read(g, DIGIT_SET);
    }
  }

  /** The resolution make-scans.sh renders the fixture of this PDF at. */
  private static int resolution(Path pdf) {
    String name = pdf.getFileName().toString();
    if (name.equals("pdf-2021-split.pdf")) {
      return 300;
    }
    return name.equals("pdf-2019-caption-foot.pdf") ? 150 : 200;
  }

  /**
   * The pages as the scan reader gets them from a copier: rendered, degraded and skewed by ImageMagick as
   * make-scans.sh does, scaled to 300 dpi, turned back and cut to the page's size.
   */
  private static List<Page> scans(Path pdf, int dpi, int seed) throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("ocr-compare");
    try {
      run("pdftoppm", "-r", Integer.toString(dpi), "-gray", "-png", pdf.toString(), tmp.resolve("p").toString());
      List<Path> pngs;
      try (Stream<Path> s = Files.list(tmp)) {
        pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
      }
      List<Page> out = new ArrayList<>();
      Random random = new Random(seed);
      for (int i = 0; i < pngs.size(); i++) {
        Path png = pngs.get(i);
        double angle = Math.round((random.nextDouble() * 3 - 1.5) * 100) / 100.0;
        Path jpg = tmp.resolve(png.getFileName() + ".jpg");
        String turn = String.format(Locale.ROOT, "%.2f", angle);
        if (Boolean.getBoolean("ocr.compare.bilevel")) {
          // as make-scans.sh makes the bilevel TIFF: noise, then black and white at 60 %
          run("/usr/bin/convert", png.toString(), "-seed", Integer.toString(seed * 31 + i), "-background", "white",
              "-rotate", turn, "+repage", "-attenuate", "0.2", "+noise", "Gaussian", "-threshold", "60%",
              "-quality", "100", jpg.toString());
        } else {
          run("/usr/bin/convert", png.toString(), "-seed", Integer.toString(seed * 31 + i), "-background",
              "white", "-rotate", turn, "+repage", "-blur", "0x0.6", "-level", "0%,100%,1.0", "+level", "18%,96%",
              "-attenuate", "0.2", "+noise", "Gaussian", "-colorspace", "Gray", "-quality", "40", jpg.toString());
        }
        BufferedImage original = ImageIO.read(png.toFile());
        Gray skewed = gray(ImageIO.read(jpg.toFile()), (double) DPI / dpi);
        Gray upright = Scanner.rotate(skewed, Math.toRadians(-angle));
        int w = (int) Math.round(original.getWidth() * (double) DPI / dpi);
        int h = (int) Math.round(original.getHeight() * (double) DPI / dpi);
        int ox = (upright.width() - w) / 2;
        int oy = (upright.height() - h) / 2;
        Gray page = stretch(upright.crop(ox, oy, ox + w, oy + h, 0));
        out.add(new Page(page, Scanner.levels(page)[0]));
      }
      return out;
    } finally {
      try (Stream<Path> s = Files.list(tmp)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(tmp);
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (p.waitFor() != 0) {
      throw new IOException("failed: " + String.join(" ", command));
    }
  }

  /** Grey at 300 dpi, scaled by {@code f} as the scan reader scales an image. */
  private static Gray gray(BufferedImage image, double f) {
    int w = (int) Math.round(image.getWidth() * f);
    int h = (int) Math.round(image.getHeight() * f);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    byte[] px = new byte[w * h];
    out.getRaster().getDataElements(0, 0, w, h, px);
    return new Gray(px, w, h, DPI);
  }

  /** The page's grey stretched from the ink's level to the paper's, as the scan reader does. */
  private static Gray stretch(Gray g) {
    int[] levels = Scanner.levels(g);
    double span = Math.max(1, levels[2] - levels[1]);
    byte[] px = g.pixels();
    byte[] out = new byte[px.length];
    for (int i = 0; i < px.length; i++) {
      int v = (int) Math.round(((px[i] & 0xFF) - levels[1]) * 255 / span);
      out[i] = (byte) Math.max(0, Math.min(255, v));
    }
    return new Gray(out, g.width(), g.height(), DPI);
  }

  /** The cell's box inside its ruling lines, with a white margin; null when nothing is left. */
  private static Crop crop(Page page, Box box) {
    double f = DPI / 72.0;
    int x0 = (int) Math.round(box.x0() * f) + INSET;
    int y0 = (int) Math.round(box.y0() * f) + INSET;
    int x1 = (int) Math.round(box.x1() * f) - INSET;
    int y1 = (int) Math.round(box.y1() * f) - INSET;
    if (x1 - x0 < 4 || y1 - y0 < 4) {
      return null;
    }
    Gray grey = page.grey().crop(x0, y0, x1, y1, MARGIN);
    int threshold = page.threshold();
    byte[] bin = new byte[grey.pixels().length];
    for (int i = 0; i < bin.length; i++) {
      bin[i] = (grey.pixels()[i] & 0xFF) <= threshold ? 0 : (byte) 0xFF;
    }
    return new Crop(grey, new Gray(bin, grey.width(), grey.height(), DPI));
  }

  /** The line strips of a crop, as the scan reader cuts them (whole width, a few pixels above and below). */
  private static List<Gray> strips(Crop crop) {
    List<Gray> out = new ArrayList<>();
    for (int[] band : Scanner.bands(crop.binary())) {
      out.add(crop.grey().crop(0, band[0] - 4, crop.grey().width(), band[1] + 5, 0));
    }
    return out;
  }

  /** A number as the scan reader ends up reading it: the whole cell, one line, digit set. */
  private static String tesseractDigits(OcrEngine engine, Crop crop) {
    StringBuilder sb = new StringBuilder();
    engine.digits(crop.grey()).forEach(s -> sb.append(s.text()));
    return normal(sb.toString());
  }

  /**
   * A cell as the scan reader reads it ({@code Scanner.readCell}): line by line, any character; a single line
   * that reads as a number, or as up to three characters, read again with the digit set and that reading
   * kept when it has a digit and is a number or more confident (a short word loses to a sure number).
   */
  private static PaddleRec.Reading tesseractCell(OcrEngine engine, Crop crop) {
    List<Symbol> all = new ArrayList<>();
    int lines = 0;
    for (Gray strip : strips(crop)) {
      for (List<Symbol> line : engine.line(strip)) {
        all.addAll(line);
        lines++;
      }
    }
    String text = text(all);
    boolean numeric = SCANNER_NUMERIC.matcher(text).matches();
    if (lines <= 1 && (numeric || text.length() <= SHORT)) {
      List<Symbol> digits = engine.digits(crop.grey());
      String d = text(digits);
      double digitConfidence = mean(digits);
      boolean better = numeric || digitConfidence > mean(all)
          || text.length() <= 2 && digitConfidence >= SURE_DIGITS;
      if (HAS_DIGIT.matcher(d).matches() && better || text.isBlank()) {
        return new PaddleRec.Reading(normal(d), digitConfidence, lowest(digits));
      }
    }
    return new PaddleRec.Reading(normal(text), mean(all), lowest(all));
  }

  /** The lowest character confidence, as {@code Scanner.recognition} takes it (100 for no character). */
  private static double lowest(List<Symbol> symbols) {
    return Math.min(100, symbols.stream().mapToDouble(sy -> Math.max(0, sy.confidence())).min().orElse(100));
  }

  /** PP-OCR used the same way: lines read freely, a short or numeric single line read again with digits. */
  private static PaddleRec.Reading paddleCell(PaddleRec rec, Crop crop) throws Exception {
    PaddleRec.Reading free = paddle(rec, crop, null);
    String text = free.text();
    boolean numeric = SCANNER_NUMERIC.matcher(text).matches();
    if (Scanner.bands(crop.binary()).size() <= 1 && (numeric || text.length() <= SHORT)) {
      PaddleRec.Reading digits = paddle(rec, crop, DIGIT_SET);
      boolean better = numeric || digits.confidence() > free.confidence()
          || text.length() <= 2 && digits.confidence() >= SURE_DIGITS;
      if (HAS_DIGIT.matcher(digits.text()).matches() && better || text.isBlank()) {
        return new PaddleRec.Reading(normal(digits.text()), digits.confidence(), digits.lowest());
      }
    }
    return new PaddleRec.Reading(normal(text), free.confidence(), free.lowest());
  }

  private static String text(List<Symbol> symbols) {
    StringBuilder sb = new StringBuilder();
    symbols.forEach(s -> sb.append(s.text()));
    return sb.toString();
  }

  private static double mean(List<Symbol> symbols) {
    return symbols.stream().mapToDouble(Symbol::confidence).average().orElse(0);
  }

  /**
   * PP-OCR on each line strip, cut to its ink left and right (a detector would give the recogniser such a
   * box; the model reads poorly in a wide white field).
   */
  private static PaddleRec.Reading paddle(PaddleRec rec, Crop crop, String allowed) throws Exception {
    StringBuilder sb = new StringBuilder();
    double confidence = 0;
    double lowest = 100;
    int lines = 0;
    for (int[] band : Scanner.bands(crop.binary())) {
      int left = crop.binary().width();
      int right = -1;
      for (int y = band[0]; y <= band[1]; y++) {
        for (int x = 0; x < crop.binary().width(); x++) {
          if (crop.binary().at(x, y) == 0) {
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
        }
      }
      if (right < left) {
        continue;
      }
      int pad = Math.max(4, (band[1] - band[0]) / 4);
      Gray strip = crop.grey().crop(left - pad, band[0] - pad, right + pad + 1, band[1] + pad + 1, 0);
      PaddleRec.Reading r = rec.read(strip, allowed);
      sb.append(r.text());
      confidence += r.confidence();
      lowest = Math.min(lowest, r.lowest());
      lines++;
    }
    return new PaddleRec.Reading(sb.toString(), lines == 0 ? 0 : confidence / lines, lowest);
  }

  /** With {@code -Docr.compare.dump=DIR}, the crops of misread cells as PNG files, for a look. */
  private static void dump(Crop crop, String where, boolean wrong) throws IOException {
    String dir = System.getProperty("ocr.compare.dump");
    if (dir == null || !wrong) {
      return;
    }
    Gray g = crop.grey();
    BufferedImage image = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setDataElements(0, 0, g.width(), g.height(), g.pixels());
    Files.createDirectories(Path.of(dir));
    ImageIO.write(image, "png", Path.of(dir, where.replaceAll("[^A-Za-z0-9.-]+", "_") + ".png").toFile());
  }

  private static void log(PrintWriter log, String where, String truth, String tesseract, String paddle,
      String digitSets) {
    boolean wrong = !truth.equals(tesseract) || !truth.equals(paddle);
    if (wrong) {
      log.printf(Locale.ROOT, "%s\ttruth=%s\ttesseract=%s\tpaddle=%s%s%n", where, truth, tesseract, paddle,
          digitSets == null ? "" : "\ttesseract-digit-set=" + digitSets);
    }
  }

  /**
   * A number printed with its unit ({@code 33件}, as pdf-2021-units-split prints them) as the number: the
   * unit is dropped when the cell is read, so a reading is compared without it; other text as it is.
   */
  static String value(String s) {
    return WITH_UNIT.matcher(s).matches() ? UNIT.matcher(s).replaceAll("") : s;
  }

  /** NFKC, white space removed: what the tool compares after normalising a cell. */
  static String normal(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
  }
}
