package org.nianbao.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.nianbao.model.Severity;
import org.nianbao.normalize.TextForms;
import java.util.Locale;

/**
 * Loads the mapping files ({@code *.map}) of a folder, or the ones packaged in the jar, and compiles them
 * into a {@link CompiledMapping}. Any error names the file and line and stops start-up.
 */
public final class MappingLoader {
  private static final String LABEL_SEPARATOR = "\\|";
  private static final String PATH_SEPARATOR = ">";
  private final KeyCatalog catalog;

  public MappingLoader(KeyCatalog catalog) {
    this.catalog = catalog;
  }

  /** The mappings of {@code dir} when given, else the built-in ones. */
  public CompiledMapping load(Optional<Path> dir) {
    return dir.isPresent() ? loadFolder(dir.get()) : loadBuiltIn();
  }

  public CompiledMapping loadFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MappingException(dir.toString(), 0, "mappings folder does not exist");
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<FormatMapping> formats = new ArrayList<>();
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".map")).sorted().toList()) {
        formats.add(compile(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
      }
      if (formats.isEmpty()) {
        throw new MappingException(dir.toString(), 0, "no *.map files");
      }
      return new CompiledMapping(formats);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mappings in " + dir, e);
    }
  }

  private CompiledMapping loadBuiltIn() {
    URL url = MappingLoader.class.getResource("/mappings/2021.map");
    if (url == null) {
      throw new IllegalStateException("the built-in mappings are missing from the class path");
    }
    try {
      if (url.openConnection() instanceof JarURLConnection connection) {
        // The jar is read through the index the JVM already holds for loading classes: a zip file system
        // over it would build a second index of its tens of thousands of entries at every worker's start.
        connection.setUseCaches(true);
        return loadJar(connection.getJarFile());
      }
      return loadFolder(Path.of(url.toURI().resolve(".")));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the built-in mappings at " + url, e);
    }
  }

  private CompiledMapping loadJar(JarFile jar) throws IOException {
    List<FormatMapping> formats = new ArrayList<>();
    List<JarEntry> entries = jar.stream()
        .filter(e -> e.getName().startsWith("mappings/") && e.getName().endsWith(".map")
            && e.getName().indexOf('/', "mappings/".length()) < 0)
        .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList();
    for (JarEntry e : entries) {
      try (InputStream in = jar.getInputStream(e)) {
        formats.add(compile("/" + e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    return new CompiledMapping(formats);
  }

  /** Compiles the text of one mapping file. */
  public FormatMapping compile(String file, String text) {
    String format = null;
    List<TableSpec> tables = new ArrayList<>();
    List<IdentitySpec> identities = new ArrayList<>();
    List<MappingNode> roots = MappingNode.parse(file, text);
    for (MappingNode n : roots) {
      switch (n.keyword()) {
        case "format" -> format = require(file, n, n.value(), "format needs a code, e.g. 'format: 2021'");
        case "table" -> tables.add(table(file, format, n));
        case "identity" -> identities.add(identity(file, n, tables));
        default -> throw new MappingException(file, n.line(), "unknown entry '" + n.keyword() + "'");
      }
    }
    if (format == null) {
      throw new MappingException(file, 0, "missing 'format: CODE' line");
    }
    if (tables.isEmpty()) {
      throw new MappingException(file, 0, "no table");
    }
    return new FormatMapping(format, file, tables, identities);
  }

  private TableSpec table(String file, String format, MappingNode n) {
    if (format == null) {
      throw new MappingException(file, n.line(), "'format:' must come before the first table");
    }
    String id = require(file, n, n.name(), "table needs an id, e.g. 'table t3'");
    List<String> anchors = new ArrayList<>();
    List<String> cues = new ArrayList<>();
    List<BlockSpec> blocks = new ArrayList<>();
    List<MappingNode> loose = new ArrayList<>();
    boolean optionalRows = false;
    boolean transposed = false;
    for (MappingNode c : n.children()) {
      switch (c.keyword()) {
        case "optional-rows" -> optionalRows = yes(file, c);
        case "transposed" -> transposed = yes(file, c);
        case "anchor" -> anchors.addAll(labels(file, c));
        case "cue" -> cues.addAll(labels(file, c));
        case "block" -> blocks.add(block(file, id, c.name(), c, c.children()));
        case "column", "row", "group" -> loose.add(c);
        default -> throw new MappingException(file, c.line(), "unknown table entry '" + c.keyword() + "'");
      }
    }
    if (!loose.isEmpty()) {
      if (!blocks.isEmpty()) {
        throw new MappingException(file, loose.get(0).line(), "a table has either blocks or columns, not both");
      }
      blocks.add(block(file, id, "", null, loose));
    }
    if (blocks.isEmpty()) {
      throw new MappingException(file, n.line(), "table " + id + " has no columns");
    }
    if (transposed && (blocks.size() != 1 || !blocks.get(0).unlabelledRow())) {
      throw new MappingException(file, n.line(), "only a table of one unlabelled row (section 四) can be transposed");
    }
    return new TableSpec(format, id, anchors, cues, blocks, optionalRows, transposed);
  }

  private static boolean yes(String file, MappingNode n) {
    return switch (n.value()) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw new MappingException(file, n.line(), n.keyword() + " must be yes or no");
    };
  }

  private BlockSpec block(String file, String tableId, String name, MappingNode caption, List<MappingNode> entries) {
    List<ColumnSpec> columns = new ArrayList<>();
    List<RowSpec> rows = new ArrayList<>();
    List<GroupSpec> groups = new ArrayList<>();
    for (MappingNode c : entries) {
      switch (c.keyword()) {
        case "column" -> columns.add(column(file, c));
        case "row" -> rows.add(row(file, c, "", ""));
        case "group" -> {
          String g = require(file, c, c.name(), "group needs a key");
          groups.add(new GroupSpec(g, forms(labels(file, c)), firstLabel(c)));
          for (MappingNode item : c.children()) {
            if (!item.keyword().equals("row")) {
              throw new MappingException(file, item.line(), "a group holds only rows");
            }
            rows.add(row(file, item, g + ".", g));
          }
        }
        default -> throw new MappingException(file, c.line(), "unknown block entry '" + c.keyword() + "'");
      }
    }
    if (columns.isEmpty()) {
      throw new MappingException(file, caption == null ? 0 : caption.line(), "block has no columns");
    }
    for (ColumnSpec col : columns) {
      for (RowSpec row : rows.isEmpty() ? List.of(BlockSpec.UNLABELLED) : rows) {
        String key = key(tableId, row.key(), col.key());
        if (!catalog.contains(key) && !catalog.contains(key.replaceFirst("\\.cumulative$", ""))) {
          throw new MappingException(file, caption == null ? 0 : caption.line(),
              "key " + key + " (row '" + row.label() + "', column '" + col.label() + "') is not in canonical-keys.csv");
        }
      }
    }
    List<String> captions = caption == null ? List.of() : forms(labels(file, caption));
    return new BlockSpec(name, captions, caption == null ? "" : firstLabel(caption), columns, rows, groups);
  }

  /** The canonical key of a table cell: the table id, then the non-empty row and column parts. */
  public static String key(String tableId, String row, String column) {
    StringBuilder sb = new StringBuilder(tableId);
    for (String part : new String[] {row, column}) {
      if (!part.isEmpty() && !part.equals("_")) {
        sb.append('.').append(part);
      }
    }
    return sb.toString();
  }

  private ColumnSpec column(String file, MappingNode c) {
    String key = require(file, c, c.name(), "column needs a key");
    List<List<String>> paths = new ArrayList<>();
    for (String variant : labels(file, c)) {
      paths.add(Arrays.stream(variant.split(PATH_SEPARATOR)).map(TextForms::matchForm).filter(s -> !s.isEmpty()).toList());
    }
    String label = firstLabel(c);
    String leaf = label.contains(PATH_SEPARATOR) ? label.substring(label.lastIndexOf(PATH_SEPARATOR) + 1).strip() : label;
    String parent = label.contains(PATH_SEPARATOR) ? label.substring(0, label.lastIndexOf(PATH_SEPARATOR)).strip() : "";
    return new ColumnSpec(key.equals("_") ? "" : key, paths, leaf, parent);
  }

  private RowSpec row(String file, MappingNode c, String prefix, String group) {
    String key = require(file, c, c.name(), "row needs a key");
    return new RowSpec(prefix + (key.equals("_") ? "" : key), forms(labels(file, c)), group, firstLabel(c));
  }

  private IdentitySpec identity(String file, MappingNode n, List<TableSpec> tables) {
    String rule = require(file, n, n.name(), "identity needs a rule code");
    Severity severity = Severity.ERROR;
    String eachName = null;
    List<String> eachValues = List.of("");
    String left = null;
    String right = null;
    IdentitySpec.Relation relation = IdentitySpec.Relation.EQUAL;
    for (MappingNode c : n.children()) {
      switch (c.keyword()) {
        case "severity" -> {
          try {
            severity = Severity.valueOf(c.value().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new MappingException(file, c.line(), "severity must be error, warning or info");
          }
        }
        case "each" -> {
          eachName = require(file, c, c.name(), "each needs a name, e.g. 'each col: columns of t3'");
          eachValues = eachValues(file, c, tables);
        }
        case "compare" -> {
          switch (c.value()) {
            case "equal" -> relation = IdentitySpec.Relation.EQUAL;
            case "at-least" -> relation = IdentitySpec.Relation.AT_LEAST;
            default -> throw new MappingException(file, c.line(), "compare must be equal or at-least");
          }
        }
        case "left" -> left = c.value();
        case "right" -> right = c.value();
        default -> throw new MappingException(file, c.line(), "unknown identity entry '" + c.keyword() + "'");
      }
    }
    if (left == null || right == null || left.isBlank() || right.isBlank()) {
      throw new MappingException(file, n.line(), "identity " + rule + " needs 'left:' and 'right:'");
    }
    List<IdentitySpec.Instance> instances = new ArrayList<>();
    for (String v : eachValues) {
      String placeholder = eachName == null ? null : "{" + eachName + "}";
      List<String> l = terms(file, n, left, placeholder, v);
      List<String> r = terms(file, n, right, placeholder, v);
      instances.add(new IdentitySpec.Instance(v, l, r));
    }
    return new IdentitySpec(rule, severity, relation, instances);
  }

  private List<String> eachValues(String file, MappingNode c, List<TableSpec> tables) {
    String v = c.value();
    if (v.startsWith("columns of ") || v.startsWith("rows of ")) {
      String id = v.substring(v.lastIndexOf(' ') + 1);
      TableSpec t = tables.stream().filter(s -> s.id().equals(id)).findFirst()
          .orElseThrow(() -> new MappingException(file, c.line(), "no table " + id + " above this identity"));
      return v.startsWith("columns") ? t.columnKeys() : t.rowKeys();
    }
    List<String> values = Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (values.isEmpty()) {
      throw new MappingException(file, c.line(), "each needs values");
    }
    return values;
  }

  private List<String> terms(String file, MappingNode n, String expr, String placeholder, String value) {
    List<String> out = new ArrayList<>();
    for (String t : expr.split("\\+")) {
      String term = t.strip();
      if (placeholder != null) {
        term = term.replace(placeholder, value);
      }
      if (term.contains("{")) {
        throw new MappingException(file, n.line(), "unknown placeholder in '" + t.strip() + "'");
      }
      String key = term.endsWith("?") ? term.substring(0, term.length() - 1) : term;
      if (!key.contains("*") && !catalog.contains(key) && !catalog.contains(key.replaceFirst("\\.cumulative$", ""))) {
        throw new MappingException(file, n.line(), "key " + term + " is not in canonical-keys.csv");
      }
      out.add(term);
    }
    return out;
  }

  private static List<String> labels(String file, MappingNode n) {
    List<String> out = Arrays.stream(n.value().split(LABEL_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (out.isEmpty()) {
      throw new MappingException(file, n.line(), n.keyword() + " needs at least one label after ':'");
    }
    return out;
  }

  private static List<String> forms(List<String> labels) {
    return labels.stream().map(TextForms::matchForm).distinct().toList();
  }

  private static String firstLabel(MappingNode n) {
    String v = n.value();
    int bar = v.indexOf('|');
    return (bar < 0 ? v : v.substring(0, bar)).strip();
  }

  private static String require(String file, MappingNode n, String s, String message) {
    if (s == null || s.isBlank()) {
      throw new MappingException(file, n.line(), message);
    }
    return s;
  }
}
