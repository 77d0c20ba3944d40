package org.nianbao.corpus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The truth model of one corpus document: what is printed where, and why. Expected outputs are derived
 * from it by {@link Expected}; documents are rendered from it by the writers.
 *
 * @param name file name without extension; also the expected folder's name
 * @param titleLines the title as printed (one or two lines)
 * @param prose paragraphs under 一、总体情况 (they carry the publication date of the following year)
 * @param truth the consistent numbers before any deliberate fault (every printed key)
 * @param cells the printed text of every printed key, in template order
 * @param labels template label → label as printed (variants and typos)
 * @param fuzzyRows ids of rows whose printed label is a typo that only approximate matching finds
 * @param missingRows ids of template rows left out of their table
 * @param missingSections sections (二, 三, 四) whose table is left out
 * @param extraRows rows with numbers whose labels belong to no template row
 * @param otherAsOneRow a 2021 report printing （六）其他处理 as one 2019-style row
 * @param variants layout variants that move things but change no number
 * @param quirks human-readable list of the cell and label quirks, for NOTE.md
 * @param faults human-readable list of the deliberate identity faults, for NOTE.md
 */
public record ReportSpec(
    String name,
    Era era,
    Rendering rendering,
    String agency,
    int year,
    List<String> titleLines,
    List<String> prose,
    Map<String, BigDecimal> truth,
    Map<String, CellText> cells,
    Map<String, String> labels,
    Set<String> fuzzyRows,
    Set<String> missingRows,
    Set<String> missingSections,
    List<ExtraRow> extraRows,
    boolean otherAsOneRow,
    Set<Variant> variants,
    List<String> quirks,
    List<String> faults,
    long seed) {
  /** A row the template does not know, inserted after the rows of a section 二 block. */
  public record ExtraRow(String blockCaption, String label, List<String> printed) {
    public ExtraRow {
      printed = List.copyOf(printed);
    }
  }

  public ReportSpec {
    titleLines = List.copyOf(titleLines);
    prose = List.copyOf(prose);
    truth = Map.copyOf(truth);
    cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
    labels = Map.copyOf(labels);
    fuzzyRows = Set.copyOf(fuzzyRows);
    missingRows = Set.copyOf(missingRows);
    missingSections = Set.copyOf(missingSections);
    extraRows = List.copyOf(extraRows);
    variants = variants.isEmpty() ? Set.of() : Set.copyOf(java.util.EnumSet.copyOf(variants));
    quirks = List.copyOf(quirks);
    faults = List.copyOf(faults);
  }

  public String title() {
    return String.join("", titleLines);
  }

  public boolean has(Variant variant) {
    return variants.contains(variant);
  }

  public String fileName() {
    return name + "." + rendering.fileType();
  }

  /** The label as printed for a template label. */
  public String label(String templateLabel) {
    return labels.getOrDefault(templateLabel, templateLabel);
  }

  /** The section 三 rows as printed, in table order. */
  public List<Template.T3Row> printedT3Rows() {
    Era layout = otherAsOneRow ? Era.Y2019 : era;
    return Template.section3(layout).stream().filter(r -> !missingRows.contains(r.id())).toList();
  }

  /** The section 二 blocks as printed, without the missing rows. */
  public List<Template.T2Block> printedT2Blocks() {
    return Template.section2(era).stream()
        .map(b -> new Template.T2Block(b.caption(), b.headers(), b.headerSpans(),
            b.rows().stream().filter(r -> !missingRows.contains(r.id())).toList()))
        .toList();
  }
}
