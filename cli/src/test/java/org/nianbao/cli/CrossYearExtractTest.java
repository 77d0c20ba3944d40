package org.nianbao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.TestData;

/**
 * Two consecutive years of one agency through the real `extract` command: the seed report (2021, every
 * count 0) and a 2022 copy. When the 2022 copy carries in a number that 2021 did not carry out,
 * carry_over_continuity names both reports; an unchanged pair raises nothing.
 */
class CrossYearExtractTest {
  private static final String CARRIED_ROW = "\t二、上年结转政府信息公开申请数量\n";

  @TempDir
  Path dir;

  private static String seed() throws IOException {
    return TestData.realText("seeds/000_cba99305fd9fd5d3.txt");
  }

  /** The seed as the 2022 report, with 自然人 of 二、上年结转 printed as {@code carried}. */
  private static String nextYear(String carried) throws IOException {
    String text = seed().replace("拦隆口镇人民政府2021年度", "拦隆口镇人民政府2022年度");
    int row = text.indexOf(CARRIED_ROW);
    assertTrue(row > 0, "the seed has its carried-over row");
    int cell = text.indexOf('\t', row + CARRIED_ROW.length());
    int end = text.indexOf('\n', cell);
    return text.substring(0, cell) + "\t" + carried + text.substring(end);
  }

  private List<String[]> extract(String next) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("lanlongkou-2021.txt"), seed(), StandardCharsets.UTF_8);
    Files.writeString(in.resolve("lanlongkou-2022.txt"), next, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"extract", "--jobs", "1", "--out", out.toString(), in.toString()},
        new PrintStream(sink, true, StandardCharsets.UTF_8), new PrintStream(sink, true, StandardCharsets.UTF_8));
    assertEquals(0, status, sink.toString(StandardCharsets.UTF_8));
    try (Reader r = Files.newBufferedReader(out.resolve("anomalies.csv"), StandardCharsets.UTF_8);
        CSVReader csv = new CSVReader(r)) {
      List<String[]> rows = new ArrayList<>(csv.readAll());
      rows.remove(0);
      return rows.stream().filter(a -> a[5].equals("carry_over_continuity")).toList();
    }
  }

  @Test
  void aChangedCarriedNumberNamesBothReports() throws Exception {
    List<String[]> found = extract(nextYear("3"));
    assertEquals(1, found.size());
    String[] a = found.get(0);
    assertTrue(a[1].endsWith("lanlongkou-2022.txt"), a[1]);
    assertEquals("t3.carried_over.natural_person;t3.carry_forward.natural_person", a[6]);
    assertEquals("0", a[7]);
    assertEquals("3", a[8]);
    assertTrue(a[9].contains("lanlongkou-2021.txt") && a[9].contains("lanlongkou-2022.txt"), a[9]);
  }

  @Test
  void anUnchangedPairRaisesNothing() throws Exception {
    assertEquals(List.of(), extract(nextYear(" 0")));
  }
}
