package org.mmeb.eval.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mmeb.eval.UserError;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordBuilder;
import org.mmeb.eval.result.RunRecordFile;

/**
 * What a new run does with the run.json already at its place, so that nothing a user had is lost: a
 * run of the same model (same fingerprint and similarity) keeps every task it does not run again; a
 * run of another model moves the earlier file aside to {@code run.<fingerprint>.json} first. An
 * unreadable run.json stops the run (exit 2) rather than being overwritten.
 */
final class EarlierRun {
  private EarlierRun() {}

  static void mergeInto(
      RunRecordBuilder record,
      Path runFile,
      RunRecord.ModelInfo model,
      Set<String> running,
      Set<String> benchmarkTasks,
      PrintWriter log) {
    if (!Files.isRegularFile(runFile)) {
      return;
    }
    RunRecord earlier;
    try {
      earlier = RunRecordFile.read(runFile);
    } catch (UserError e) {
      throw new UserError(
          e.getMessage()
              + " (a new run would replace it: move it away, or write elsewhere with --out)",
          e);
    }
    if (!sameModel(earlier.model(), model)) {
      moveAside(runFile, earlier, log);
      return;
    }
    List<String> kept = new ArrayList<>();
    for (DatasetResult d : earlier.datasets()) {
      if (!running.contains(d.task()) && benchmarkTasks.contains(d.task())) {
        record.keep(d, earlier.provenance());
        record.keepTraces(earlier.reasoning(), d.task());
        kept.add(d.task());
      }
    }
    if (!kept.isEmpty()) {
      log.println(
          "keeping "
              + kept.size()
              + " task(s) of the earlier run of this model in "
              + runFile
              + ": "
              + String.join(", ", kept));
      log.flush();
    }
  }

  /**
   * run.TAG.SIMILARITY.json beside the run file: TAG is the fingerprint's first 16 letters/digits.
   */
  private static Path asideName(Path runFile, RunRecord.ModelInfo model) {
    String fingerprint = model.fingerprint().replaceAll("[^A-Za-z0-9]", "");
    String tag = fingerprint.substring(0, Math.min(16, fingerprint.length()));
    return runFile.resolveSibling("run." + tag + "." + model.similarity() + ".json");
  }

  private static boolean sameModel(RunRecord.ModelInfo a, RunRecord.ModelInfo b) {
    return a.fingerprint().equals(b.fingerprint()) && a.similarity().equals(b.similarity());
  }

  private static void moveAside(Path runFile, RunRecord earlier, PrintWriter log) {
    Path aside = asideName(runFile, earlier.model());
    try {
      Files.move(runFile, aside, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UserError("cannot move the earlier " + runFile + " aside: " + e.getMessage(), e);
    }
    log.println(
        String.format(
            "the earlier %s is of another model version or similarity (fingerprint %s, %s);"
                + " kept as %s",
            runFile, earlier.model().fingerprint(), earlier.model().similarity(), aside));
    log.flush();
  }
}
