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
      "3:internal error (please report it)",
      "4:a server or the hub kept failing until the retries ran out (try again later)"
    },
    subcommands = {
      TasksCommand.class,
      DataCommand.class,
      RunCommand.class,
      ServeCommand.class,
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
    int code;
    try {
      code = newCommandLine().execute(args);
    } catch (Throwable t) {
      // only reached if the error handling itself failed; still one line, still exit 3
      System.err.println(InternalErrorLine.of(t, false));
      code = 3;
    }
    System.exit(code);
  }

  public static CommandLine newCommandLine() {
    Installation.publish();
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::handle);
    cli.setExecutionStrategy(Main::executeCatchingErrors);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    everyCommandAnswersHelp(cli);
    return cli;
  }

  /** picocli passes only Exceptions to the handler; an Error (OOM, a missing class) gets here. */
  private static int executeCatchingErrors(CommandLine.ParseResult parseResult) {
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      return handle(e, parseResult.commandSpec().commandLine(), parseResult);
    }
  }

  private static void everyCommandAnswersHelp(CommandLine command) {
    CommandLine.Model.CommandSpec spec = command.getCommandSpec();
    if (!spec.mixins().containsKey("mixinStandardHelpOptions")
        && !(command.getCommand() instanceof CommandLine.HelpCommand)) {
      spec.mixinStandardHelpOptions(true);
      spec.versionProvider(new HarnessVersion());
    }
    command.getSubcommands().values().forEach(Main::everyCommandAnswersHelp);
  }

  private static int handle(
      Throwable e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean wantTrace = stacktraceRequested(parseResult);
    if (wantTrace) {
      e.printStackTrace(err);
    }
    if (e instanceof UserError userError) {
      err.println("error: " + userError.getMessage());
      err.flush();
      return userError.exitCode();
    }
    err.println(InternalErrorLine.of(e, wantTrace));
    err.flush();
    return 3;
  }

  /** {@code --stacktrace} anywhere: before the command, after it, after a sub-subcommand. */
  private static boolean stacktraceRequested(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }
}
