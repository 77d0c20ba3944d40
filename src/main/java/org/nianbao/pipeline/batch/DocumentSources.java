package org.nianbao.pipeline.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nianbao.read.FileTypes;
import org.nianbao.read.Readers;
import org.nianbao.read.pdf.PageCrops;
import org.nianbao.source.Box;
import org.nianbao.source.SourceDocument;
import org.nianbao.write.ReviewSources;

/**
 * The review pages' view of the inputs: the files the walk met (entries of archives are not kept), read again
 * on request, one document at a time, after the run. A file over {@link #MAX_BYTES} or one that no longer
 * reads is shown without its source.
 */
final class DocumentSources implements ReviewSources {
  private static final long MAX_BYTES = 64L << 20;

  private final Map<String, Path> files = new ConcurrentHashMap<>();
  private final Readers readers = new Readers();
  private String lastSource;
  private byte[] lastBytes;
  private PageCrops crops;

  void remember(String source, Path file) {
    files.put(source, file);
  }

  private Optional<byte[]> bytes(String source) {
    if (source.equals(lastSource)) {
      return Optional.of(lastBytes);
    }
    Path file = files.get(source);
    try {
      if (file == null || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      lastBytes = Files.readAllBytes(file);
      lastSource = source;
      if (crops != null) {
        crops.close();
        crops = null;
      }
      return Optional.of(lastBytes);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<SourceDocument> document(String source) {
    Optional<byte[]> bytes = bytes(source);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    String type = FileTypes.detect(bytes.get());
    try {
      return readers.forType(type).map(reader -> {
        try {
          return reader.read(bytes.get(), source, type);
        } catch (Exception e) {
          return null;
        }
      });
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<byte[]> crop(String source, int page, Box box) {
    Optional<byte[]> bytes = bytes(source);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    if (crops == null) {
      crops = new PageCrops(bytes.get());
    }
    return crops.crop(page, box);
  }
}
