package org.nianbao.locate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.map.MappedCell;
import org.nianbao.map.TableMapper;
import org.nianbao.map.TableMatch;
import org.nianbao.mapping.CompiledMapping;
import org.nianbao.mapping.FormatMapping;
import org.nianbao.mapping.KeyCatalog;
import org.nianbao.mapping.TableSpec;
import org.nianbao.model.Anomaly;
import org.nianbao.model.Messages;
import org.nianbao.model.Severity;
import org.nianbao.normalize.TextForms;
import org.nianbao.source.Block;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.TableBlock;

/**
 * Finds the statistics tables of a document and decides their era. Every table is tried against every
 * table spec of every era; the best fit wins, helped by the section heading above it. A table whose
 * content fits two eras equally (section 四 is the same in 2019 and 2021) takes the report's era, which is
 * decided by the tables that do tell eras apart. A table of another era than the report's is kept and
 * flagged {@code format_mixed}. Stateless.
 */
public final class TableLocator {
  private static final int MAX_ANCHOR_LENGTH = 40;
  private final TableMapper mapper;
  private final KeyCatalog catalog;

  public TableLocator(TableMapper mapper, KeyCatalog catalog) {
    this.mapper = mapper;
    this.catalog = catalog;
  }

  /** The candidate matches of one table, best first per era. */
  private record Candidates(TableBlock table, String tableId, Map<String, TableMatch> byFormat) {}

  public LocatedReport locate(SourceDocument doc, CompiledMapping mapping, Integer year) {
    List<Candidates> tables = new ArrayList<>();
    Set<String> anchored = new LinkedHashSet<>();
    String anchor = null;
    for (Block b : doc.blocks()) {
      if (b instanceof Heading h) {
        anchor = anchorOf(h.text(), mapping, anchor, anchored);
      } else if (b instanceof Paragraph p) {
        anchor = anchorOf(p.text(), mapping, anchor, anchored);
      } else if (b instanceof TableBlock t) {
        Candidates c = candidates(t, mapping, anchor, doc.scannedPages());
        if (c != null) {
          tables.add(c);
        }
      }
    }
    List<Anomaly> anomalies = new ArrayList<>();
    if (tables.isEmpty()) {
      // only a document that names its year is taken for a report whose tables were flattened
      return year == null ? new LocatedReport("unknown", List.of(), List.of()) : gluedTables(doc, mapping);
    }
    String format = reportFormat(tables, mapping, year);
    List<TableMatch> chosen = new ArrayList<>();
    Set<String> idsFound = new LinkedHashSet<>();
    for (Candidates c : tables) {
      TableMatch m = decisive(c) ? best(c) : c.byFormat().getOrDefault(format, best(c));
      chosen.add(m);
      idsFound.add(m.spec().id());
      if (!m.spec().format().equals(format)) {
        List<String> all = m.cells().stream().map(MappedCell::key).distinct().toList();
        List<String> mixed = all.stream()
            .filter(k -> catalog.entry(k).map(e -> !e.formats().contains(format)).orElse(false)).toList();
        anomalies.add(Anomaly.rule(Severity.WARNING, "format_mixed", mixed.isEmpty() ? all : mixed, m.page(),
            m.spec().title(), Messages.format(m.spec().format()), Messages.format(format),
            mixed.isEmpty() ? Messages.text("label.none") : catalog.labels(mixed, 3)));
      }
    }
    FormatMapping fm = mapping.format(format).orElseThrow();
    for (TableSpec spec : fm.tables()) {
      if (!idsFound.contains(spec.id())) {
        anomalies.add(Anomaly.rule(Severity.ERROR, "missing_section", List.of(), 0, spec.title(),
            Messages.format(format)));
      }
    }
    return new LocatedReport(format, chosen, anomalies);
  }

  /**
   * A document without tables whose text runs table row labels straight into digit runs (a text dump that
   * lost the cell boundaries, corpus-glued/pingtan-2022-flat.txt): the tables are there but unreadable. No
   * number is taken from such text; each table is reported with the keys of its glued rows.
   */
  private LocatedReport gluedTables(SourceDocument doc, CompiledMapping mapping) {
    StringBuilder text = new StringBuilder();
    for (Block b : doc.blocks()) {
      if (b instanceof Paragraph p) {
        text.append(TextForms.matchForm(p.text())).append('|');
      }
    }
    String all = text.toString();
    String bestFormat = "unknown";
    Map<String, List<String>> bestKeys = Map.of();
    int bestRows = 0;
    for (FormatMapping f : mapping.formats()) {
      Map<String, List<String>> keys = new LinkedHashMap<>();
      int rows = 0;
      for (TableSpec spec : f.tables()) {
        int glued = 0;
        for (var block : spec.blocks()) {
          for (var row : block.rows()) {
            if (row.labels().stream().anyMatch(l -> l.length() >= 4 && gluedAfter(all, l))) {
              glued++;
            }
          }
        }
        // none of the table's cells is read, so the finding names them all, not only the glued rows found
        if (glued > 0) {
          keys.put(spec.id(), spec.keys());
        }
        rows += glued;
      }
      if (rows > bestRows) {
        bestRows = rows;
        bestFormat = f.format();
        bestKeys = keys;
      }
    }
    if (bestRows < 3) {
      return new LocatedReport("unknown", List.of(), List.of());
    }
    List<Anomaly> anomalies = new ArrayList<>();
    Map<String, String> titles = new LinkedHashMap<>();
    mapping.format(bestFormat).ifPresent(f -> f.tables().forEach(t -> titles.put(t.id(), t.title())));
    bestKeys.forEach((id, keys) -> anomalies.add(Anomaly.rule(Severity.WARNING, "table_unreadable", keys, 0,
        titles.getOrDefault(id, id), keys.size())));
    return new LocatedReport(bestFormat, List.of(), anomalies);
  }

  private static boolean gluedAfter(String text, String label) {
    int at = text.indexOf(label);
    while (at >= 0) {
      int next = at + label.length();
      if (next < text.length() && Character.isDigit(text.charAt(next))) {
        return true;
      }
      at = text.indexOf(label, at + 1);
    }
    return false;
  }

  private String anchorOf(String text, CompiledMapping mapping, String current, Set<String> anchored) {
    // a long paragraph is not a heading: it is told so without making its whole match form
    if (TextForms.matchFormLongerThan(text, MAX_ANCHOR_LENGTH)) {
      return current;
    }
    String f = TextForms.matchForm(text);
    if (f.isEmpty()) {
      return current;
    }
    for (TableSpec spec : mapping.tables()) {
      for (String a : spec.anchors()) {
        if (f.contains(a)) {
          anchored.add(spec.id());
          return spec.id();
        }
      }
    }
    return current;
  }

  private Candidates candidates(TableBlock table, CompiledMapping mapping, String anchor, Set<Integer> scanned) {
    Map<String, Map<String, TableMatch>> byId = new LinkedHashMap<>();
    Map<String, Integer> bestById = new HashMap<>();
    TableMapper.Prepared prepared = mapper.prepare(table, scanned.contains(table.firstPage()));
    for (TableSpec spec : mapping.tables()) {
      TableMatch m = mapper.map(prepared, spec);
      if (m.score() <= 0) {
        continue;
      }
      int score = m.score() + (spec.id().equals(anchor) ? 1 : 0);
      byId.computeIfAbsent(spec.id(), k -> new LinkedHashMap<>()).put(spec.format(), m);
      bestById.merge(spec.id(), score, Math::max);
    }
    return bestById.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(e -> new Candidates(table, e.getKey(), byId.get(e.getKey()))).orElse(null);
  }

  private static TableMatch best(Candidates c) {
    return c.byFormat().values().stream().max(Comparator.comparingInt(TableMatch::score)).orElseThrow();
  }

  private static boolean decisive(Candidates c) {
    List<Integer> scores = c.byFormat().values().stream().map(TableMatch::score).sorted(Comparator.reverseOrder()).toList();
    return scores.size() == 1 || scores.get(0) > scores.get(1);
  }

  private static String reportFormat(List<Candidates> tables, CompiledMapping mapping, Integer year) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    for (Candidates c : tables) {
      if (decisive(c)) {
        TableMatch b = best(c);
        int second = c.byFormat().values().stream().filter(m -> m != b).mapToInt(TableMatch::score).max().orElse(0);
        votes.merge(b.spec().format(), b.score() - second, Integer::sum);
      }
    }
    if (!votes.isEmpty()) {
      return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
    Set<String> formats = tables.get(0).byFormat().keySet();
    if (year != null && year <= 2020 && formats.contains("2019")) {
      return "2019";
    }
    return mapping.formats().stream().map(FormatMapping::format).filter(formats::contains)
        .max(Comparator.naturalOrder()).orElse(formats.iterator().next());
  }
}
