package org.mmeb.eval.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmeb.eval.RetryPolicy;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.download.HubEndpoint;
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
    checkOptions();
    List<TaskSpec> selected = selectedTasks();
    HubEndpoint hub = HubEndpoint.from(endpoint, System.getenv());
    RetryPolicy retries =
        new RetryPolicy(attempts, Duration.ofMillis(retryDelayMillis), Duration.ofSeconds(30));
    DownloadRun run =
        new DownloadRun(hub, retries, spec.commandLine().getOut(), spec.commandLine().getErr());
    run.plan(benchmark, revision, selected, to);
    run.fetchAll(Duration.ofMillis(Math.round(inactivitySeconds * 1000)));
    run.finish(selected.size());
    return 0;
  }

  private void checkOptions() {
    if (attempts < 1) {
      throw new UserError("--retries must be at least 1, found " + attempts);
    }
    if (!(inactivitySeconds > 0)) {
      throw new UserError("--inactivity-timeout must be positive, found " + inactivitySeconds);
    }
  }

  private List<TaskSpec> selectedTasks() {
    List<TaskSpec> selected =
        registry.load().select(benchmark, tasks).stream().map(LoadedTask::spec).toList();
    if (selected.isEmpty()) {
      throw new UserError("no tasks in benchmark '" + benchmark + "'");
    }
    return selected;
  }
}
