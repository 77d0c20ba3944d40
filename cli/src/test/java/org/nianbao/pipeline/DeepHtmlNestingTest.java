package org.nianbao.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.TestData;
import org.nianbao.model.Report;
import org.nianbao.model.Status;

/**
 * Regression (batch probe, issue 14): unclosed {@code <span>}/{@code <font>} runs nest a page's elements
 * hundreds deep. Past jsoup's default depth of 512 its table rows left their table, and the report came out
 * {@code partial} with 0 cells and no reason.
 */
class DeepHtmlNestingTest {
  private static ReportPipeline pipeline;
  private static String page;

  @BeforeAll
  static void setUp() throws IOException {
    pipeline = new ReportPipeline(Optional.empty());
    page = Files.readString(TestData.corpus().resolve("documents/html-2021-plain-clean.html"), StandardCharsets.UTF_8);
  }

  private static Report withUnclosed(String tag, int n) {
    String html = page.replaceFirst("<body>", "<body>" + ("<" + tag + ">").repeat(n));
    return pipeline.process(html.getBytes(StandardCharsets.UTF_8), "deep.html");
  }

  @Test
  void tablesUnderHundredsOfUnclosedTagsAreRead() {
    Report plain = withUnclosed("span", 0);
    for (String tag : new String[] {"span", "font"}) {
      Report deep = withUnclosed(tag, 600);
      assertEquals(Status.OK, deep.status(), tag);
      assertEquals(plain.cells(), deep.cells(), tag);
    }
  }

  @Test
  void aPageNestedBeyondTheLimitFailsWithItsReason() {
    Report r = withUnclosed("span", 10_000);
    assertEquals(Status.FAILED, r.status());
    assertTrue(r.error().contains("嵌套超过 8192 层"), r.error());
  }
}
