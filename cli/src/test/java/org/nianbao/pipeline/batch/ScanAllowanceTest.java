package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.model.ReportId;

/** A scan gets time per page under --timeout; any other document keeps the run's limit. */
class ScanAllowanceTest {
  private static final Duration BASE = Duration.ofSeconds(120);

  private static Task task(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    byte[] head = java.util.Arrays.copyOf(bytes, 4);
    return new Task(file.getFileName().toString(), ReportId.of(bytes), new Location.InFile(file), head, false);
  }

  @Test
  void aPdfOfThreePageImagesGetsThreePagesOfTime(@TempDir Path dir) throws Exception {
    Path pdf = dir.resolve("scan.pdf");
    Files.writeString(pdf, "%PDF-1.4\n1 0 obj <</Subtype /Image>> 2 0 obj <</Subtype/Image>> 3 0 obj"
        + " <</Subtype /Image /Width 10>>\n%%EOF", StandardCharsets.US_ASCII);
    assertEquals(3, ScanAllowance.pages(task(pdf)));
    assertEquals(BASE.plus(ScanAllowance.PER_PAGE.multipliedBy(3)), ScanAllowance.limit(task(pdf), BASE));
  }

  @Test
  void aTextPdfAndAWebPageKeepTheLimit(@TempDir Path dir) throws Exception {
    Path pdf = dir.resolve("text.pdf");
    Files.writeString(pdf, "%PDF-1.4\n1 0 obj <</Type /Font>>\n%%EOF", StandardCharsets.US_ASCII);
    Path html = dir.resolve("a.html");
    Files.writeString(html, "<html><body>年报</body></html>", StandardCharsets.UTF_8);
    assertEquals(BASE, ScanAllowance.limit(task(pdf), BASE));
    assertEquals(BASE, ScanAllowance.limit(task(html), BASE));
  }
}
