package org.nianbao.read.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes the PDF fixtures under {@code src/test/resources/pdf/}. Run by hand, not by the build: it needs a
 * TrueType CJK font, which CI does not have, so the written files are checked in (the font is embedded as
 * a subset). Usage: {@code FixtureWriter FONT.ttf OUTPUT_DIR}.
 */
public final class FixtureWriter {
  private static final float SIZE = 10;
  private final PDDocument doc;
  private final PDFont font;
  private final PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private PDPageContentStream out;
  private PDPage page;

  private FixtureWriter(PDDocument doc, PDFont font) {
    this.doc = doc;
    this.font = font;
  }

  public static void main(String[] args) throws IOException {
    Path fontFile = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    Files.createDirectories(dir);
    write(fontFile, dir.resolve("ruled.pdf"), FixtureWriter::ruled, null);
    write(fontFile, dir.resolve("split.pdf"), w -> w.split(false), null);
    write(fontFile, dir.resolve("split-header.pdf"), w -> w.split(true), null);
    write(fontFile, dir.resolve("borderless.pdf"), FixtureWriter::borderless, null);
    write(fontFile, dir.resolve("encrypted-open.pdf"), FixtureWriter::ruled, "");
    write(fontFile, dir.resolve("encrypted-password.pdf"), FixtureWriter::ruled, "secret");
    scanned(dir.resolve("scanned.pdf"));
  }

  private interface Content {
    void draw(FixtureWriter w) throws IOException;
  }

  private static void write(Path fontFile, Path target, Content content, String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      FixtureWriter w = new FixtureWriter(doc, PDType0Font.load(doc, fontFile.toFile()));
      content.draw(w);
      w.out.close();
      if (userPassword != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.getDocumentInformation().setTitle("测试年度报告");
      doc.save(target.toFile());
    }
  }

  private void newPage(int number) throws IOException {
    if (out != null) {
      out.close();
    }
    page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    out.setLineWidth(0.5f);
    text(280, 810, "-" + number + "-");
  }

  /**
   * Text with its baseline at {@code top} points from the page top. Droid Sans Fallback has no Latin
   * glyphs, so ASCII runs are set in the standard Helvetica.
   */
  private void text(float x, float top, String s) throws IOException {
    int i = 0;
    float at = x;
    while (i < s.length()) {
      boolean ascii = s.charAt(i) < 0x80;
      int end = i;
      while (end < s.length() && (s.charAt(end) < 0x80) == ascii) {
        end++;
      }
      String run = s.substring(i, end);
      PDFont f = ascii ? latin : font;
      out.beginText();
      out.setFont(f, SIZE);
      out.newLineAtOffset(at, page.getMediaBox().getHeight() - top);
      out.showText(run);
      out.endText();
      at += f.getStringWidth(run) / 1000 * SIZE;
      i = end;
    }
  }

  private void line(float x0, float y0, float x1, float y1) throws IOException {
    float h = page.getMediaBox().getHeight();
    out.moveTo(x0, h - y0);
    out.lineTo(x1, h - y1);
    out.stroke();
  }

  /** A cell's four borders (shared borders are drawn twice, as Word does) and its text lines. */
  private void cell(float[] xs, float[] ys, int r0, int c0, int r1, int c1, List<String> lines) throws IOException {
    float left = xs[c0];
    float right = xs[c1];
    float top = ys[r0];
    float bottom = ys[r1];
    line(left, top, right, top);
    line(left, bottom, right, bottom);
    line(left, top, left, bottom);
    line(right, top, right, bottom);
    for (int i = 0; i < lines.size(); i++) {
      text(left + 3, top + 12 + i * 12, lines.get(i));
    }
  }

  private void ruled() throws IOException {
    newPage(1);
    text(60, 60, "三、收到和处理政府信息公开申请情况");
    text(60, 80, "本年度共收到申请。这是一段正文，用来检查段落与表格的顺序。");
    float[] xs = {60, 120, 260, 320, 380, 440};
    float[] ys = {100, 120, 140, 160, 184, 208, 232, 256};
    cell(xs, ys, 0, 0, 2, 2, List.of("（本列数据）"));
    cell(xs, ys, 0, 2, 1, 5, List.of("申请人情况"));
    cell(xs, ys, 1, 2, 2, 3, List.of("自然人"));
    cell(xs, ys, 1, 3, 2, 4, List.of("商业企业"));
    cell(xs, ys, 1, 4, 2, 5, List.of("总计"));
    cell(xs, ys, 2, 0, 3, 2, List.of("一、本年新收政府信息公开申请数量"));
    row(xs, ys, 2, "3001", "53", "3054");
    cell(xs, ys, 3, 0, 7, 1, List.of("三、", "办", "理", "结", "果"));
    cell(xs, ys, 3, 1, 4, 2, List.of("（一）予以公开"));
    row(xs, ys, 3, "1288", "21", "1309");
    cell(xs, ys, 4, 1, 5, 2, List.of("（二）部分公开", "（区分处理的）"));
    row(xs, ys, 4, "447", "7", "454");
    cell(xs, ys, 5, 1, 6, 2, List.of("（三）不予公开"));
    row(xs, ys, 5, "2", "0", "2");
    cell(xs, ys, 6, 1, 7, 2, List.of("（七）总计"));
    row(xs, ys, 6, "1737", "28", "1765");
    text(60, 280, "四、结束语");
  }

  private void row(float[] xs, float[] ys, int r, String... values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      cell(xs, ys, r, 2 + i, r + 1, 3 + i, List.of(values[i]));
    }
  }

  /** A table over two pages whose label （四）无法提供 is cut by the break, as in huaian-2024. */
  private void split(boolean repeatHeader) throws IOException {
    newPage(1);
    text(60, 60, "三、收到和处理政府信息公开申请情况");
    float[] xs = {60, 120, 200, 320, 380};
    float[] first = {700, 720, 744, 768, 792};
    cell(xs, first, 0, 0, 1, 3, List.of("项目"));
    cell(xs, first, 0, 3, 1, 4, List.of("总计"));
    cell(xs, first, 1, 0, 4, 1, List.of("三、", "办", "理"));
    cell(xs, first, 1, 1, 2, 3, List.of("（一）予以公开"));
    cell(xs, first, 1, 3, 2, 4, List.of("12"));
    cell(xs, first, 2, 1, 3, 3, List.of("（二）部分公开"));
    cell(xs, first, 2, 3, 3, 4, List.of("3"));
    cell(xs, first, 3, 1, 4, 2, List.of("（四）无"));
    cell(xs, first, 3, 2, 4, 3, List.of("1.本机关不掌握"));
    cell(xs, first, 3, 3, 4, 4, List.of("769"));
    newPage(2);
    float[] next = repeatHeader ? new float[] {60, 80, 104, 128, 152} : new float[] {80, 104, 128, 152};
    int r = 0;
    if (repeatHeader) {
      cell(xs, next, 0, 0, 1, 3, List.of("项目"));
      cell(xs, next, 0, 3, 1, 4, List.of("总计"));
      r = 1;
    }
    cell(xs, next, r, 0, r + 3, 1, List.of("结", "果"));
    cell(xs, next, r, 1, r + 2, 2, List.of("法提供"));
    cell(xs, next, r, 2, r + 1, 3, List.of("2.没有现成信息"));
    cell(xs, next, r, 3, r + 1, 4, List.of("11"));
    cell(xs, next, r + 1, 2, r + 2, 3, List.of("3.补正后仍不明确"));
    cell(xs, next, r + 1, 3, r + 2, 4, List.of("1"));
    cell(xs, next, r + 2, 1, r + 3, 3, List.of("（七）总计"));
    cell(xs, next, r + 2, 3, r + 3, 4, List.of("796"));
    text(60, next[next.length - 1] + 30, "四、政府信息公开行政复议、行政诉讼情况");
  }

  /** Columns aligned by spaces only; the columns stand close but never touch. */
  private void borderless() throws IOException {
    newPage(1);
    text(60, 60, "二、主动公开政府信息情况");
    text(60, 90, "信息内容");
    text(200, 90, "本年制发件数");
    text(280, 90, "本年废止件数");
    text(360, 90, "现行有效件数");
    String[][] rows = {{"规章", "1", "0", "11"}, {"行政规范性文件", "8", "26", "66"}, {"行政许可", "447228", "3", "90210"}};
    for (int i = 0; i < rows.length; i++) {
      float top = 110 + i * 20;
      text(60, top, rows[i][0]);
      text(240, top, rows[i][1]);
      text(310, top, rows[i][2]);
      text(360, top, rows[i][3]);
    }
    text(60, 190, "三、收到和处理政府信息公开申请情况");
  }

  private static void scanned(Path target) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = image.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 120, 60);
      g.setColor(Color.BLACK);
      g.drawRect(5, 5, 110, 50);
      g.drawLine(5, 30, 115, 30);
      g.dispose();
      PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
      try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
        out.drawImage(xobject, 50, 500, 480, 240);
      }
      doc.save(target.toFile());
    }
  }
}
