package org.mmeb.eval.cli;

import java.io.PrintWriter;
import org.mmeb.eval.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code mmeb-eval} command line: each subcommand is a {@code Callable<Integer>}. */
@Command(
    name = "mmeb-eval",
    mixinStandardHelpOptions = true,
    versionProvider = HarnessVersion.class,
    description = "Evaluate multimodal embedding models on MMEB (V1, V2) exactly and fast.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a check failed (verify, reproduce, check)",
      "2:bad input (a file, a row, an option)",
      "3:internal error (please report it)"
    },
    subcommands = {
      TasksCommand.class,
      DataCommand.class,
      RunCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      ScoreCommand.class,
      LeaderboardCommand.class,
      ReproduceCommand.class,
      CompareCommand.class,
      CheckCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @Option(
      names = "--stacktrace",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the full stack trace of an error.")
  boolean stacktrace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::handle);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  private static int handle(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean wantTrace = parseResult.hasMatchedOption("--stacktrace");
    if (wantTrace) {
      e.printStackTrace(err);
    }
    if (e instanceof UserError userError) {
      err.println("error: " + userError.getMessage());
      err.flush();
      return userError.exitCode();
    }
    err.println("internal error: " + e + (wantTrace ? "" : " (rerun with --stacktrace)"));
    err.flush();
    return 3;
  }
}
