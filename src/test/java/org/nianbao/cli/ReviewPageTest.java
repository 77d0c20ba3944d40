package org.nianbao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.pipeline.batch.Fixtures;

/**
 * The review pages (--review) on a PDF with a reviewed cell and an HTML report whose identities fail: the
 * index lists them by status with links, each page shows its cells with raw text, flags, findings and the
 * corrections line to copy, beside the source. Then a real browser (headless Chromium) loads the pages: the
 * screenshots under target/ show the PDF crop with the cell outlined in red and the HTML table with the
 * cell highlighted in yellow. Skipped, with the reason, where no Chromium is installed (.ci/run installs it).
 */
class ReviewPageTest {
  private static final Path DOCS = Path.of("corpus/documents");
  private static final int[] OUTLINE = {0xE5, 0x1C, 0x23};
  private static final int[] HIGHLIGHT = {0xFF, 0xD4, 0x00};

  @TempDir
  Path dir;

  @Test
  void pagesShowEachFlaggedCellBesideItsSourceInABrowser() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.copy(DOCS.resolve("pdf-2021-split.pdf"), in.resolve("split.pdf"));
    Files.copy(DOCS.resolve("html-2021-word-faults.html"), in.resolve("faults.html"));
    Files.copy(DOCS.resolve("pdf-2021-cut-label.pdf"), in.resolve("clean.pdf"));
    Path out = dir.resolve("out");
    MainTest.Run first = MainTest.run("extract", "--out", out.toString(), "--jobs", "1", "--quiet", in.toString());
    assertEquals(0, first.status(), first.err());
    String pdfId = Fixtures.readCsv(out.resolve("reports.csv")).stream().filter(r -> r[1].equals("in/split.pdf"))
        .findFirst().orElseThrow()[0];
    Path corrections = dir.resolve("corrections.csv");
    Files.writeString(corrections, "report_id,key,value,reviewer,note\n" + pdfId
        + ",t3.granted.natural_person,38,张审核,复核原件\n", StandardCharsets.UTF_8);
    MainTest.Run run = MainTest.run("extract", "--out", out.toString(), "--jobs", "1", "--quiet", "--review",
        "--corrections", corrections.toString(), in.toString());
    assertEquals(0, run.status(), run.err());

    Path review = out.resolve("review");
    String index = Files.readString(review.resolve("index.html"), StandardCharsets.UTF_8);
    assertTrue(index.contains("anomalies — ") && index.contains("in/faults.html") && index.contains("in/split.pdf"),
        index);
    assertTrue(!index.contains("in/clean.pdf"), "a report with nothing to check has no page");
    assertTrue(!index.contains("http://") && !index.contains("https://") && !index.contains("<script"));
    Path pdfPage = page(review, "in/split.pdf");
    String pdf = Files.readString(pdfPage, StandardCharsets.UTF_8);
    assertTrue(pdf.contains("（一）予以公开·自然人") && pdf.contains("reviewed（已审核更正）") && pdf.contains("张审核"), pdf);
    assertTrue(pdf.contains(pdfId + ",t3.granted.natural_person,38,,"), "the corrections line to copy");
    Path crop = review.resolve(pdfPage.getFileName().toString().replace(".html", "-c1.png"));
    assertTrue(pdf.contains("src=\"" + crop.getFileName() + "\""));
    assertTrue(count(ImageIO.read(crop.toFile()), OUTLINE, 0) > 100, "the crop outlines the cell");
    Path htmlPage = page(review, "in/faults.html");
    String html = Files.readString(htmlPage, StandardCharsets.UTF_8);
    assertTrue(html.contains("class=\"hit\"") && html.contains("t3_result_total") && html.contains("（七）总计·科研机构"),
        html);

    Optional<String> chromium = chromium();
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install -y chromium); "
        + "the pages were checked as files only");
    Path target = Path.of("target").toAbsolutePath();
    Files.createDirectories(target);
    Path shot = target.resolve("review-screenshot.png");
    screenshot(chromium.get(), pdfPage, shot);
    BufferedImage image = ImageIO.read(shot.toFile());
    assertTrue(Files.size(shot) > 20_000 && image.getWidth() == 1400, "a real page was drawn");
    assertTrue(count(image, OUTLINE, 12) > 100, "the browser shows the crop with the cell outlined");
    Path shotHtml = target.resolve("review-screenshot-html.png");
    screenshot(chromium.get(), htmlPage, shotHtml);
    assertTrue(count(ImageIO.read(shotHtml.toFile()), HIGHLIGHT, 12) > 200, "the browser shows the highlighted cell");
  }

  private static Path page(Path review, String source) throws IOException {
    try (Stream<Path> files = Files.list(review)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".html") && !f.endsWith("index.html")).sorted().toList()) {
        if (Files.readString(p, StandardCharsets.UTF_8).contains("<td>" + source + "</td>")) {
          return p;
        }
      }
    }
    throw new AssertionError("no review page for " + source);
  }

  private static Optional<String> chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name).toString());
        }
      }
    }
    return Optional.empty();
  }

  private static void screenshot(String chromium, Path page, Path png) throws Exception {
    Files.deleteIfExists(png);
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--window-size=1400,1000", "--screenshot=" + png, page.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    assertTrue(Files.exists(png), "chromium wrote " + png);
  }

  /** Pixels within {@code tolerance} of an RGB colour. */
  private static int count(BufferedImage image, int[] rgb, int tolerance) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs((p >> 16 & 0xFF) - rgb[0]) <= tolerance && Math.abs((p >> 8 & 0xFF) - rgb[1]) <= tolerance
            && Math.abs((p & 0xFF) - rgb[2]) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }
}
