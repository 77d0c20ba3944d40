package org.nianbao.pipeline.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Severity;
import org.nianbao.model.Status;

/**
 * A compact binary form of a {@link Report}, used both on the worker pipe and in the state folder. Enums
 * are written by their codes, not ordinals, so a state folder stays readable when an enum grows.
 */
final class ReportCodec {
  private static final int VERSION = 1;

  private ReportCodec() {}

  static byte[] encode(Report r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 128 * r.cells().size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, r);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Decodes bytes from {@link #encode}; damaged bytes give an {@link IOException}. */
  static Report decode(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return read(in);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("damaged report record: " + e.getMessage(), e);
    }
  }

  static void write(DataOutputStream out, Report r) throws IOException {
    out.writeByte(VERSION);
    writeString(out, r.id().hex());
    writeString(out, r.source());
    writeString(out, r.fileType());
    writeString(out, r.status().code());
    writeString(out, r.format());
    writeString(out, r.agency());
    out.writeBoolean(r.year() != null);
    out.writeInt(r.year() == null ? 0 : r.year());
    writeString(out, r.title());
    writeString(out, r.error());
    out.writeInt(r.cells().size());
    for (CellValue c : r.cells()) {
      writeString(out, c.key());
      writeString(out, c.value() == null ? "" : c.value().toString());
      writeString(out, c.raw());
      out.writeInt(c.flags().size());
      for (Flag f : EnumSet.copyOf(c.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : c.flags())) {
        writeString(out, f.code());
      }
      out.writeInt(c.page());
      writeString(out, c.locator());
      writeString(out, c.rowLabel());
      writeString(out, c.columnLabel());
      writeString(out, c.reviewer());
      writeString(out, c.reviewNote());
    }
    out.writeInt(r.anomalies().size());
    for (Anomaly a : r.anomalies()) {
      writeString(out, a.severity().code());
      writeString(out, a.rule());
      out.writeInt(a.keys().size());
      for (String k : a.keys()) {
        writeString(out, k);
      }
      writeString(out, a.expected());
      writeString(out, a.actual());
      writeString(out, a.message());
      out.writeInt(a.page());
    }
  }

  static Report read(DataInputStream in) throws IOException {
    int version = in.readUnsignedByte();
    if (version != VERSION) {
      throw new IOException("unknown report record version " + version);
    }
    ReportId id = new ReportId(readString(in));
    String source = readString(in);
    String fileType = readString(in);
    Status status = Status.fromCode(readString(in));
    String format = readString(in);
    String agency = readString(in);
    boolean hasYear = in.readBoolean();
    int yearValue = in.readInt();
    String title = readString(in);
    String error = readString(in);
    int cellCount = count(in);
    List<CellValue> cells = new ArrayList<>(cellCount);
    for (int i = 0; i < cellCount; i++) {
      String key = readString(in);
      String value = readString(in);
      String raw = readString(in);
      int flagCount = count(in);
      Set<Flag> flags = EnumSet.noneOf(Flag.class);
      for (int j = 0; j < flagCount; j++) {
        flags.add(Flag.valueOf(readString(in).toUpperCase(Locale.ROOT)));
      }
      int page = in.readInt();
      cells.add(new CellValue(key, value.isEmpty() ? null : new BigDecimal(value), raw, flags, page,
          readString(in), readString(in), readString(in), readString(in), readString(in)));
    }
    int anomalyCount = count(in);
    List<Anomaly> anomalies = new ArrayList<>(anomalyCount);
    for (int i = 0; i < anomalyCount; i++) {
      Severity severity = Severity.valueOf(readString(in).toUpperCase(Locale.ROOT));
      String rule = readString(in);
      int keyCount = count(in);
      List<String> keys = new ArrayList<>(keyCount);
      for (int j = 0; j < keyCount; j++) {
        keys.add(readString(in));
      }
      anomalies.add(new Anomaly(severity, rule, keys, readString(in), readString(in), readString(in),
          in.readInt()));
    }
    return new Report(id, source, fileType, status, format, agency, hasYear ? yearValue : null, title, cells,
        anomalies, error);
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[count(in)];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A length or count; a negative or absurd one means the bytes are damaged, not that memory is short. */
  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 64 * 1024 * 1024) {
      throw new IOException("damaged report record: length " + n);
    }
    return n;
  }
}
