package org.nianbao.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nianbao.decode.IndicatorRows;
import org.nianbao.decode.TextDecoder;
import org.nianbao.decode.TokenizedDocument;
import org.nianbao.locate.LocatedReport;
import org.nianbao.locate.MetadataFinder;
import org.nianbao.locate.ReportMetadata;
import org.nianbao.locate.TableLocator;
import org.nianbao.map.MappedCell;
import org.nianbao.map.ProseNumbers;
import org.nianbao.map.TableMapper;
import org.nianbao.map.TableMatch;
import org.nianbao.mapping.CompiledMapping;
import org.nianbao.mapping.FormatMapping;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.mapping.MappingLoader;
import org.nianbao.mapping.TableSpec;
import org.nianbao.model.Anomaly;
import org.nianbao.model.CellValue;
import org.nianbao.model.Flag;
import org.nianbao.model.Report;
import org.nianbao.model.ReportId;
import org.nianbao.model.Severity;
import org.nianbao.model.Status;
import org.nianbao.model.ValueType;
import org.nianbao.normalize.CellNormalizer;
import org.nianbao.normalize.Normalized;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.read.FileTypes;
import org.nianbao.read.NotAReportException;
import org.nianbao.read.Readers;
import org.nianbao.source.Recognition;
import org.nianbao.source.SourceDocument;
import org.nianbao.validate.CellFindings;
import org.nianbao.validate.Completeness;
import org.nianbao.validate.IdentityChecker;
import org.nianbao.validate.ProseChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the stages for one document: sniff → read → metadata → locate → map → normalize → validate →
 * status. Holds only start-up state (the compiled mappings); thread-safe.
 */
public final class ReportPipeline implements DocumentProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(ReportPipeline.class);
  private final CompiledMapping mapping;
  private final KeyCatalog catalog = KeyCatalog.get();
  private final Readers readers = new Readers();
  private final CellNormalizer normalizer = new CellNormalizer();
  private final TableLocator locator = new TableLocator(new TableMapper(normalizer), catalog);
  private final MetadataFinder metadata = new MetadataFinder();
  private final IdentityChecker identities = new IdentityChecker();
  private final CellFindings findings = new CellFindings();
  private final Completeness completeness = new Completeness();
  private final ProseNumbers prose = new ProseNumbers();
  private final ProseChecks proseChecks = new ProseChecks();
  private final Corrections corrections;
  private final OcrDoubts ocr = new OcrDoubts(normalizer);
  private final TextDecoder decoder = new TextDecoder();
  private final IndicatorRows indicatorRows = new IndicatorRows();
  /** The first data year of the fixed-row templates (国办公开办函〔2019〕60号). */
  private static final int FIXED_ROWS_FROM = 2019;

  /** @param mappingsDir a folder of mapping files replacing the built-in ones */
  public ReportPipeline(Optional<Path> mappingsDir) {
    this(mappingsDir, Corrections.NONE);
  }

  /**
   * @param correctionsFile a reviewer's corrections (--corrections), applied to the reports they name
   */
  public ReportPipeline(Optional<Path> mappingsDir, Optional<Path> correctionsFile) {
    this(mappingsDir, load(correctionsFile));
  }

  public ReportPipeline(Optional<Path> mappingsDir, Corrections corrections) {
    this.mapping = new MappingLoader(catalog).load(mappingsDir);
    this.corrections = corrections;
  }

  private static Corrections load(Optional<Path> file) {
    if (file.isEmpty()) {
      return Corrections.NONE;
    }
    try {
      return Corrections.load(file.get());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(file.get() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Report process(byte[] bytes, String source) {
    return process(bytes, source, ReportId.of(bytes));
  }

  @Override
  public Report process(byte[] bytes, String source, ReportId id) {
    Report r = read(bytes, source, id);
    if (!r.cells().isEmpty() || r.status() == Status.OK || r.status() == Status.ANOMALIES) {
      return r;
    }
    // a report with no cells (failed, unrecognized, unreadable tables): its corrections cannot apply
    List<Anomaly> all = new ArrayList<>(r.anomalies());
    for (Corrections.Correction c : corrections.of(r.id().text())) {
      all.add(Anomaly.rule(Severity.ERROR, "correction_unknown_key", List.of(), "", c.valueText(), 0, c.line(),
          c.key(), c.reviewer(), c.valueText()));
    }
    return all.size() == r.anomalies().size() ? r : new Report(r.id(), r.source(), r.fileType(), r.status(),
        r.format(), r.agency(), r.year(), r.title(), r.cells(), all, r.error());
  }

  private Report read(byte[] bytes, String source, ReportId id) {
    String type = FileTypes.detect(bytes);
    if (type.equals(FileTypes.EMPTY)) {
      return Report.unreadable(id, source, type, Status.FAILED, org.nianbao.model.Messages.text("error.empty_file"));
    }
    Optional<DocumentReader> reader = readers.forType(type);
    Optional<String> skip = notAReport(source, type, bytes, reader.isPresent());
    if (skip.isPresent()) {
      return Report.unreadable(id, source, type, Status.SKIPPED, skip.get());
    }
    if (reader.isEmpty()) {
      return Report.unreadable(id, source, type, Status.UNRECOGNIZED,
          org.nianbao.model.Messages.text("error.unsupported_type", type));
    }
    SourceDocument doc;
    try {
      doc = reader.get().read(bytes, source, type);
    } catch (NotAReportException e) {
      return Report.unreadable(id, source, e.fileType(), Status.UNRECOGNIZED, e.getMessage());
    } catch (DocumentReadException e) {
      return Report.unreadable(id, source, type, Status.FAILED, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return Report.unreadable(id, source, type, Status.FAILED, org.nianbao.model.Messages.text("error.reader", e.toString()));
    }
    return extract(id, doc);
  }

  private static final java.util.regex.Pattern NOTE_NAMES =
      java.util.regex.Pattern.compile("(?i)(readme|license|licence|changelog|changes|authors)([._-].*)?");

  /**
   * Files that are obviously not reports and would otherwise mix {@code text.*} cells from their text into
   * the output: README-like notes, JSON data, images nothing here can read. The reason is the error column.
   */
  static Optional<String> notAReport(String source, String type, byte[] bytes, boolean readable) {
    String name = source.substring(source.lastIndexOf('/') + 1);
    name = name.substring(name.lastIndexOf('!') + 1);
    if (NOTE_NAMES.matcher(name).matches()) {
      return Optional.of(org.nianbao.model.Messages.text("skip.note", name));
    }
    if (type.equals(FileTypes.TXT) && looksLikeJson(bytes)) {
      return Optional.of(org.nianbao.model.Messages.text("skip.json"));
    }
    if (type.equals("image") && !readable) {
      return Optional.of(org.nianbao.model.Messages.text("skip.image"));
    }
    return Optional.empty();
  }

  private static boolean looksLikeJson(byte[] bytes) {
    int start = 0;
    int end = bytes.length - 1;
    if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
      start = 3;
    }
    while (start <= end && Character.isWhitespace(bytes[start])) {
      start++;
    }
    while (end >= start && Character.isWhitespace(bytes[end])) {
      end--;
    }
    if (start >= end) {
      return false;
    }
    byte first = bytes[start];
    byte last = bytes[end];
    return (first == '{' && last == '}') || (first == '[' && last == ']' && bytes.length > start + 1
        && (bytes[start + 1] == '{' || bytes[start + 1] == '"' || bytes[start + 1] == '['
            || Character.isWhitespace(bytes[start + 1])));
  }

  /** The stages after reading. */
  Report extract(ReportId id, SourceDocument doc) {
    ReportMetadata meta = metadata.find(doc);
    LocatedReport located = locator.locate(doc, mapping, meta.year());
    if (located.matches().isEmpty()) {
      located = decoded(doc, meta).orElse(located);
    }
    List<Anomaly> anomalies = new ArrayList<>(located.anomalies());
    Map<String, CellValue> cells = new LinkedHashMap<>();
    Map<String, Recognition> recognized = new LinkedHashMap<>();
    Map<TableSpec, Set<String>> rowsFound = new LinkedHashMap<>();
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    for (TableMatch m : located.matches()) {
      anomalies.addAll(m.anomalies());
      rowsFound.computeIfAbsent(m.spec(), k -> new LinkedHashSet<>()).addAll(m.rowsFound());
      expected.computeIfAbsent(m.spec().id(), k -> new LinkedHashSet<>()).addAll(m.expected());
      for (MappedCell mc : m.cells()) {
        Recognition rec = doc.recognitions().get(mc.ref());
        if (cells.putIfAbsent(mc.key(), normalize(mc, rec)) == null && rec != null) {
          recognized.put(mc.key(), rec);
        }
      }
    }
    for (Map.Entry<TableSpec, Set<String>> e : rowsFound.entrySet()) {
      TableMapper.missingRows(e.getKey(), e.getValue()).forEach((label, keys) -> anomalies.add(Anomaly.rule(
          Severity.WARNING, "missing_row", keys, 0, label, e.getKey().title(), keys.size())));
    }
    List<Corrections.Correction> mine = corrections.of(id.text());
    anomalies.addAll(correct(cells, mine));
    Set<String> tableKeys = Set.copyOf(cells.keySet());
    anomalies.addAll(findings.check(List.copyOf(cells.values())));
    anomalies.addAll(completeness.check(expected, cells.keySet(), anomalies));
    boolean complete = Completeness.complete(expected, cells.keySet());
    for (CellValue c : prose.find(doc)) {
      cells.putIfAbsent(c.key(), doc.scannedPages().contains(c.page()) ? withOcr(c) : c);
    }
    anomalies.addAll(correct(cells, mine.stream().filter(c -> !tableKeys.contains(c.key())).toList()));
    for (Corrections.Correction c : mine) {
      if (!cells.containsKey(c.key())) {
        anomalies.add(Anomaly.rule(Severity.ERROR, "correction_unknown_key", List.of(), "", c.valueText(), 0,
            c.line(), c.key(), c.reviewer(), c.valueText()));
      }
    }
    if (located.format().equals("2021") || located.format().equals("2019")) {
      anomalies.addAll(proseChecks.check(cells));
    }
    Optional<FormatMapping> fm = mapping.format(located.format());
    fm.ifPresent(f -> anomalies.addAll(
        ocr.apply(cells, recognized, c -> identities.check(f.identities(), c), this::typeOf)));
    if (!doc.scannedPages().isEmpty()) {
      fm.ifPresent(f -> anomalies.addAll(OcrDoubts.unread(f, cells.keySet(), anomalies)));
    }
    List<CellValue> cellList = List.copyOf(cells.values());
    fm.ifPresent(f -> anomalies.addAll(identities.check(f.identities(), cells)));
    Status status = status(located, anomalies, meta, complete);
    String error = status == Status.UNRECOGNIZED ? org.nianbao.model.Messages.text("error.no_table") : "";
    return new Report(id, doc.source(), doc.fileType(), status, located.format(), meta.agency(), meta.year(),
        meta.title(), cellList, anomalies, error);
  }

  /**
   * Puts the reviewer's values in place of the ones read, for the cells present and not yet reviewed; each
   * applied correction is an info finding naming the reviewer, a value that is no number an error.
   */
  private static List<Anomaly> correct(Map<String, CellValue> cells, List<Corrections.Correction> mine) {
    List<Anomaly> out = new ArrayList<>();
    for (Corrections.Correction c : mine) {
      CellValue cell = cells.get(c.key());
      if (cell == null) {
        continue;
      }
      String where = org.nianbao.model.Messages.cellLabel(cell.rowLabel(), cell.columnLabel());
      if (c.value() == null) {
        out.add(Anomaly.rule(Severity.ERROR, "correction_bad_value", List.of(c.key()), "", c.valueText(),
            cell.page(), c.line(), where, c.valueText(), c.reviewer()));
        continue;
      }
      cells.put(c.key(), cell.reviewed(c.value(), c.reviewer(), c.note()));
      String note = c.note().isEmpty() ? "" : org.nianbao.model.Messages.text("rule.reviewed.note", c.note());
      out.add(Anomaly.rule(Severity.INFO, "reviewed", List.of(c.key()), CellValue.plain(c.value()), cell.valueText(),
          cell.page(), where, cell.raw().strip(), cell.value() == null ? org.nianbao.model.Messages.text("label.blank")
              : cell.valueText(), c.reviewer(), CellValue.plain(c.value()), note));
    }
    return out;
  }

  /**
   * A document without a readable table grid: its tables decoded from the text, when they can be found there.
   * An indicator table (统计指标 | 单位 | 统计数) rebuilt from its rows is located like a printed one; the
   * decoder of the fixed-row templates is tried only when there is none (the 2019 template's rows would
   * otherwise be fitted to an indicator list).
   */
  private Optional<LocatedReport> decoded(SourceDocument doc, ReportMetadata meta) {
    TokenizedDocument text = TokenizedDocument.of(doc);
    Optional<LocatedReport> indicators = indicatorRows.rebuild(text, mapping).flatMap(r -> {
      LocatedReport l = locator.locate(r.document(), mapping, meta.year());
      if (l.matches().isEmpty() || l.matches().stream().anyMatch(m -> !m.spec().optionalRows())) {
        return Optional.empty();
      }
      List<Anomaly> all = new ArrayList<>(l.anomalies());
      all.addAll(r.anomalies());
      return Optional.of(new LocatedReport(l.format(), l.matches(), all));
    });
    if (indicators.isPresent() || meta.year() != null && meta.year() < FIXED_ROWS_FROM) {
      // the fixed-row templates began with the 2019 reports: an older report's text is not fitted to them
      return indicators;
    }
    return decoder.decode(text, mapping, meta.year()).map(d -> {
      List<Anomaly> anomalies = new ArrayList<>(d.anomalies());
      Set<String> found = new LinkedHashSet<>();
      d.matches().forEach(m -> found.add(m.spec().id()));
      for (TableSpec spec : mapping.format(d.format()).orElseThrow().tables()) {
        if (!found.contains(spec.id())) {
          anomalies.add(Anomaly.rule(Severity.ERROR, "missing_section", List.of(), 0, spec.title(),
              org.nianbao.model.Messages.format(d.format())));
        }
      }
      return new LocatedReport(d.format(), d.matches(), anomalies);
    });
  }

  private ValueType typeOf(String key) {
    String base = key.endsWith(".cumulative") ? key.substring(0, key.length() - ".cumulative".length()) : key;
    return catalog.entry(base)
        .map(e -> ValueType.fromCode(e.type())).orElse(ValueType.INT);
  }

  private static CellValue withOcr(CellValue c) {
    EnumSet<Flag> flags = c.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(c.flags());
    flags.add(Flag.OCR);
    return new CellValue(c.key(), c.value(), c.raw(), flags, c.page(), c.locator(), c.rowLabel(), c.columnLabel());
  }

  private CellValue normalize(MappedCell mc, Recognition rec) {
    ValueType type = typeOf(mc.key());
    Normalized n = mc.misaligned()
        ? new Normalized(null, EnumSet.of(Flag.UNPARSEABLE))
        : normalizer.normalize(mc.raw(), type);
    EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
    flags.addAll(n.flags());
    if (mc.fuzzy()) {
      flags.add(Flag.FUZZY_LABEL);
    }
    if (mc.realigned()) {
      flags.add(Flag.HEADER_REALIGNED);
    }
    flags.addAll(mc.decoded());
    if (rec != null) {
      OcrDoubts.flag(rec, flags);
      // the calibration of OcrDoubts.DOUBT_BELOW reads these lines (-v)
      LOG.debug("ocr {} {} raw={} confidence={}", mc.ref().source(), mc.key(), mc.raw(), rec.confidence());
    }
    return new CellValue(mc.key(), n.value(), mc.raw(), flags, mc.ref().page(), mc.ref().locator(), mc.rowLabel(),
        mc.columnLabel());
  }

  /** {@code ok} or {@code anomalies} only for a complete report: every cell of every table found was read. */
  private static Status status(LocatedReport located, List<Anomaly> anomalies, ReportMetadata meta, boolean complete) {
    if (located.matches().isEmpty()) {
      if (!located.anomalies().isEmpty()) {
        return Status.PARTIAL;
      }
      boolean looksLikeReport = !meta.title().isEmpty() && meta.year() != null;
      return looksLikeReport ? Status.PARTIAL : Status.UNRECOGNIZED;
    }
    boolean incomplete = !complete || anomalies.stream().anyMatch(a -> a.rule().equals("missing_section")
        || a.rule().equals("table_unreadable") || a.rule().equals("row_misaligned")
        || a.rule().equals("header_misaligned") || a.rule().equals("ocr_unread"));
    if (incomplete) {
      return Status.PARTIAL;
    }
    return anomalies.stream().anyMatch(a -> a.severity() == Severity.ERROR) ? Status.ANOMALIES : Status.OK;
  }
}
