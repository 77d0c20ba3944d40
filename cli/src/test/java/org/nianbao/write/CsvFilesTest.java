package org.nianbao.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rows workers render are the bytes the OpenCSV writer would have written, for every kind of field. */
class CsvFilesTest {
  private static final String[] PIECES = {"", "a", "公开", "1,2", "say \"no\"", "\"", "line\nbreak", "cr\rlf\r\n",
      " padded ", "=1+2", "\ud83d\ude00", "\ud800", "\udc00", "é", "\u07ff\u0800", "，", "\t", "'quote'", "\\", "0"};

  @Test
  void handPickedFields() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"id", "t2.r1.c1", "12", "", "ok"});
    rows.add(new String[] {"with,comma", "with \"quotes\"", "multi\nline", "trailing\r", "中文，标点"});
    rows.add(new String[] {null, "after null", null});
    rows.add(new String[] {});
    rows.add(new String[] {""});
    rows.add(null);
    assertArrayEquals(CsvFiles.renderWithOpenCsv(rows), CsvFiles.render(rows));
    assertArrayEquals(CsvFiles.renderWithOpenCsv(List.of()), CsvFiles.render(List.of()));
  }

  @Test
  void fieldsRepeatedFromTheRowAboveAreWrittenAsEncoded() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"sha256:1", "报告/a,b.pdf", "say \"no\"", "1", "x"});
    rows.add(new String[] {"sha256:1", "报告/a,b.pdf", "say \"no\"", "2"});
    rows.add(new String[] {"sha256:1", null, "say \"no\"", "2", "x", "extra"});
    rows.add(new String[] {"sha256:1", "报告/a,b.pdf", "", "2", "x", "extra"});
    rows.add(new String[] {"sha256:2", "报告/a,b.pdf", "", "\ud800", "x", "extra"});
    rows.add(new String[] {"sha256:2", "报告/a,b.pdf", "", "\ud800"});
    assertArrayEquals(CsvFiles.renderWithOpenCsv(rows), CsvFiles.render(rows));
  }

  @Test
  void randomFields() {
    Random random = new Random(14);
    for (int round = 0; round < 500; round++) {
      List<String[]> rows = new ArrayList<>();
      for (int r = random.nextInt(5); r >= 0; r--) {
        String[] row = new String[random.nextInt(12)];
        for (int f = 0; f < row.length; f++) {
          StringBuilder field = new StringBuilder();
          for (int p = random.nextInt(4); p > 0; p--) {
            field.append(PIECES[random.nextInt(PIECES.length)]);
          }
          row[f] = random.nextInt(20) == 0 ? null : field.toString();
          // as in a report's rows, a field often repeats the one above it
          if (!rows.isEmpty() && rows.get(rows.size() - 1).length > f && random.nextBoolean()) {
            row[f] = rows.get(rows.size() - 1)[f];
          }
        }
        rows.add(row);
      }
      assertArrayEquals(CsvFiles.renderWithOpenCsv(rows), CsvFiles.render(rows), () -> rows.stream()
          .map(Arrays::toString).toList().toString());
    }
  }
}
