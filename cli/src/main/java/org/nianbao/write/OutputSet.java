package org.nianbao.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output files of one run, replaced as a set: every file is written into a staging folder first, so a
 * failure while writing (a full disk) leaves the previous set untouched; then a commit list is written and
 * the files are renamed into place, and the previous run's files that are not part of the new set are
 * removed. A run killed during the renames is finished by the next run ({@link #recover}), so the folder
 * holds the old set or the new one, never a mix of both.
 */
public final class OutputSet {
  /** Every file name a run may write; a new set replaces all of them. */
  public static boolean isOutputName(String name) {
    return name.equals(CsvFiles.REPORTS) || name.equals(CsvFiles.CELLS) || name.equals(CsvFiles.ANOMALIES)
        || name.equals(XlsxWriter.FILE) || name.matches("wide-[0-9a-z]+\\.(csv|jsonl)")
        || name.equals(ReviewWriter.FOLDER) || name.equals(JsonLines.FILE);
  }

  private static final String COMMIT = ".commit";

  private final Path out;
  private final Path staging;

  private OutputSet(Path out, Path staging) {
    this.out = out;
    this.staging = staging;
  }

  /** Starts a set staged in {@code staging} (emptied first) for the folder {@code out}. */
  public static OutputSet begin(Path out, Path staging) throws IOException {
    deleteTree(staging);
    Files.createDirectories(staging);
    Files.createDirectories(out);
    return new OutputSet(out, staging);
  }

  /** Where to write the file {@code name} of the set. */
  public Path file(String name) {
    if (!isOutputName(name)) {
      throw new IllegalArgumentException("not an output file name: " + name);
    }
    return staging.resolve(name);
  }

  /** Where to write the folder {@code name} of the set (the review pages), created empty. */
  public Path directory(String name) throws IOException {
    Path dir = file(name);
    Files.createDirectories(dir);
    return dir;
  }

  /** Puts the staged files in place of the previous set. */
  public void commit() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(staging)) {
      files.map(p -> p.getFileName().toString()).filter(OutputSet::isOutputName).sorted().forEach(names::add);
    }
    for (String name : names) {
      OutputFiles.makeReadable(staging.resolve(name));
    }
    Path list = staging.resolve(COMMIT + ".tmp");
    Files.write(list, names, StandardCharsets.UTF_8);
    Files.move(list, staging.resolve(COMMIT), StandardCopyOption.ATOMIC_MOVE);
    finish(out, staging, names);
  }

  /** Finishes a commit that a killed run left half done; without one, nothing happens. */
  public static void recover(Path out, Path staging) throws IOException {
    Path list = staging.resolve(COMMIT);
    if (Files.exists(list)) {
      finish(out, staging, Files.readAllLines(list, StandardCharsets.UTF_8));
    }
  }

  private static void finish(Path out, Path staging, List<String> names) throws IOException {
    for (String name : names) {
      Path staged = staging.resolve(name);
      if (Files.exists(staged)) {
        if (Files.isDirectory(staged)) {
          // a folder of the set (review/) replaces the previous one as a whole
          deleteTree(out.resolve(name));
          Files.move(staged, out.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } else {
          Files.move(staged, out.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
    Set<String> kept = Set.copyOf(names);
    try (Stream<Path> files = Files.list(out)) {
      for (Path old : files.filter(p -> isOutputName(p.getFileName().toString()))
          .filter(p -> !kept.contains(p.getFileName().toString())).toList()) {
        deleteTree(old);
      }
    }
    deleteTree(staging);
  }

  /** Deletes a file or a folder with everything in it; nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
