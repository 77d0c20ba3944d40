package org.nianbao.corpus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Assembles a {@link ReportSpec}: pins some numbers, generates the rest consistently, then applies
 * printing quirks (which must read back as the true value) and deliberate faults (which may not).
 */
final class SpecBuilder {
  private final String name;
  private final Era era;
  private final Rendering rendering;
  private final long seed;
  private TruthNumbers.Scale scale = TruthNumbers.Scale.COUNTY;
  private String agency = "";
  private int year;
  private boolean yearFirstTitle;
  private boolean titleOnTwoLines;
  private final Map<String, Long> pins = new LinkedHashMap<>();
  private final Map<String, Function<BigDecimal, CellText>> prints = new LinkedHashMap<>();
  private final Map<String, Function<BigDecimal, CellText>> faultPrints = new LinkedHashMap<>();
  private final List<String> faults = new ArrayList<>();
  private final List<String> labelNotes = new ArrayList<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Set<String> fuzzyRows = new LinkedHashSet<>();
  private final Set<String> missingRows = new LinkedHashSet<>();
  private final Set<String> missingSections = new LinkedHashSet<>();
  private final List<ReportSpec.ExtraRow> extraRows = new ArrayList<>();
  private boolean otherAsOneRow;
  private final Set<Variant> variants = new LinkedHashSet<>();

  SpecBuilder(String name, Era era, Rendering rendering, long seed) {
    this.name = name;
    this.era = era;
    this.rendering = rendering;
    this.seed = seed;
  }

  SpecBuilder agency(String agency, int year, TruthNumbers.Scale scale) {
    this.agency = agency;
    this.year = year;
    this.scale = scale;
    return this;
  }

  /** Title as {@code 2020年某局…} instead of {@code 某局2020年…} (S4 prints it so). */
  SpecBuilder yearFirstTitle() {
    this.yearFirstTitle = true;
    return this;
  }

  /** Title broken after the year, as in the seed report. */
  SpecBuilder titleOnTwoLines() {
    this.titleOnTwoLines = true;
    return this;
  }

  SpecBuilder pin(String key, long value) {
    if (TruthNumbers.isDerived(key)) {
      throw new IllegalArgumentException("a derived key cannot be pinned: " + key);
    }
    pins.put(key, value);
    return this;
  }

  /** Pins every applicant cell of a section 三 row to 0, so its total is 0 too. */
  SpecBuilder zeroRow(String rowId) {
    for (String col : Template.T3_COLUMNS.subList(0, 6)) {
      pin("t3." + rowId + "." + col, 0);
    }
    return this;
  }

  /** A printing quirk: the text must read back as the true value (or be empty where that is harmless). */
  SpecBuilder print(String key, Function<BigDecimal, CellText> text) {
    prints.put(key, text);
    return this;
  }

  /** A deliberate fault: the printed text reads as something else than the true value. */
  SpecBuilder fault(String key, Function<BigDecimal, CellText> text, String why) {
    faultPrints.put(key, text);
    faults.add(why);
    return this;
  }

  SpecBuilder label(String templateLabel, String printed, String why) {
    labels.put(templateLabel, printed);
    labelNotes.add("label `" + templateLabel + "` printed as `" + visible(printed) + "` (" + why + ")");
    return this;
  }

  /** A row label with a typo that only approximate matching recovers. */
  SpecBuilder fuzzy(String rowId, String templateLabel, String typo) {
    fuzzyRows.add(rowId);
    labels.put(templateLabel, typo);
    faults.add("row label `" + templateLabel + "` misprinted as `" + typo + "` (fuzzy_label)");
    return this;
  }

  SpecBuilder dropRow(String rowId) {
    missingRows.add(rowId);
    faults.add("template row `" + rowId + "` left out (missing_row)");
    return this;
  }

  SpecBuilder dropSection(String section) {
    missingSections.add(section);
    faults.add("table of section " + section + " left out (missing_section)");
    return this;
  }

  SpecBuilder extraRow(String caption, String label, List<String> printed) {
    extraRows.add(new ReportSpec.ExtraRow(caption, label, printed));
    faults.add("extra row `" + label + "` with numbers under " + caption + " (unknown_row)");
    return this;
  }

  /** A layout variant: it moves things on the page but must read back as the truth. */
  SpecBuilder variant(Variant variant) {
    variants.add(variant);
    labelNotes.add(variant.note());
    return this;
  }

  SpecBuilder otherAsOneRow() {
    if (era != Era.Y2021) {
      throw new IllegalStateException("only a 2021 report can mix in the 2019 （六） row");
    }
    otherAsOneRow = true;
    faults.add("section 三 prints （六）其他处理 as one 2019-style row with numbers (format_mixed)");
    return this;
  }

  ReportSpec build() {
    boolean html = rendering.fileType().equals("html");
    if ((variants.contains(Variant.T3_HEADER_MISALIGNED) || variants.contains(Variant.BREADCRUMB)) && !html) {
      throw new IllegalStateException(name + ": the misaligned header and the breadcrumb are HTML layouts");
    }
    if (variants.contains(Variant.T4_TRANSPOSED) && rendering.pdf().borderlessSection4()) {
      throw new IllegalStateException(name + ": a transposed section 四 is ruled");
    }
    Map<String, BigDecimal> generated = TruthNumbers.generate(era, scale, seed, pins);
    Map<String, BigDecimal> truth = new LinkedHashMap<>(generated);
    if (otherAsOneRow) {
      foldOtherItems(truth);
    }
    for (String row : missingRows) {
      for (String col : Template.T3_COLUMNS) {
        BigDecimal v = truth.get("t3." + row + "." + col);
        if (v != null && v.signum() != 0) {
          throw new IllegalStateException(name + ": zero row " + row + " before dropping it");
        }
      }
    }
    Map<String, CellText> cells = new LinkedHashMap<>();
    List<String> quirks = new ArrayList<>(labelNotes);
    ReportSpec probe = spec(truth, cells, quirks);
    for (String key : Expected.printedKeys(probe)) {
      BigDecimal t = truth.get(key);
      CellText text = t.signum() < 0 ? CellText.signed(t.longValueExact()) : CellText.plain(t);
      if (prints.containsKey(key)) {
        text = prints.get(key).apply(t);
        check(key, t, text);
        quirks.add("`" + key + "` printed `" + visible(text.printed()) + "` → value `" + nullText(text.value())
            + "` flags `" + String.join(";", text.flags()) + "`");
      }
      if (faultPrints.containsKey(key)) {
        text = faultPrints.get(key).apply(t);
      }
      cells.put(key, text);
    }
    Set<String> unused = new HashSet<>(prints.keySet());
    unused.addAll(faultPrints.keySet());
    unused.removeAll(cells.keySet());
    if (!unused.isEmpty()) {
      throw new IllegalStateException(name + ": quirks on keys that are not printed: " + unused);
    }
    return spec(truth, cells, quirks);
  }

  private ReportSpec spec(Map<String, BigDecimal> truth, Map<String, CellText> cells, List<String> quirks) {
    String title = yearFirstTitle
        ? year + "年" + agency + "政府信息公开工作年度报告"
        : agency + year + "年" + (titleOnTwoLines ? "度" : "") + "政府信息公开工作年度报告";
    List<String> titleLines = titleOnTwoLines
        ? List.of(title.substring(0, title.indexOf("政府信息公开工作")), title.substring(title.indexOf("政府信息公开工作")))
        : List.of(title);
    List<String> prose = era.indicatorTable()
        ? Prose.indicatorSections(agency, year).stream().flatMap(sec -> sec.paragraphs().stream()).toList()
        : Prose.summary(agency, year, era);
    return new ReportSpec(name, era, rendering, agency, year, titleLines, prose,
        truth, cells, labels, fuzzyRows, missingRows, missingSections, extraRows, otherAsOneRow, variants, quirks,
        faults, seed);
  }

  /** A quirk may only change how a number looks; an empty reading is allowed where no identity sees it. */
  private void check(String key, BigDecimal truth, CellText text) {
    if (text.value() == null) {
      if (truth.signum() != 0 && !key.startsWith("t2.")) {
        throw new IllegalStateException(name + ": " + key + " reads empty but is " + truth + "; use fault()");
      }
    } else if (new BigDecimal(text.value()).compareTo(truth) != 0) {
      throw new IllegalStateException(name + ": " + key + " printed " + text.printed() + " but is " + truth);
    }
  }

  private static void foldOtherItems(Map<String, BigDecimal> truth) {
    for (String col : Template.T3_COLUMNS) {
      BigDecimal sum = BigDecimal.ZERO;
      for (String item : List.of("no_correction", "fee_unpaid", "other")) {
        sum = sum.add(truth.remove("t3.other." + item + "." + col));
      }
      truth.put("t3.other.sum." + col, sum);
    }
  }

  private static String nullText(String value) {
    return value == null ? "" : value;
  }

  /** Makes invisible characters visible in NOTE.md. */
  static String visible(String text) {
    return text.replace("\u3000", "⟨U+3000⟩").replace("\u00a0", "⟨U+00A0⟩").replace("\n", "⟨line break⟩");
  }
}
