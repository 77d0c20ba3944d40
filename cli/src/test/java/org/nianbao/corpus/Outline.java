package org.nianbao.corpus;

import java.util.ArrayList;
import java.util.List;

/** The report's reading order, shared by every writer: title, headings, prose and tables. */
final class Outline {
  sealed interface Part permits Title, Heading, Text, Table {}

  record Title(List<String> lines) implements Part {}

  record Heading(String text) implements Part {}

  record Text(String text) implements Part {}

  record Table(Grid grid) implements Part {}

  private Outline() {}

  static List<Part> of(ReportSpec spec) {
    if (spec.era().indicatorTable()) {
      return indicatorReport(spec);
    }
    List<Part> parts = new ArrayList<>();
    parts.add(new Title(spec.titleLines()));
    parts.add(new Heading(Template.H1));
    Prose.summary(spec.agency(), spec.year(), spec.era()).forEach(p -> parts.add(new Text(p)));
    parts.add(new Heading(Template.H2));
    if (!spec.missingSections().contains("二")) {
      parts.add(new Table(Grid.section2(spec)));
    }
    parts.add(new Heading(Template.H3));
    if (!spec.missingSections().contains("三")) {
      parts.add(new Table(Grid.section3(spec)));
    }
    parts.add(new Heading(Template.H4));
    if (spec.missingSections().contains("四")) {
      parts.add(new Text("本年度未发生政府信息公开行政复议、行政诉讼案件。"));
    } else {
      parts.add(new Table(Grid.section4(spec)));
    }
    parts.add(new Heading(Template.H5));
    Prose.problems(spec.year()).forEach(p -> parts.add(new Text(p)));
    parts.add(new Heading(Template.H6));
    Prose.others(spec.agency(), spec.year(), spec.era()).forEach(p -> parts.add(new Text(p)));
    return parts;
  }

  /** A 2008–2018 prose report whose numbers stand only in the statistics table appended to it. */
  private static List<Part> indicatorReport(ReportSpec spec) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Title(spec.titleLines()));
    for (Prose.Section section : Prose.indicatorSections(spec.agency(), spec.year())) {
      parts.add(new Heading(section.heading()));
      section.paragraphs().forEach(p -> parts.add(new Text(p)));
    }
    parts.add(new Text("附件：" + year(spec) + "政府信息公开情况统计表"));
    parts.add(new Text(spec.agency()));
    parts.add(new Text((spec.year() + 1) + "年3月" + (10 + spec.year() % 17) + "日"));
    parts.add(new Heading("附件"));
    parts.add(new Heading(year(spec) + "政府信息公开情况统计表"));
    parts.add(new Table(Grid.indicators(spec)));
    return parts;
  }

  private static String year(ReportSpec spec) {
    return spec.agency() + spec.year() + "年";
  }
}
