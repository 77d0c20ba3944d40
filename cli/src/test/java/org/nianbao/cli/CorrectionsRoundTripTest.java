package org.nianbao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.pipeline.batch.Fixtures;

/**
 * A reviewer's round trip through the real pipeline and worker JVMs: run, correct the two cells whose
 * identities fail, rerun (fresh and with --resume); the cells carry the reviewer's values with their raw
 * text kept, the identities hold, the status goes from anomalies to ok. A correction naming a key or a
 * report that does not exist is an error row and the exit status is 1.
 */
class CorrectionsRoundTripTest {
  private static final Path DOC = Path.of("corpus/documents/html-2019-nometa.html");

  @TempDir
  Path dir;

  @Test
  void correctingTheFlaggedCellsRechecksTheIdentitiesAndTheStatus() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.copy(DOC, in.resolve("report.html"));
    Path out = dir.resolve("out");
    MainTest.Run first = MainTest.run("extract", "--out", out.toString(), "--jobs", "1", "--quiet", in.toString());
    assertEquals(0, first.status(), first.err());
    String[] report = row(out.resolve("reports.csv"), 3, "anomalies");
    String id = report[0];
    assertTrue(anomaly(out, "t3_balance", "t3.carry_forward.natural_person").isPresent());
    String[] cell = cell(out, "t3.carry_forward.natural_person");
    assertEquals("15", cell[6]);

    Path corrections = dir.resolve("corrections.csv");
    Files.writeString(corrections, "\uFEFFreport_id,key,value,reviewer,note\n"
        + id + ",t3.carry_forward.natural_person,14,张审核,原件第3页为14\n"
        + id + ",t3.carry_forward.total,23,张审核,\n", StandardCharsets.UTF_8);
    MainTest.Run second = MainTest.run("extract", "--out", out.toString(), "--jobs", "1", "--corrections",
        corrections.toString(), in.toString());
    assertEquals(0, second.status(), second.err());
    assertTrue(second.err().contains("已应用 2 条"), second.err());
    row(out.resolve("reports.csv"), 3, "ok");
    String[] corrected = cell(out, "t3.carry_forward.natural_person");
    assertEquals("14", corrected[6]);
    assertEquals("15", corrected[7].strip());
    assertTrue(corrected[8].contains("reviewed"), corrected[8]);
    assertEquals("张审核", corrected[13]);
    assertEquals("原件第3页为14", corrected[14]);
    assertFalse(anomaly(out, "t3_balance", "t3.carry_forward.natural_person").isPresent());
    String[] reviewed = anomaly(out, "reviewed", "t3.carry_forward.natural_person").orElseThrow();
    assertTrue(reviewed[9].contains("张审核") && reviewed[9].contains("14") && reviewed[9].contains("15"), reviewed[9]);

    // a resumed run extracts the corrected report again: here with a third, wrong, correction added
    Files.writeString(corrections, "report_id,key,value,reviewer,note\n"
        + id + ",t3.carry_forward.natural_person,14,张审核,\n"
        + id + ",t3.no_such.key,1,张审核,\n"
        + "sha256:0000000000000000,t3.carry_forward.total,1,李审核,\n", StandardCharsets.UTF_8);
    MainTest.Run third = MainTest.run("extract", "--out", out.toString(), "--jobs", "1", "--resume", "--corrections",
        corrections.toString(), in.toString());
    assertEquals(1, third.status(), third.err());
    row(out.resolve("reports.csv"), 3, "anomalies");
    assertEquals("14", cell(out, "t3.carry_forward.natural_person")[6]);
    assertEquals("24", cell(out, "t3.carry_forward.total")[6]);
    String[] unknownKey = anomaly(out, "correction_unknown_key", "").orElseThrow();
    assertEquals("error", unknownKey[4]);
    assertTrue(unknownKey[9].contains("t3.no_such.key") && unknownKey[9].contains("第 3 行"), unknownKey[9]);
    String[] unknownReport = anomaly(out, "correction_unknown_report", "t3.carry_forward.total").orElseThrow();
    assertEquals("sha256:0000000000000000", unknownReport[0]);

    // a file that is no corrections file is a usage error
    Files.writeString(corrections, "a,b\n1,2\n", StandardCharsets.UTF_8);
    assertEquals(2, MainTest.run("extract", "--out", out.toString(), "--corrections", corrections.toString(),
        in.toString()).status());
  }

  /**
   * Regression: a resumed run kept the stored corrected value of a report whose correction had been withdrawn
   * (the corrections file no longer named it, so the stored entry was reused); and one with another --lang kept
   * the earlier run's language in the stored messages.
   */
  @Test
  void aResumedRunDropsAWithdrawnCorrectionAndFollowsTheLanguage() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.copy(DOC, in.resolve("report.html"));
    Path out = dir.resolve("out");
    assertEquals(0, MainTest.run("extract", "--out", out.toString(), "--jobs", "1", "--quiet", in.toString()).status());
    String id = row(out.resolve("reports.csv"), 3, "anomalies")[0];
    Path corrections = dir.resolve("corrections.csv");
    Files.writeString(corrections, "report_id,key,value,reviewer,note\n"
        + id + ",t3.carry_forward.natural_person,14,张审核,\n", StandardCharsets.UTF_8);
    assertEquals(0, MainTest.run("extract", "--out", out.toString(), "--jobs", "1", "--quiet", "--resume",
        "--corrections", corrections.toString(), in.toString()).status());
    assertEquals("14", cell(out, "t3.carry_forward.natural_person")[6]);

    assertEquals(0, MainTest.run("extract", "--out", out.toString(), "--jobs", "1", "--quiet", "--resume",
        in.toString()).status());
    String[] withdrawn = cell(out, "t3.carry_forward.natural_person");
    assertEquals("15", withdrawn[6], "the value read, not the withdrawn correction");
    assertFalse(withdrawn[8].contains("reviewed"), withdrawn[8]);
    assertTrue(anomaly(out, "t3_balance", "t3.carry_forward.natural_person").isPresent());

    assertEquals(0, MainTest.run("extract", "--out", out.toString(), "--jobs", "1", "--quiet", "--resume", "--lang",
        "en", in.toString()).status());
    String message = anomaly(out, "t3_balance", "t3.carry_forward.natural_person").orElseThrow()[9];
    assertTrue(message.matches("(?s).*\\b(the|is|of|does|not)\\b.*"), "English after --lang en: " + message);
  }

  private static String[] row(Path reports, int column, String status) throws Exception {
    List<String[]> rows = Fixtures.readCsv(reports);
    assertEquals(2, rows.size());
    assertEquals(status, rows.get(1)[column], String.join(",", rows.get(1)));
    return rows.get(1);
  }

  private static String[] cell(Path out, String key) throws Exception {
    return Fixtures.readCsv(out.resolve("cells.csv")).stream().filter(r -> r[5].equals(key)).findFirst()
        .orElseThrow();
  }

  private static Optional<String[]> anomaly(Path out, String rule, String key) throws Exception {
    return Fixtures.readCsv(out.resolve("anomalies.csv")).stream()
        .filter(r -> r[5].equals(rule) && (key.isEmpty() || List.of(r[6].split(";")).contains(key))).findFirst();
  }
}
