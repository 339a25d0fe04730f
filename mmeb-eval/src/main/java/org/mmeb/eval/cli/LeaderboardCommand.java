package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.report.imports.ReferenceScores;
import org.mmeb.eval.report.imports.ScoreInputs;
import org.mmeb.eval.report.leaderboard.Leaderboard;
import org.mmeb.eval.report.leaderboard.LeaderboardBuilder;
import org.mmeb.eval.report.leaderboard.LeaderboardFiles;
import org.mmeb.eval.report.leaderboard.MarkdownLeaderboard;
import org.mmeb.eval.task.TaskRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "leaderboard",
    description = {
      "Build the leaderboard (Markdown, CSV, JSON, HTML) from runs, imports and papers.",
      "Rows: every run under --results, imported VLM2Vec score files and the published reference"
          + " scores, each with its source.",
      "Writes leaderboard.md, .csv, .json and .html into --out and prints the aggregate tables."
    })
final class LeaderboardCommand implements Callable<Integer> {
  @Mixin RegistryOptions registry;

  @Option(
      names = "--results",
      defaultValue = "results",
      description = "Runs to show (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(
      names = "--import",
      paramLabel = "[BENCHMARK=]PATH",
      description =
          "A VLM2Vec all-scores report or a folder of {dataset}_score.json files (repeatable);"
              + " BENCHMARK= picks mmeb-v1 or mmeb-v2 for a folder.")
  List<String> imports = new ArrayList<>();

  @Option(
      names = "--reference",
      defaultValue = "${mmeb.home}/leaderboard/reference",
      description = "Published scores to show (default: ${DEFAULT-VALUE}).")
  Path reference;

  @Option(names = "--no-reference", description = "Leave the published scores out.")
  boolean noReference;

  @Option(
      names = "--out",
      defaultValue = "leaderboard",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    TaskRegistry tasks = registry.load();
    Leaderboard board = new LeaderboardBuilder(tasks).build(sources(tasks));
    PrintWriter stdout = spec.commandLine().getOut();
    printAndWrite(stdout, board, out, board);
    stdout.flush();
    return 0;
  }

  /** Prints {@code shown} as Markdown, writes {@code board}'s files into {@code folder}. */
  static void printAndWrite(PrintWriter stdout, Leaderboard shown, Path folder, Leaderboard board) {
    stdout.print(new MarkdownLeaderboard(false).render(shown));
    stdout.println();
    for (Path file : LeaderboardFiles.write(folder, board)) {
      stdout.println("wrote " + file);
    }
  }

  /** The runs under --results, the imports and the reference scores; at least one. */
  private List<ScoreSource> sources(TaskRegistry tasks) {
    List<ScoreSource> sources = new ArrayList<>(ScoreInputs.runsUnder(results));
    for (String path : imports) {
      sources.add(ScoreInputs.read(path, tasks).withoutOutcomes());
    }
    if (!noReference) {
      sources.addAll(ReferenceScores.leaderboardSources(Installation.shown(reference), tasks));
    }
    if (sources.isEmpty()) {
      throw new UserError(
          "nothing to show: no run under " + results + ", no --import, no reference scores");
    }
    return sources;
  }
}
