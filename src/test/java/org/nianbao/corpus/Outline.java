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
}
