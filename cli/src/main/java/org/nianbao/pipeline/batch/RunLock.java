package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.model.Messages;

/**
 * One run per output folder: an exclusive lock on {@code .nianbao-state/run.lock}, held while the run lasts
 * and released by the operating system when the process dies, so a killed run never leaves a stale lock.
 * The file names the run holding it, for the error the second run gives.
 */
public final class RunLock implements AutoCloseable {
  static final String FILE = "run.lock";
  /** The system property naming the run's process when it is not this JVM's own. */
  public static final String RUN_PID = "nianbao.runPid";
  /** What the lock file says while a run holds it. */
  private static final Pattern HOLDER = Pattern.compile("pid (\\d+), started (\\S+)");

  /** Another run holds the lock; the message names it. */
  static final class Busy extends Exception {
    private static final long serialVersionUID = 1L;

    Busy(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static RunLock acquire(Path stateFolder, Path out) throws IOException, Busy {
    Files.createDirectories(stateFolder);
    Path file = stateFolder.resolve(FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
      channel.close();
      Matcher m = HOLDER.matcher(holder);
      throw new Busy(m.matches() ? Messages.text("error.run_busy_by", out, m.group(1), m.group(2))
          : Messages.text("error.run_busy", out));
    }
    channel.truncate(0);
    // the process the user started: with two JVMs (cli.BatchJvm) the first, which names itself here
    long pid = Long.getLong(RUN_PID, ProcessHandle.current().pid());
    channel.write(ByteBuffer.wrap(("pid " + pid + ", started "
        + Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()) + "\n")
        .getBytes(StandardCharsets.UTF_8)));
    channel.force(false);
    return new RunLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
    }
  }
}
