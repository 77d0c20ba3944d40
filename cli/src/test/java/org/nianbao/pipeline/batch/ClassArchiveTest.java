package org.nianbao.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class archive is used with the jar named as it was made: a run started from another folder, which
 * names the jar by another path, must still map it, and never print the JVM's English warning.
 */
class ClassArchiveTest {
  @TempDir
  Path dir;

  private Path jar() throws Exception {
    Path jar = dir.resolve("nianbao.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry(ClassArchive.class.getName().replace('.', '/') + ".class"));
      j.write(new byte[] {1});
      j.closeEntry();
    }
    return jar;
  }

  @Test
  void theJarIsNamedByItsAbsolutePathHoweverTheRunNamedIt() throws Exception {
    Path jar = jar();
    String relative = Path.of("").toAbsolutePath().relativize(jar).toString();
    String dotted = dir.resolve(".").resolve("nianbao.jar").toString();
    ClassArchive fromRelative = ClassArchive.of(relative, ClassArchive.WORKER);
    ClassArchive fromAbsolute = ClassArchive.of(jar.toString(), ClassArchive.WORKER);
    ClassArchive fromDotted = ClassArchive.of(dotted, ClassArchive.WORKER);
    assertEquals(jar.toString(), fromRelative.classPath());
    assertEquals(jar.toString(), fromDotted.classPath());
    assertEquals(fromAbsolute.claimDump().orElseThrow().flags().get(0),
        fromRelative.claimDump().orElseThrow().flags().get(0), "one archive, whichever way the jar is named");
  }

  @Test
  void anArchiveIsUsedQuietlyOnceItExists() throws Exception {
    ClassArchive archive = ClassArchive.of(jar().toString(), ClassArchive.BATCH);
    assertEquals(List.of(), archive.useFlags());
    List<String> dump = archive.claimDump().orElseThrow().flags();
    assertTrue(dump.containsAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off")), dump.toString());
    String temp = dump.get(0).substring("-XX:ArchiveClassesAtExit=".length());
    Path target = Path.of(temp.replaceFirst("\\.\\d+\\.tmp$", ""));
    Files.write(target, new byte[] {1});
    assertEquals(List.of("-XX:SharedArchiveFile=" + target, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
        archive.useFlags());
  }
}
