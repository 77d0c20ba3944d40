package org.nianbao.pipeline.batch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.nianbao.model.ReportId;

/**
 * The pipe between the batch and a worker JVM. A request names a document (source, the id its bytes hashed
 * to, where it is) under a tag; the worker reads it itself. Replies: a kind byte, a tag and a length-prefixed
 * payload. The worker says {@link #READY} (or {@link #START_FAILED} with a message) once, a {@link #REPORT} per
 * request (the state entry: report and rendered rows) or, when the batch renders the rows itself, a
 * {@link #BARE_REPORT} (the report alone), and {@link #STATS} when its input ends. A worker with several
 * slots reads several documents at once and answers each as it finishes, so replies name their request's tag.
 */
final class WorkerProtocol {
  static final byte READY = 1;
  static final byte START_FAILED = 2;
  static final byte REPORT = 3;
  static final byte STATS = 4;
  static final byte BARE_REPORT = 5;

  private static final byte IN_FILE = 1;
  private static final byte IN_ZIP = 2;

  /** A larger reply means the pipe is out of step (a crashed worker), not a huge report. */
  private static final int MAX_REPLY = 256 << 20;

  private WorkerProtocol() {}

  /** A document to read; its reply carries the same tag. */
  record Request(int tag, String source, ReportId id, Location location) {}

  /** A worker's message: a report for the request of the same tag, or READY, START_FAILED, STATS (tag 0). */
  record Reply(byte kind, int tag, byte[] payload) {}

  static void writeRequest(DataOutputStream out, int tag, Task task) throws IOException {
    out.writeInt(tag);
    ReportCodec.writeString(out, task.source());
    ReportCodec.writeString(out, task.id().hex());
    if (task.location() instanceof Location.InFile f) {
      out.writeByte(IN_FILE);
      ReportCodec.writeString(out, f.path().toAbsolutePath().toString());
      ReportCodec.writeString(out, f.stamp());
    } else {
      Location.InZip z = (Location.InZip) task.location();
      out.writeByte(IN_ZIP);
      ReportCodec.writeString(out, z.archive().toAbsolutePath().toString());
      out.writeLong(z.offset());
      ReportCodec.writeString(out, z.entry());
    }
    out.flush();
  }

  /** The next request, or empty when the batch closed the pipe. */
  static Optional<Request> readRequest(DataInputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return Optional.empty();
    }
    int tag = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
    int sourceLength = in.readInt();
    byte[] source = new byte[checked(sourceLength, 1 << 20)];
    in.readFully(source);
    ReportId id = new ReportId(ReportCodec.readString(in));
    byte kind = in.readByte();
    Location location = switch (kind) {
      case IN_FILE -> new Location.InFile(Path.of(ReportCodec.readString(in)), ReportCodec.readString(in));
      case IN_ZIP -> new Location.InZip(Path.of(ReportCodec.readString(in)), in.readLong(), ReportCodec.readString(in));
      default -> throw new IOException("worker pipe out of step (location kind " + kind + ")");
    };
    return Optional.of(new Request(tag, new String(source, StandardCharsets.UTF_8), id, location));
  }

  static void writeReply(DataOutputStream out, byte kind, int tag, byte[] payload) throws IOException {
    out.writeByte(kind);
    out.writeInt(tag);
    out.writeInt(payload.length);
    out.write(payload);
    out.flush();
  }

  static Reply readReply(DataInputStream in) throws IOException {
    int kind = in.read();
    if (kind < 0) {
      throw new EOFException("worker closed its output");
    }
    if (kind < READY || kind > BARE_REPORT) {
      throw new IOException("worker output out of step (kind " + kind + ")");
    }
    int tag = in.readInt();
    byte[] payload = new byte[checked(in.readInt(), MAX_REPLY)];
    in.readFully(payload);
    return new Reply((byte) kind, tag, payload);
  }

  private static int checked(int length, int max) throws IOException {
    if (length < 0 || length > max) {
      throw new IOException("worker pipe out of step (length " + length + ")");
    }
    return length;
  }
}
