package org.nianbao.read.html;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.read.FileTypes;
import org.nianbao.read.NotAReportException;
import org.nianbao.source.Block;
import org.nianbao.source.Heading;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;
import org.nianbao.source.TableBlock;

/**
 * Reads an HTML page into headings, paragraphs and exact table grids. Cell text keeps its raw characters
 * ({@code &nbsp;} stays U+00A0); only HTML source formatting (indentation, line wrapping) is collapsed, as
 * a browser would.
 */
public final class HtmlReader implements DocumentReader {
  /**
   * How deep elements may nest. jsoup's default (512) silently moves deeper elements up the tree, which
   * takes table rows out of their table (unclosed {@code <span>}/{@code <font>} runs in real pages reach
   * it); a page nested deeper than this limit is refused with a reason instead of read wrong.
   */
  static final int MAX_DEPTH = 8192;

  /** Far enough to get past the scripts and styles some sites put before their charset meta. */
  private static final int META_SCAN_BYTES = 16 * 1024;

  /** Matches both {@code <meta charset=x>} and {@code <meta http-equiv content="...; charset=x">}. */
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

  /** Page metadata names (lower-cased) and the document key each fills. */
  private static final Map<String, String> META_KEYS = Map.of(
      "articletitle", "title",
      "contentsource", "publisher",
      "publisher", "publisher",
      "dc.publisher", "publisher",
      "pubdate", "published",
      "publishdate", "published");

  @Override
  public SourceDocument read(byte[] bytes, String source, String fileType) throws DocumentReadException {
    Charset charset = charsetOf(bytes);
    int skip = Charsets.bom(bytes).map(Charsets.Bom::length).orElse(0);
    Document page = Jsoup.parse(Charsets.decode(bytes, skip, charset), "", Parser.htmlParser().setMaxDepth(MAX_DEPTH));
    if (depth(page) >= MAX_DEPTH - 1) {
      throw new DocumentReadException(org.nianbao.model.Messages.text("read.html_depth", String.valueOf(MAX_DEPTH)));
    }
    Blocks blocks = new Blocks(new SourceRef(source, 0, "document"));
    blocks.flow(page.body());
    if (!Texts.hasVisibleText(blocks.blocks)) {
      throw new NotAReportException(FileTypes.HTML, org.nianbao.model.Messages.text("read.empty"));
    }
    return new SourceDocument(source, fileType, blocks.blocks, metadata(page, charset));
  }

  /**
   * BOM, then the declared charset, then a guess: strict UTF-8 or else GB18030. A declaration that is
   * contradicted by bytes forming valid non-ASCII UTF-8 loses: mirrored pages are re-encoded to UTF-8
   * while keeping their old {@code gb2312} meta, and GB text is practically never valid UTF-8.
   */
  static Charset charsetOf(byte[] bytes) {
    Optional<Charsets.Bom> bom = Charsets.bom(bytes);
    if (bom.isPresent()) {
      return bom.get().charset();
    }
    boolean utf8 = Charsets.isUtf8(bytes, 0);
    Optional<Charset> declared = declaredCharset(bytes);
    if (declared.isPresent() && !(utf8 && Charsets.hasNonAscii(bytes, 0))) {
      return declared.get();
    }
    return utf8 ? StandardCharsets.UTF_8 : Charsets.GB18030;
  }

  private static Optional<Charset> declaredCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (!m.find()) {
      return Optional.empty();
    }
    String label = m.group(1).toLowerCase(Locale.ROOT);
    // a meta readable as ASCII cannot be in UTF-16/32, whatever it says (the HTML standard agrees)
    if (label.startsWith("utf-16") || label.startsWith("utf-32")) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    return Charsets.named(label);
  }

  /** The deepest element's depth, counted without recursion. */
  private static int depth(Document page) {
    int[] max = {0};
    NodeTraversor.traverse((node, depth) -> max[0] = Math.max(max[0], depth), page);
    return max[0];
  }

  private static Map<String, String> metadata(Document page, Charset charset) {
    Map<String, String> metadata = new HashMap<>();
    metadata.put("charset", charset.name());
    String title = page.title();
    if (!title.isBlank()) {
      metadata.put("title", title);
    }
    for (Element meta : page.select("meta[name][content]")) {
      String key = META_KEYS.get(meta.attr("name").strip().toLowerCase(Locale.ROOT));
      String value = meta.attr("content").strip();
      // ArticleTitle wins over <title>, which sites suffix with column and site names
      if (key != null && !value.isEmpty()) {
        metadata.put(key, value);
      }
    }
    return metadata;
  }

  /** The blocks of one page, numbered as they are met; lives for one {@link #read} call. */
  private static final class Blocks {
    private final SourceRef base;
    private final List<Block> blocks = new ArrayList<>();
    private int paragraphs;
    private int headings;
    private int tables;

    Blocks(SourceRef base) {
      this.base = base;
    }

    void flow(Element root) {
      TextRuns.walk(root, this::paragraph, this::table, this::heading);
    }

    private void paragraph(String text) {
      if (Texts.hasVisibleText(text)) {
        blocks.add(new Paragraph(text, base.withLocator("p " + ++paragraphs)));
      }
    }

    private void heading(Element heading) {
      List<Element> inner = new ArrayList<>();
      String text = text(heading, inner);
      if (Texts.hasVisibleText(text)) {
        int level = heading.normalName().charAt(1) - '0';
        blocks.add(new Heading(text, level, base.withLocator("h " + ++headings)));
      }
      inner.forEach(this::table);
    }

    /**
     * Emits the table, then the tables nested in its cells (in document order, numbered after it); a
     * nested table's text is not repeated in the outer cell.
     */
    private void table(Element table) {
      List<Element> nested = new ArrayList<>();
      List<List<Grid.SpanCell>> rows = new ArrayList<>();
      for (Element child : table.children()) {
        switch (child.normalName()) {
          case "caption" -> paragraph(text(child, nested));
          case "tr" -> rows.add(row(child, nested));
          case "thead", "tbody", "tfoot" -> {
            for (Element tr : child.children()) {
              if (tr.normalName().equals("tr")) {
                rows.add(row(tr, nested));
              }
            }
          }
          default -> { }
        }
      }
      if (!rows.isEmpty()) {
        SourceRef ref = base.withLocator("table " + ++tables);
        blocks.add(new TableBlock(Grid.expand(rows, ref), true, ref));
      }
      nested.forEach(this::table);
    }

    private static List<Grid.SpanCell> row(Element tr, List<Element> nested) {
      List<Grid.SpanCell> row = new ArrayList<>();
      for (Element cell : tr.children()) {
        String name = cell.normalName();
        if (name.equals("td") || name.equals("th")) {
          row.add(new Grid.SpanCell(text(cell, nested), span(cell, "rowspan", 0), span(cell, "colspan", 1)));
        }
      }
      return row;
    }

    /** The element's runs joined with {@code \n}; tables inside are collected, not read. */
    private static String text(Element element, List<Element> nested) {
      List<String> runs = new ArrayList<>();
      TextRuns.walk(element, runs::add, nested::add, null);
      return String.join("\n", runs);
    }

    /**
     * A span attribute read as browsers do: leading digits count ({@code "2px"} is 2), anything else is
     * 1. Only rowspan may be 0 ("to the end"); absurd sizes are cut later by {@link Grid}.
     */
    private static int span(Element cell, String attribute, int min) {
      String value = cell.attr(attribute).strip();
      int digits = 0;
      while (digits < value.length() && digits < 6 && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
        digits++;
      }
      if (digits == 0) {
        return 1;
      }
      int span = Integer.parseInt(value.substring(0, digits));
      return span < min ? 1 : span;
    }
  }
}
