package org.nianbao.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar nianbao.jar extract [options] INPUT...}. Exit status: 0 every input processed, 1 some
 * inputs could not be read (or the output could not be written), 2 a usage error.
 */
@Command(name = "nianbao", mixinStandardHelpOptions = true, version = "nianbao 0.1",
    description = "Extracts the statistics tables of 政府信息公开工作年度报告 into checked CSV files.")
public final class Main implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  public static void main(String[] args) {
    OptionalInt second = BatchJvm.run(args);
    if (second.isPresent()) {
      System.exit(second.getAsInt());
    }
    if (BatchJvm.isSecond()) {
      BatchJvm.haltWithFirst();
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command with the given output streams and returns its exit status; never exits the JVM. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    // Redrawing one line with \r only makes sense on a terminal; logs and tests get plain lines.
    boolean terminal = err == System.err
        && (BatchJvm.isSecond() ? Boolean.getBoolean(BatchJvm.TERMINAL) : System.console() != null);
    CommandLine commandLine = new CommandLine(new Main())
        .addSubcommand("extract", new ExtractCommand(terminal))
        .setOut(outWriter)
        .setErr(errWriter);
    int status = commandLine.execute(args);
    outWriter.flush();
    errWriter.flush();
    return status;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: extract");
  }
}
