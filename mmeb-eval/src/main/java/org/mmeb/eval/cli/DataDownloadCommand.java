package org.mmeb.eval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.download.DownloadPlan;
import org.mmeb.eval.data.download.ExpectedChecksum;
import org.mmeb.eval.data.download.HubEndpoint;
import org.mmeb.eval.data.download.HubFileDownload;
import org.mmeb.eval.data.download.RemoteFile;
import org.mmeb.eval.data.download.RetryPolicy;
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
      "HF_ENDPOINT and HF_TOKEN (a bearer token) are honoured."
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (attempts < 1) {
      throw new UserError("--retries must be at least 1, found " + attempts);
    }
    List<TaskSpec> selected =
        registry.load().select(benchmark, tasks).stream().map(LoadedTask::spec).toList();
    if (selected.isEmpty()) {
      throw new UserError("no tasks in benchmark '" + benchmark + "'");
    }
    HubEndpoint hub = HubEndpoint.from(endpoint, System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    List<String> notes = new ArrayList<>();
    List<RemoteFile> files = new DownloadPlan(hub, revision).files(benchmark, selected, to, notes);
    out.printf(
        Locale.ROOT,
        "%d files of %d tasks from %s to %s%n",
        files.size(),
        selected.size(),
        hub.base(),
        to);
    RetryPolicy retries =
        new RetryPolicy(attempts, Duration.ofMillis(retryDelayMillis), Duration.ofSeconds(30));
    HubFileDownload download = new HubFileDownload(hub, retries, out);
    int unchecked = 0;
    for (int i = 0; i < files.size(); i++) {
      RemoteFile file = files.get(i);
      long start = System.nanoTime();
      HubFileDownload.Outcome outcome = download.fetch(file);
      boolean checked = outcome.checksum().kind() != ExpectedChecksum.Kind.NONE;
      unchecked += checked ? 0 : 1;
      out.printf(
          Locale.ROOT,
          "[%d/%d] %s -> %s: %s, %.1f MB in %.1f s, %s%n",
          i + 1,
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
        files.size(),
        unchecked == 0 ? ", all checksums verified" : ", " + unchecked + " without a checksum");
    return 0;
  }
}
