package org.nianbao.pipeline.batch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared class archive (AppCDS) of one kind of JVM of a run, the workers' or the batch's: the classes it
 * loads, parsed once and mapped into every later JVM of its kind, which saves most of their loading at its
 * start. It is made by the first such JVM of the first run of a jar ({@code -XX:ArchiveClassesAtExit}) and
 * kept beside the jar, named after the jar and the Java runtime, because an archive only fits the exact jar
 * and JVM that made it. Only for a run from a single jar.
 */
public final class ClassArchive {
  /** The archive of the worker JVMs. */
  public static final String WORKER = "worker";
  /** The archive of the batch's own JVM ({@code BatchJvm}). */
  public static final String BATCH = "batch";

  private static final Logger LOG = LoggerFactory.getLogger(ClassArchive.class);

  private final String classPath;
  private final Optional<Path> archive;
  private final AtomicBoolean dumpClaimed = new AtomicBoolean();

  private ClassArchive(String classPath, Optional<Path> archive) {
    this.classPath = classPath;
    this.archive = archive;
  }

  /**
   * For this JVM's class path: an archive when it is one jar (as with {@code java -jar}).
   *
   * @param role {@link #WORKER} or {@link #BATCH}
   */
  public static ClassArchive forThisJvm(String role) {
    String classPath = System.getProperty("java.class.path");
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")
        || Boolean.getBoolean("nianbao.noClassArchive")) {
      return new ClassArchive(classPath, Optional.empty());
    }
    Path jar = Path.of(classPath).toAbsolutePath().normalize();
    if (!isOurJar(jar)) {
      return new ClassArchive(classPath, Optional.empty());
    }
    try {
      String key = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
          + System.getProperty("java.vm.version") + "|" + System.getProperty("java.home");
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-" + role;
      return new ClassArchive(jar.toString(),
          Optional.of(jar.resolveSibling(name + "-" + HexFormat.of().formatHex(digest, 0, 6) + ".jsa")));
    } catch (IOException | NoSuchAlgorithmException e) {
      return new ClassArchive(jar.toString(), Optional.empty());
    }
  }

  /** The packaged jar, not a launcher's class-path jar (as test runners use), which CDS cannot archive. */
  private static boolean isOurJar(Path jar) {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      return file.getEntry(ClassArchive.class.getName().replace('.', '/') + ".class") != null;
    } catch (IOException e) {
      return false;
    }
  }

  String classPath() {
    return classPath;
  }

  /** The flag that maps the archive in, when it exists. */
  public Optional<String> useFlag() {
    return archive.filter(Files::isRegularFile).map(a -> "-XX:SharedArchiveFile=" + a);
  }

  /** The one JVM of this run that makes the archive, when there is none yet and its folder is writable. */
  public Optional<Dump> claimDump() {
    if (archive.isEmpty() || Files.exists(archive.get()) || !Files.isWritable(archive.get().getParent())
        || !dumpClaimed.compareAndSet(false, true)) {
      return Optional.empty();
    }
    Path target = archive.get();
    Path temp = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    return Optional.of(new Dump(target, temp));
  }

  /** An archive being written by one JVM as it exits. */
  public static final class Dump {
    private final Path target;
    private final Path temp;

    Dump(Path target, Path temp) {
      this.target = target;
      this.temp = temp;
    }

    public String flag() {
      return "-XX:ArchiveClassesAtExit=" + temp;
    }

    /** The JVM exited normally: the archive replaces any older one of the same jar and kind. */
    public void complete() {
      try {
        if (Files.size(temp) > 0) {
          String prefix = target.getFileName().toString().replaceFirst("-[0-9a-f]+\\.jsa$", "-");
          try (Stream<Path> old = Files.list(target.getParent())) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix)
                && p.getFileName().toString().endsWith(".jsa")).toList()) {
              Files.deleteIfExists(p);
            }
          }
          Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          LOG.debug("class archive written: {}", target);
        }
      } catch (IOException e) {
        LOG.warn("cannot keep the class archive {}: {}", target, e.toString());
      }
    }

    public void abandon() {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        LOG.debug("cannot remove {}", temp, e);
      }
    }
  }
}
