package org.nianbao.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a mapping file as a tree node: {@code keyword name: value}, with the lines indented below
 * it as children. {@code name} is the text between the keyword and the first {@code ':'} (may be empty),
 * {@code value} the text after it (may be empty).
 */
record MappingNode(String keyword, String name, String value, int line, List<MappingNode> children) {
  MappingNode {
    children = List.copyOf(children);
  }

  private record Line(int indent, String keyword, String name, String value, int number) {}

  /** Parses the indentation tree of a whole file. Comments start with {@code #}. */
  static List<MappingNode> parse(String file, String text) {
    List<Line> lines = new ArrayList<>();
    String[] physical = text.split("\r?\n", -1);
    for (int i = 0; i < physical.length; i++) {
      String line = physical[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      if (line.isBlank()) {
        continue;
      }
      if (line.contains("\t")) {
        throw new MappingException(file, i + 1, "use spaces, not tabs, for indentation");
      }
      int indent = 0;
      while (line.charAt(indent) == ' ') {
        indent++;
      }
      String body = line.strip();
      String head = body;
      String value = "";
      int colon = body.indexOf(':');
      if (colon >= 0) {
        head = body.substring(0, colon).strip();
        value = body.substring(colon + 1).strip();
      }
      int space = head.indexOf(' ');
      String keyword = space < 0 ? head : head.substring(0, space);
      String name = space < 0 ? "" : head.substring(space + 1).strip();
      lines.add(new Line(indent, keyword, name, value, i + 1));
    }
    int[] pos = {0};
    return build(file, lines, pos, -1);
  }

  private static List<MappingNode> build(String file, List<Line> lines, int[] pos, int parentIndent) {
    List<MappingNode> out = new ArrayList<>();
    int levelIndent = -1;
    while (pos[0] < lines.size()) {
      Line line = lines.get(pos[0]);
      if (line.indent() <= parentIndent) {
        break;
      }
      if (levelIndent < 0) {
        levelIndent = line.indent();
      } else if (line.indent() != levelIndent) {
        throw new MappingException(file, line.number(), "inconsistent indentation");
      }
      pos[0]++;
      List<MappingNode> kids = build(file, lines, pos, line.indent());
      out.add(new MappingNode(line.keyword(), line.name(), line.value(), line.number(), kids));
    }
    return out;
  }
}
