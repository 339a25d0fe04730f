package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.ChildJvm;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Errors reach the user as one line with the documented exit code; help and the registry work. */
class MainErrorsTest {
  @TempDir Path dir;

  /** A command that fails the way a real one can: an Error from deep inside, not an Exception. */
  @Command(name = "fail")
  static final class Failing implements Callable<Integer> {
    private final Throwable error;

    Failing(Throwable error) {
      this.error = error;
    }

    @Override
    public Integer call() throws Exception {
      if (error instanceof Exception e) {
        throw e;
      }
      throw (Error) error;
    }
  }

  private static CliRun runFailing(Throwable error, String... args) {
    CommandLine cli = Main.newCommandLine();
    cli.addSubcommand(new CommandLine(new Failing(error)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new CliRun(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void anOutOfMemoryErrorIsOneLineExit3ThatSaysHowToGiveTheJvmMore() {
    CliRun run = runFailing(new OutOfMemoryError("Java heap space"), "fail");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("internal error: out of memory (Java heap space)")
        .contains("MMEB_EVAL_JAVA_OPTS=\"-Xmx16g\"");
    CliRun direct = runFailing(new OutOfMemoryError("Direct buffer memory"), "fail");
    assertThat(direct.err()).contains("-XX:MaxDirectMemorySize");
  }

  @Test
  void aMissingClassIsOneLineExit3AndTheTraceOnlyWithStacktraceAfterTheSubcommand() {
    NoClassDefFoundError missing = new NoClassDefFoundError("com/ctc/wstx/io/InputBootstrapper");
    CliRun quiet = runFailing(missing, "fail");
    assertThat(quiet.exitCode()).isEqualTo(3);
    assertThat(quiet.err().strip().lines()).hasSize(1);
    assertThat(quiet.err())
        .contains("java.lang.NoClassDefFoundError: com/ctc/wstx/io/InputBootstrapper")
        .contains("--stacktrace");
    CliRun after = runFailing(missing, "fail", "--stacktrace");
    assertThat(after.exitCode()).isEqualTo(3);
    assertThat(after.err()).contains("\tat ").contains("NoClassDefFoundError");
    CliRun before = runFailing(missing, "--stacktrace", "fail");
    assertThat(before.err()).contains("\tat ");
  }

  @Test
  void aRuntimeExceptionWithAMultiLineMessageIsStillOneLine() {
    CliRun run = runFailing(new IllegalStateException("first\nsecond"), "fail");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("first second");
  }

  @Test
  void stacktraceWorksAfterASubSubcommandOnARealUserError() {
    CliRun run =
        CliRun.of(
            "data",
            "verify",
            "--benchmark",
            "mmeb-mini",
            "--data",
            dir.resolve("none").toString(),
            "--stacktrace");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("\tat ").contains("error: ");
  }

  @Test
  void everyCommandAndSubcommandAnswersHelpWithExit0() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.newCommandLine(), new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(10);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      String[] argv = args.toArray(String[]::new);
      ByteArrayOutputStream tracer = new ByteArrayOutputStream();
      CliRun run = withSystemErr(tracer, () -> CliRun.of(argv));
      assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
      assertThat(run.out()).as(String.join(" ", args)).contains("Usage: mmeb-eval");
      // picocli reports a description it cannot format (a lone '%') on System.err, not run.err()
      assertThat(tracer.toString(StandardCharsets.UTF_8))
          .as(String.join(" ", args))
          .doesNotContain("picocli WARN");
    }
  }

  private static CliRun withSystemErr(ByteArrayOutputStream into, Supplier<CliRun> run) {
    PrintStream original = System.err;
    System.setErr(new PrintStream(into, true, StandardCharsets.UTF_8));
    try {
      return run.get();
    } finally {
      System.setErr(original);
    }
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!(sub.getCommand() instanceof CommandLine.HelpCommand)
                  && sub.getCommandName().equals(name)) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, into);
              }
            });
  }

  @Test
  void theRegistryIsFoundFromTheInstallationWhateverTheWorkingDirectory() throws Exception {
    Child listed = child(dir, "tasks", "list", "--benchmark", "mmeb-mini");
    assertThat(listed.exitCode()).as(listed.output()).isZero();
    assertThat(listed.output()).contains("MiniShapes").contains("7 tasks");
  }

  @Test
  void aRegistryWithoutTasksIsAnErrorNamingThePathSearched() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty-registry"));
    CliRun run = CliRun.of("tasks", "list", "--tasks-dir", empty.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("error: no task files found under " + empty.toAbsolutePath().normalize());
  }

  record Child(int exitCode, String output) {}

  /** The CLI in its own JVM, started in {@code cwd}, without the launcher's -Dmmeb.home. */
  private static Child child(Path cwd, String... args) throws Exception {
    Path log = cwd.resolve("child.log");
    Process process =
        ChildJvm.of(Main.class, args).directory(cwd.toFile()).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Child(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
