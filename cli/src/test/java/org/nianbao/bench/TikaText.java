package org.nianbao.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The benchmark's baseline, run as its own JVM like nianbao: plain Tika text extraction
 * ({@code AutoDetectParser} + {@code BodyContentHandler}) of every file in a folder, one after another.
 */
public final class TikaText {
  private TikaText() {}

  public static void main(String[] args) throws Exception {
    AutoDetectParser parser = new AutoDetectParser();
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of(args[0]))) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    }
    int failures = 0;
    long chars = 0;
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        BodyContentHandler text = new BodyContentHandler(-1);
        parser.parse(in, text, new Metadata(), new ParseContext());
        chars += text.toString().length();
      } catch (Exception e) {
        failures++;
      }
    }
    System.out.println("files=" + files.size() + " failures=" + failures + " chars=" + chars);
  }
}
