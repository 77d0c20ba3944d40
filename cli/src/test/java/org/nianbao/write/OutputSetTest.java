package org.nianbao.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output files are replaced as a set (see also {@code cli.OutputFolderTest}). */
class OutputSetTest {
  @TempDir
  Path dir;

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private void oldSet(Path out) throws IOException {
    Files.createDirectories(out);
    for (String name : List.of("reports.csv", "cells.csv", "anomalies.csv", "wide-2019.csv")) {
      Files.writeString(out.resolve(name), "old " + name, StandardCharsets.UTF_8);
    }
  }

  @Test
  void aCommitReplacesTheWholeSetAndDropsFilesTheNewRunDidNotWrite() throws IOException {
    Path out = dir.resolve("out");
    oldSet(out);
    Files.writeString(out.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);
    OutputSet set = OutputSet.begin(out, dir.resolve("staging"));
    for (String name : List.of("reports.csv", "cells.csv", "anomalies.csv", "wide-2021.csv")) {
      Files.writeString(set.file(name), "new " + name, StandardCharsets.UTF_8);
    }
    set.commit();
    for (String name : List.of("reports.csv", "cells.csv", "anomalies.csv", "wide-2021.csv")) {
      assertEquals("new " + name, read(out.resolve(name)), name);
    }
    assertFalse(Files.exists(out.resolve("wide-2019.csv")), "an era the new run did not meet");
    assertEquals("mine", read(out.resolve("notes.txt")), "files that are not outputs stay");
    assertFalse(Files.exists(dir.resolve("staging")));
  }

  @Test
  void aCommitKilledHalfWayIsFinishedByTheNextRun() throws IOException {
    Path out = dir.resolve("out");
    oldSet(out);
    Path staging = dir.resolve("staging");
    Files.createDirectories(staging);
    for (String name : List.of("anomalies.csv", "cells.csv", "reports.csv")) {
      Files.writeString(staging.resolve(name), "new " + name, StandardCharsets.UTF_8);
    }
    Files.write(staging.resolve(".commit"), List.of("anomalies.csv", "cells.csv", "reports.csv"), StandardCharsets.UTF_8);
    // killed after the first rename
    Files.move(staging.resolve("anomalies.csv"), out.resolve("anomalies.csv"), StandardCopyOption.REPLACE_EXISTING);
    OutputSet.recover(out, staging);
    for (String name : List.of("reports.csv", "cells.csv", "anomalies.csv")) {
      assertEquals("new " + name, read(out.resolve(name)), name);
    }
    assertFalse(Files.exists(out.resolve("wide-2019.csv")));
  }
}
