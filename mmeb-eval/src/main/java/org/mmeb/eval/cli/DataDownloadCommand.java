package org.mmeb.eval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mmeb.eval.GaveUp;
import org.mmeb.eval.RetryPolicy;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.download.DownloadPlan;
import org.mmeb.eval.data.download.ExpectedChecksum;
import org.mmeb.eval.data.download.HubEndpoint;
import org.mmeb.eval.data.download.HubFileDownload;
import org.mmeb.eval.data.download.RemoteFile;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;
import org.mmeb.eval.task.TaskSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "download",
    description = {
      "Fetch a benchmark's files from the Hugging Face hub into DIR: resumable (.part files and",
      "Range requests), checked against the hub's sha256 (LFS) or git sha1, retried with backoff.",
      "HF_ENDPOINT and the hub token (HF_TOKEN, HUGGING_FACE_HUB_TOKEN or the file hf auth login",
      "writes) are honoured. A task that fails is reported and the others go on (exit 2 at the end)."
    })
final class DataDownloadCommand implements Callable<Integer> {
  @Mixin RegistryOptions registry;

  @Option(names = "--benchmark", required = true, description = "mmeb-v1 or mmeb-v2.")
  String benchmark;

  @Option(names = "--to", required = true, description = "Folder to download into.")
  Path to;

  @Option(
      names = "--endpoint",
      description = "Hub URL (default: HF_ENDPOINT, else " + HubEndpoint.DEFAULT + ").")
  String endpoint;

  @Option(
      names = "--revision",
      description = "Branch, tag or commit (default: each task's pinned revision, else main).")
  String revision;

  @Option(names = "--tasks", split = ",", description = "Only these tasks (comma-separated).")
  List<String> tasks = new ArrayList<>();

  @Option(
      names = "--retries",
      defaultValue = "5",
      description = "Attempts per file (default ${DEFAULT-VALUE}).")
  int attempts;

  @Option(names = "--retry-delay-ms", defaultValue = "1000", hidden = true)
  long retryDelayMillis;

  @Option(
      names = "--inactivity-timeout",
      defaultValue = "60",
      description =
          "Seconds without a byte before a transfer is aborted and resumed (default ${DEFAULT-VALUE}).")
  double inactivitySeconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (attempts < 1) {
      throw new UserError("--retries must be at least 1, found " + attempts);
    }
    if (!(inactivitySeconds > 0)) {
      throw new UserError("--inactivity-timeout must be positive, found " + inactivitySeconds);
    }
    List<TaskSpec> selected =
        registry.load().select(benchmark, tasks).stream().map(LoadedTask::spec).toList();
    if (selected.isEmpty()) {
      throw new UserError("no tasks in benchmark '" + benchmark + "'");
    }
    HubEndpoint hub = HubEndpoint.from(endpoint, System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RetryPolicy retries =
        new RetryPolicy(attempts, Duration.ofMillis(retryDelayMillis), Duration.ofSeconds(30));
    DownloadPlan plan = new DownloadPlan(hub, revision, retries);
    List<String> notes = new ArrayList<>();
    Map<Path, RemoteFile> files = new LinkedHashMap<>();
    Map<Path, List<String>> tasksOf = new LinkedHashMap<>();
    Set<String> failed = new LinkedHashSet<>();
    boolean badInput = false;
    for (TaskSpec task : selected) {
      try {
        for (RemoteFile file : plan.filesOf(benchmark, task, to, notes)) {
          files.putIfAbsent(file.target(), file);
          tasksOf.computeIfAbsent(file.target(), f -> new ArrayList<>()).add(task.name());
        }
      } catch (UserError e) {
        failed.add(task.name());
        badInput |= !(e instanceof GaveUp);
        err.println("error: " + e.getMessage());
        err.flush();
      }
    }
    out.printf(
        Locale.ROOT,
        "%d files of %d tasks from %s to %s%n",
        files.size(),
        selected.size() - failed.size(),
        hub.base(),
        to);
    Duration inactivity = Duration.ofMillis(Math.round(inactivitySeconds * 1000));
    HubFileDownload download = new HubFileDownload(hub, retries, inactivity, out);
    int unchecked = 0;
    int done = 0;
    int i = 0;
    for (RemoteFile file : files.values()) {
      i++;
      long start = System.nanoTime();
      HubFileDownload.Outcome outcome;
      try {
        outcome = download.fetch(file);
      } catch (UserError e) {
        failed.addAll(tasksOf.get(file.target()));
        badInput |= !(e instanceof GaveUp);
        err.println("error: " + e.getMessage());
        err.flush();
        continue;
      }
      done++;
      boolean checked = outcome.checksum().kind() != ExpectedChecksum.Kind.NONE;
      unchecked += checked ? 0 : 1;
      out.printf(
          Locale.ROOT,
          "[%d/%d] %s -> %s: %s, %.1f MB in %.1f s, %s%n",
          i,
          files.size(),
          file.describe(),
          file.target(),
          outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          outcome.bytes() / 1e6,
          (System.nanoTime() - start) / 1e9,
          checked
              ? outcome.checksum().describe() + " ok"
              : "NO CHECKSUM from the hub (size checked only)");
      out.flush();
    }
    notes.forEach(note -> out.println("note: " + note));
    out.printf(
        Locale.ROOT,
        "done: %d files%s%n",
        done,
        unchecked == 0 ? ", all checksums verified" : ", " + unchecked + " without a checksum");
    if (!failed.isEmpty()) {
      throw new UserError(
          failed.size()
              + " of "
              + selected.size()
              + " tasks failed (see the errors above): "
              + String.join(", ", failed),
          badInput ? UserError.BAD_INPUT : GaveUp.EXIT_CODE,
          null);
    }
    return 0;
  }
}
