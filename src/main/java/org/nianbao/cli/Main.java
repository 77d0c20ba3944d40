package org.nianbao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.nianbao.model.Report;
import org.nianbao.model.Status;
import org.nianbao.pipeline.ReportPipeline;
import org.nianbao.write.CsvFiles;

/** Temporary in-process extract command; replaced by the batch runner. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 1 || !args[0].equals("extract")) {
      err.println("usage: nianbao extract INPUT... --out DIR");
      return 2;
    }
    Path outDir = Path.of("out");
    List<Path> inputs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--out")) {
        outDir = Path.of(args[++i]);
      } else {
        inputs.add(Path.of(args[i]));
      }
    }
    ReportPipeline pipeline = new ReportPipeline(Optional.empty());
    List<Report> reports = new ArrayList<>();
    try {
      for (Path in : inputs) {
        try (Stream<Path> s = Files.isDirectory(in) ? Files.walk(in) : Stream.of(in)) {
          for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
            String source = Files.isDirectory(in) ? in.relativize(p).toString() : p.getFileName().toString();
            reports.add(pipeline.process(Files.readAllBytes(p), source));
          }
        }
      }
      CsvFiles.writeAll(outDir, reports);
    } catch (IOException e) {
      err.println(e);
      return 1;
    }
    return reports.stream().anyMatch(r -> r.status() == Status.FAILED) ? 1 : 0;
  }
}
