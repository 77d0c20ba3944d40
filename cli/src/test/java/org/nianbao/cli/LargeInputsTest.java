package org.nianbao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.pipeline.batch.FakeProcessor;
import org.nianbao.pipeline.batch.Fixtures;

/**
 * Regression (batch probe): the batch read every input whole into its own heap, so four large files (or
 * large entries of a small zip) killed it with no reports.csv. Now workers read documents themselves and
 * the batch only streams them through a hash: it runs here with a 32 MB heap over inputs three times that.
 */
class LargeInputsTest {
  private static final int MB = 1 << 20;

  @TempDir
  Path dir;

  @Test
  void inputsLargerThanTheBatchHeapAreExtracted() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    try (RandomAccessFile sparse = new RandomAccessFile(in.resolve("big.bin").toFile(), "rw")) {
      sparse.setLength(48L * MB);
    }
    storedZip(in.resolve("archive.zip"), "inside.bin", 40 * MB);
    Files.write(in.resolve("small.txt"), Fixtures.utf8("REPORT small"));
    Path out = dir.resolve("out");
    Process run = new ProcessBuilder(javaBinary(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "extract", "--jobs", "1", "--processor", FakeProcessor.class.getName(),
        "--out", out.toString(), in.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
    int status = run.waitFor();
    String log = Files.readString(dir.resolve("run.log"), StandardCharsets.UTF_8);
    assertEquals(0, status, log);
    Map<String, Map<String, String>> rows = Fixtures.reportsBySource(out);
    assertEquals(List.of("in/archive.zip!/inside.bin", "in/big.bin", "in/small.txt"), List.copyOf(rows.keySet()));
    assertEquals("binary", rows.get("in/big.bin").get("file_type"));
    assertEquals("unrecognized", rows.get("in/archive.zip!/inside.bin").get("status"));
    assertEquals("ok", rows.get("in/small.txt").get("status"));
  }

  /** A zip holding one stored (uncompressed) entry of zeros: as large as its content, no zip bomb. */
  private static void storedZip(Path file, String name, int size) throws Exception {
    byte[] block = new byte[MB];
    CRC32 crc = new CRC32();
    for (int i = 0; i < size / MB; i++) {
      crc.update(block);
    }
    try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
      ZipEntry entry = new ZipEntry(name);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(size);
      entry.setCompressedSize(size);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      for (int i = 0; i < size / MB; i++) {
        zip.write(block);
      }
      zip.closeEntry();
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
