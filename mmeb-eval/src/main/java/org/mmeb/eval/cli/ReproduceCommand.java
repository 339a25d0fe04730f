package org.mmeb.eval.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.report.imports.ReferenceScores;
import org.mmeb.eval.report.imports.ScoreInputs;
import org.mmeb.eval.report.reproduce.Reproduction;
import org.mmeb.eval.report.reproduce.ReproductionCheck;
import org.mmeb.eval.report.reproduce.ReproductionText;
import org.mmeb.eval.task.TaskRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "reproduce",
    description = {
      "Check a run against a published column; exit 1 beyond the tolerance.",
      "Columns: VLM2Vec paper Table 6 (MMEB-V1), VLM2Vec-V2 paper Table 5 (MMEB-V2);",
      "per-dataset and aggregate deltas as printed, flagged beyond --tolerance; exit 1 when any is."
    })
final class ReproduceCommand implements Callable<Integer> {
  @Mixin RegistryOptions registry;

  @Option(
      names = "--run",
      required = true,
      description = "run.json, its folder, or imported scores.")
  String run;

  @Option(
      names = "--paper",
      required = true,
      paramLabel = "REF",
      description = "A published column, e.g. CLIP, VLM2Vec-V2.0.")
  String paper;

  @Option(
      names = "--tolerance",
      defaultValue = "0.5",
      description = "Allowed |delta| in points (default: ${DEFAULT-VALUE}).")
  BigDecimal tolerance;

  @Option(
      names = "--reference",
      defaultValue = "${mmeb.home}/leaderboard/reference",
      description = "Where the published columns are (default: ${DEFAULT-VALUE}).")
  Path reference;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (tolerance.signum() < 0) {
      throw new UserError("--tolerance must be >= 0 points, got " + tolerance);
    }
    TaskRegistry tasks = registry.load();
    ScoreSource column = ReproductionCheck.find(ReferenceScores.published(reference), paper);
    ScoreSource source = ScoreInputs.read(run, tasks);
    Reproduction reproduction =
        ReproductionCheck.of(source, column, tasks.benchmark(column.benchmark()), tolerance);
    spec.commandLine().getOut().print(ReproductionText.render(source.name(), reproduction));
    spec.commandLine().getOut().flush();
    return reproduction.flagged().isEmpty() ? 0 : UserError.CHECK_FAILED;
  }
}
