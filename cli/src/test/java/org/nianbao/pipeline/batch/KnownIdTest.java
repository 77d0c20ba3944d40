package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.model.Messages;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Status;
import org.nianbao.pipeline.DocumentProcessor;

/**
 * A worker hashes a document again only when the file may have changed since the walker hashed it: the same
 * size, time and file key before and after its read mean the walker's id holds. A changed file is still
 * caught and named.
 */
class KnownIdTest {
  @TempDir
  Path dir;

  /** Records which entry point the worker used. */
  private static final class Recorder implements DocumentProcessor {
    final List<String> calls = new ArrayList<>();

    @Override
    public Report process(byte[] bytes, String source) {
      calls.add("hashed");
      return Report.unreadable(ReportId.of(bytes), source, "text", Status.UNRECOGNIZED, "");
    }

    @Override
    public Report process(byte[] bytes, String source, ReportId id) {
      calls.add("known");
      return Report.unreadable(id, source, "text", Status.UNRECOGNIZED, "");
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anUnchangedFileKeepsTheWalkersId() throws Exception {
    Path file = dir.resolve("a.txt");
    Files.write(file, utf8("报告一"));
    Location.InFile at = new Location.InFile(file, Location.InFile.stampOf(file));
    Recorder p = new Recorder();
    try (DocumentReads reads = new DocumentReads(ZipLimits.DEFAULT)) {
      Report r = Outcomes.process(p, reads, "a.txt", ReportId.of(utf8("报告一")), at);
      assertEquals(ReportId.of(utf8("报告一")), r.id());
    }
    assertEquals(List.of("known"), p.calls);
  }

  @Test
  void aFileChangedAfterTheWalkIsHashedAgainAndNamed() throws Exception {
    Path file = dir.resolve("b.txt");
    Files.write(file, utf8("报告一"));
    Location.InFile at = new Location.InFile(file, Location.InFile.stampOf(file));
    ReportId walked = ReportId.of(utf8("报告一"));
    // same size, new bytes, and a time the walker did not see
    Files.write(file, utf8("报告二"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertFalse(at.unchanged());
    Recorder p = new Recorder();
    try (DocumentReads reads = new DocumentReads(ZipLimits.DEFAULT)) {
      Report r = Outcomes.process(p, reads, "b.txt", walked, at);
      assertEquals(Status.FAILED, r.status());
      assertEquals(Messages.text("error.changed"), r.error());
    }
    assertEquals(List.of("hashed"), p.calls);
  }

  @Test
  void withoutAStampTheBytesAreHashed() throws Exception {
    Path file = dir.resolve("c.txt");
    Files.write(file, utf8("报告三"));
    Recorder p = new Recorder();
    try (DocumentReads reads = new DocumentReads(ZipLimits.DEFAULT)) {
      Outcomes.process(p, reads, "c.txt", ReportId.of(utf8("报告三")), new Location.InFile(file));
    }
    assertEquals(List.of("hashed"), p.calls);
  }
}
