package org.nianbao.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharsetEncoder;
import java.util.List;

/**
 * The seed's flattened text layout: one TAB-prefixed line per printed cell (a colspan prints once, a
 * vertically merged cell prints an empty TAB line in every row it covers), a blank line after each row.
 */
final class TxtWriter {
  private TxtWriter() {}

  static byte[] write(ReportSpec spec) {
    Rendering r = spec.rendering();
    StringBuilder sb = new StringBuilder();
    for (Outline.Part part : Outline.of(spec)) {
      if (part instanceof Outline.Title t) {
        t.lines().forEach(l -> line(sb, l, r));
        line(sb, "", r);
      } else if (part instanceof Outline.Heading h) {
        line(sb, h.text(), r);
      } else if (part instanceof Outline.Text t) {
        line(sb, t.text(), r);
      } else if (part instanceof Outline.Table t) {
        for (List<Grid.Cell> row : t.grid().rows()) {
          for (Grid.Cell cell : row) {
            // a line break inside a label cannot survive flattening; the cell keeps one line
            line(sb, "\t" + cell.text().replace("\n", ""), r);
          }
          line(sb, "", r);
        }
        line(sb, "", r);
      }
    }
    CharsetEncoder encoder = r.charset().newEncoder();
    if (!encoder.canEncode(sb)) {
      throw new IllegalStateException(spec.name() + ": text not encodable in " + r.charset());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (r.bom()) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    out.writeBytes(sb.toString().getBytes(r.charset()));
    return out.toByteArray();
  }

  private static void line(StringBuilder sb, String text, Rendering r) {
    sb.append(text).append(r.lineEnd());
  }
}
