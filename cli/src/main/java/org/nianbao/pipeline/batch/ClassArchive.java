package org.nianbao.pipeline.batch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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
    return of(System.getProperty("java.class.path"), role);
  }

  /**
   * For a class path. The jar is named by its absolute path, in the JVMs started with the archive as in the
   * one that made it: CDS refuses an archive made with the jar named otherwise ({@code target/nianbao.jar}
   * from one folder, {@code /home/a/nianbao/target/nianbao.jar} from another) and says so on the run's
   * terminal, in English.
   */
  public static ClassArchive of(String classPath, String role) {
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

  /** The class path to start a JVM of this kind with: the jar's absolute path when there is an archive. */
  public String classPath() {
    return classPath;
  }

  /**
   * The flags that map the archive in, when it exists. An archive the JVM cannot map after all (another
   * Java update under the same path, an address clash) only costs its speed: the JVM's warning about it
   * is turned off, since it would reach the user's terminal.
   */
  public List<String> useFlags() {
    return archive.filter(Files::isRegularFile)
        .map(a -> List.of("-XX:SharedArchiveFile=" + a, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"))
        .orElse(List.of());
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

    /**
     * The flags that write the archive as the JVM exits. CDS names the classes it cannot keep (old class file
     * versions) on standard output as it dumps: the user's terminal for the batch's JVM, the pipe to the batch
     * for a worker; it is turned off.
     */
    public List<String> flags() {
      return List.of("-XX:ArchiveClassesAtExit=" + temp, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
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
