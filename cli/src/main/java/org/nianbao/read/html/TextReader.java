package org.nianbao.read.html;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;
import org.nianbao.read.DocumentReadException;
import org.nianbao.read.DocumentReader;
import org.nianbao.read.FileTypes;
import org.nianbao.read.NotAReportException;
import org.nianbao.source.Block;
import org.nianbao.source.Cell;
import org.nianbao.source.Paragraph;
import org.nianbao.source.SourceDocument;
import org.nianbao.source.SourceRef;
import org.nianbao.source.TableBlock;

/**
 * Reads a plain-text report. In the tab-flattened layout (seed {@code 000_cba99305fd9fd5d3.txt}) a line
 * starting with a TAB is one table cell, an empty line ends a table row, and any other non-empty line is
 * a paragraph that also ends the table. Cell geometry is lost in that layout, so tables come out as rows
 * of varying width ({@code exactGrid = false}). Digits glued together in running text stay text.
 */
public final class TextReader implements DocumentReader {
  /** The line that ends the header of a web-dump text file ({@code ==== 正文 ====}). */
  private static final Pattern BODY_MARK = Pattern.compile("^=+\\s*正文\\s*=+\\s*$");

  private static final Pattern HEADER_LINE = Pattern.compile("^\\s*([^:：]{1,20})[:：]\\s*(.*?)\\s*$");

  /** A web dump's header is short; the mark is not looked for further down the body. */
  private static final int HEADER_MAX_LINES = 40;

  private static final Map<String, String> HEADER_KEYS = Map.of(
      "标题", "title",
      "发布时间", "published",
      "发布机构", "publisher",
      "原文链接", "source_url");

  /**
   * What Tika may answer for text that is not UTF-8. Its statistical guesses also offer Japanese,
   * Korean and single-byte charsets, which for Chinese government reports are always wrong.
   */
  private static final Set<String> DETECTABLE = Set.of("GB18030", "Big5");

  @Override
  public SourceDocument read(byte[] bytes, String source, String fileType) throws DocumentReadException {
    Charset charset = charsetOf(bytes);
    int skip = Charsets.bom(bytes).map(Charsets.Bom::length).orElse(0);
    // LF, CRLF and a lone CR all end a line; every other character stays as read
    List<String> lines = List.of(Charsets.decode(bytes, skip, charset).split("\r\n|\n|\r", -1));
    Map<String, String> metadata = new HashMap<>();
    metadata.put("charset", charset.name());
    int body = header(lines, metadata);
    List<Block> blocks = new Layout(new SourceRef(source, 0, "document")).blocks(lines, body);
    if (!Texts.hasVisibleText(blocks)) {
      throw new NotAReportException(FileTypes.TXT, org.nianbao.model.Messages.text("read.empty"));
    }
    return new SourceDocument(source, fileType, blocks, metadata);
  }

  /** BOM, then strict UTF-8, then Tika's guess limited to Chinese charsets, else GB18030. */
  static Charset charsetOf(byte[] bytes) {
    Optional<Charsets.Bom> bom = Charsets.bom(bytes);
    if (bom.isPresent()) {
      return bom.get().charset();
    }
    if (Charsets.isUtf8(bytes, 0)) {
      return StandardCharsets.UTF_8;
    }
    // The first Chinese charset among Tika's guesses is the likelier of the two. (Its detector runs every
    // recognizer whatever it is told: its per-charset switches only filter the list it reports as detectable.)
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    for (CharsetMatch match : detector.detectAll()) {
      if (DETECTABLE.contains(match.getName())) {
        return Charsets.named(match.getName()).orElse(Charsets.GB18030);
      }
    }
    return Charsets.GB18030;
  }

  /**
   * Reads the header of a web dump ({@code 标题: …} lines before {@code ==== 正文 ====}) into metadata.
   *
   * @return the index of the first body line (0 when the file has no such header)
   */
  private static int header(List<String> lines, Map<String, String> metadata) {
    int limit = Math.min(lines.size(), HEADER_MAX_LINES);
    for (int i = 0; i < limit; i++) {
      if (BODY_MARK.matcher(lines.get(i)).matches()) {
        for (String line : lines.subList(0, i)) {
          Matcher m = HEADER_LINE.matcher(line);
          if (m.matches() && HEADER_KEYS.containsKey(m.group(1).strip()) && !m.group(2).isEmpty()) {
            metadata.put(HEADER_KEYS.get(m.group(1).strip()), m.group(2));
          }
        }
        return i + 1;
      }
    }
    return 0;
  }

  /** Turns body lines into paragraphs and tab-flattened tables; lives for one {@link #read} call. */
  private static final class Layout {
    private final SourceRef base;
    private final List<Block> blocks = new ArrayList<>();
    private final List<List<Cell>> rows = new ArrayList<>();
    private final List<Cell> row = new ArrayList<>();
    private int tableLine;

    Layout(SourceRef base) {
      this.base = base;
    }

    List<Block> blocks(List<String> lines, int first) {
      for (int i = first; i < lines.size(); i++) {
        String line = lines.get(i);
        int lineNo = i + 1;
        if (line.startsWith("\t")) {
          if (rows.isEmpty() && row.isEmpty()) {
            tableLine = lineNo;
          }
          // the text after the separating TAB, spaces and all: "\t\u00a00" is a cell reading "\u00a00"
          row.add(Cell.of(line.substring(1), rows.size(), row.size(), ref("line " + lineNo)));
        } else if (!Texts.hasVisibleText(line)) {
          endRow();
        } else {
          endTable();
          blocks.add(new Paragraph(line, ref("line " + lineNo)));
        }
      }
      endTable();
      return blocks;
    }

    private void endRow() {
      if (!row.isEmpty()) {
        rows.add(List.copyOf(row));
        row.clear();
      }
    }

    private void endTable() {
      endRow();
      if (!rows.isEmpty()) {
        blocks.add(new TableBlock(rows, false, ref("line " + tableLine)));
        rows.clear();
      }
    }

    private SourceRef ref(String locator) {
      return base.withLocator(locator);
    }
  }
}
