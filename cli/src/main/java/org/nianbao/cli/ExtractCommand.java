package org.nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nianbao.model.Messages;
import org.nianbao.model.Status;
import org.nianbao.pipeline.Corrections;
import org.nianbao.pipeline.batch.BatchOptions;
import org.nianbao.pipeline.batch.BatchResult;
import org.nianbao.pipeline.batch.BatchRunner;
import org.nianbao.pipeline.batch.BatchSummary;
import org.nianbao.pipeline.batch.JobsLimit;
import org.nianbao.pipeline.batch.JvmStats;
import org.nianbao.pipeline.batch.ProcessorSpec;
import org.nianbao.pipeline.batch.Verbosity;
import org.nianbao.pipeline.batch.ZipLimits;
import org.nianbao.write.XlsxWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code extract} command (docs/output.md, "Command line"). */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Reads report files, folders and zip archives and writes reports.csv, cells.csv and "
        + "anomalies.csv.")
final class ExtractCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT",
      description = "A file, a folder (walked recursively) or a .zip archive.")
  private List<Path> inputs;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Most documents extracted at once, two to a worker process (default: the number of cores, "
          + "fewer if memory is short; a run of fewer than 500 starts one worker and adds more only for long work).")
  private Integer jobs;

  @Option(names = "--resume", description = "Skip inputs an earlier run into the same folder finished.")
  private boolean resume;

  @Option(names = "--retry-failed",
      description = "With --resume: extract again the inputs whose worker crashed or ran out of time.")
  private boolean retryFailed;

  @Option(names = "--xlsx", description = "Also write nianbao.xlsx.")
  private boolean xlsx;

  @Option(names = "--mappings", paramLabel = "DIR", description = "Use this mappings folder instead of the built-in one.")
  private Path mappings;

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "120",
      description = "Seconds one document may take (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  @Option(names = "--include", paramLabel = "GLOB",
      description = "Read only files whose path below the input root or name matches (repeatable), e.g. '*.pdf'.")
  private List<String> include = List.of();

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Leave out files whose path below the input root or name matches (repeatable).")
  private List<String> exclude = List.of();

  @Option(names = "--review", description = "Also write review/index.html and a page per report to check.")
  private boolean review;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",",
      description = "Extra output formats beside the CSV files: jsonl (reports.jsonl, one object per report).")
  private List<String> formats = List.of();

  @Option(names = "--corrections", paramLabel = "FILE",
      description = "A reviewer's corrections (CSV report_id,key,value,reviewer,note) to apply to the values read.")
  private Path corrections;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh",
      description = "Language of messages, glossary, workbook and summary: zh (default) or en.")
  private String lang;

  @Option(names = {"-v", "--verbose"}, description = "Log what the run does, and the libraries' warnings.")
  private boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary; errors only.")
  private boolean quiet;

  // Lets tests and the benchmark run the batch with a stand-in processor; not part of the user contract.
  @Option(names = "--processor", hidden = true)
  private String processor = ProcessorSpec.PIPELINE;

  // The benchmark's measurements: what this JVM and the workers cost, as key=value lines.
  @Option(names = "--stats", hidden = true)
  private Path stats;

  private final boolean terminal;

  ExtractCommand(boolean terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    // the run's language for this JVM (cross-report findings, the workbook, the summary) and its workers
    String before = System.getProperty(Messages.PROPERTY);
    System.setProperty(Messages.PROPERTY, lang);
    try {
      return extract();
    } finally {
      if (before == null) {
        System.clearProperty(Messages.PROPERTY);
      } else {
        System.setProperty(Messages.PROPERTY, before);
      }
    }
  }

  private Integer extract() {
    PrintWriter err = spec.commandLine().getErr();
    BatchOptions options = options(err);
    Progress progress = new Progress(err, terminal && !quiet, quiet);
    BatchResult result;
    try {
      result = new BatchRunner(options).run(progress);
    } catch (IOException e) {
      progress.end();
      err.println(Messages.text("error.output", out, e));
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      progress.end();
      err.println(Messages.text("error.interrupted"));
      return 1;
    }
    progress.end();
    if (result instanceof BatchResult.NotStarted notStarted) {
      err.println(Messages.text("error.not_started", notStarted.reason()));
      return 2;
    }
    BatchResult.Completed completed = (BatchResult.Completed) result;
    if (!quiet) {
      progress.summary(completed.summary(), out);
      if (xlsx) {
        err.println(Messages.text("summary.written_file", out.resolve(XlsxWriter.FILE)));
      }
    }
    if (stats != null) {
      writeStats(completed.summary(), err);
    }
    boolean unmatched = completed.summary().correctionsUnmatched() > 0;
    return completed.summary().count(Status.FAILED) > 0 || unmatched ? 1 : 0;
  }

  private void writeStats(BatchSummary s, PrintWriter err) {
    JvmStats self = JvmStats.current();
    JvmStats w = s.workers();
    String text = String.format(Locale.ROOT,
        "elapsed_s=%.3f%nparent_cpu_s=%.3f%nparent_jit_s=%.3f%nparent_peak_rss_mb=%d%nworkers_cpu_s=%.3f%n"
            + "workers_jit_s=%.3f%nworker_peak_rss_mb=%d%ndocuments=%d%n",
        s.elapsed().toMillis() / 1000.0, self.cpuNanos() / 1e9, self.jitNanos() / 1e9, self.peakRssKb() >> 10,
        w.cpuNanos() / 1e9, w.jitNanos() / 1e9, w.peakRssKb() >> 10, s.documents());
    try {
      Files.writeString(stats, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("nianbao: cannot write " + stats + ": " + e);
    }
  }

  private BatchOptions options(PrintWriter err) {
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new ParameterException(spec.commandLine(), "No such file or folder: " + input);
      }
    }
    if (jobs != null && jobs < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1");
    }
    if (retryFailed && !resume) {
      throw new ParameterException(spec.commandLine(), "--retry-failed goes with --resume");
    }
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw new ParameterException(spec.commandLine(), "--lang is zh or en: " + lang);
    }
    if (verbose && quiet) {
      throw new ParameterException(spec.commandLine(), "--verbose and --quiet exclude each other");
    }
    Verbosity verbosity = verbose ? Verbosity.VERBOSE : quiet ? Verbosity.QUIET : Verbosity.NORMAL;
    verbosity.apply();
    JobsLimit limit = JobsLimit.of(jobs, BatchOptions.DEFAULT_WORKER_HEAP_MB);
    if (!limit.note().isEmpty() && !quiet) {
      err.println("nianbao: " + limit.note());
    }
    if (timeoutSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
    }
    if (mappings != null && !Files.isDirectory(mappings)) {
      throw new ParameterException(spec.commandLine(), "--mappings is not a folder: " + mappings);
    }
    for (String glob : java.util.stream.Stream.concat(include.stream(), exclude.stream()).toList()) {
      try {
        java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
      } catch (RuntimeException e) {
        throw new ParameterException(spec.commandLine(), "not a glob: " + glob + " (" + e.getMessage() + ")");
      }
    }
    for (String f : formats) {
      if (!f.equals("jsonl") && !f.equals("csv")) {
        throw new ParameterException(spec.commandLine(), "--format is csv or jsonl: " + f);
      }
    }
    if (corrections != null) {
      try {
        Corrections.load(corrections);
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), Messages.text("error.corrections", corrections,
            e.getMessage()));
      }
    }
    return new BatchOptions(inputs, out, limit.jobs(), resume, retryFailed, Duration.ofSeconds(timeoutSeconds),
        new ProcessorSpec(processor, Optional.ofNullable(mappings), Optional.ofNullable(corrections)), ZipLimits.DEFAULT,
        BatchOptions.DEFAULT_WORKER_HEAP_MB, xlsx, verbosity, review, formats.contains("jsonl"),
        include, exclude);
  }
}
