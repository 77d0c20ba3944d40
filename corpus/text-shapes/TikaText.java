import java.io.InputStream;
import java.nio.file.*;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
/** Tika text of one file (AutoDetectParser + BodyContentHandler), as a user of Tika gets it: java -cp CP TikaText.java IN OUT */
public class TikaText {
  public static void main(String[] a) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of(a[0]))) {
      BodyContentHandler h = new BodyContentHandler(-1);
      new AutoDetectParser().parse(in, h, new Metadata(), new ParseContext());
      Files.writeString(Path.of(a[1]), h.toString());
    }
  }
}
