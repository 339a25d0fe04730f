package org.mmeb.eval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.GaveUp;
import org.mmeb.eval.RetryPolicy;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.download.DownloadPlan;
import org.mmeb.eval.data.download.ExpectedChecksum;
import org.mmeb.eval.data.download.HubEndpoint;
import org.mmeb.eval.data.download.HubFileDownload;
import org.mmeb.eval.data.download.RemoteFile;
import org.mmeb.eval.task.TaskSpec;

/**
 * One {@code data download}: the files of the selected tasks (a file that tasks share, once),
 * fetched one by one. A task whose listing or file fails is reported on one line and the others go
 * on; {@link #finish} names the failed tasks at the end (exit 2 for bad input, else the give-up
 * code).
 */
final class DownloadRun {
  private static final String NO_CHECKSUM = "NO CHECKSUM from the hub (size checked only)";
  private final HubEndpoint hub;
  private final RetryPolicy retries;
  private final PrintWriter out;
  private final PrintWriter err;
  private final List<String> notes = new ArrayList<>();
  private final Map<Path, RemoteFile> files = new LinkedHashMap<>();
  private final Map<Path, List<String>> tasksOf = new LinkedHashMap<>();
  private final Set<String> failed = new LinkedHashSet<>();
  private boolean badInput;
  private int done;
  private int unchecked;

  DownloadRun(HubEndpoint hub, RetryPolicy retries, PrintWriter out, PrintWriter err) {
    this.hub = hub;
    this.retries = retries;
    this.out = out;
    this.err = err;
  }

  /** Lists the files of every task into {@code to}, then prints how many there are. */
  void plan(String benchmark, String revision, List<TaskSpec> selected, Path to)
      throws IOException {
    DownloadPlan plan = new DownloadPlan(hub, revision, retries);
    for (TaskSpec task : selected) {
      try {
        addFiles(task, plan.filesOf(benchmark, task, to, notes));
      } catch (UserError e) {
        fail(List.of(task.name()), e);
      }
    }
    printPlanned(selected.size(), to);
  }

  private void addFiles(TaskSpec task, List<RemoteFile> taskFiles) {
    for (RemoteFile file : taskFiles) {
      files.putIfAbsent(file.target(), file);
      tasksOf.computeIfAbsent(file.target(), f -> new ArrayList<>()).add(task.name());
    }
  }

  private void printPlanned(int selectedTasks, Path to) {
    out.printf(
        Locale.ROOT,
        "%d files of %d tasks from %s to %s%n",
        files.size(),
        selectedTasks - failed.size(),
        hub.base(),
        to);
  }

  /** Fetches every listed file, one line each. */
  void fetchAll(Duration inactivity) throws IOException {
    HubFileDownload download = new HubFileDownload(hub, retries, inactivity, out);
    int i = 0;
    for (RemoteFile file : files.values()) {
      fetch(download, file, ++i);
    }
  }

  private void fetch(HubFileDownload download, RemoteFile file, int i) throws IOException {
    long start = System.nanoTime();
    HubFileDownload.Outcome outcome;
    try {
      outcome = download.fetch(file);
    } catch (UserError e) {
      fail(tasksOf.get(file.target()), e);
      return;
    }
    done++;
    boolean checked = outcome.checksum().kind() != ExpectedChecksum.Kind.NONE;
    unchecked += checked ? 0 : 1;
    printFetched(file, i, outcome, checked, start);
  }

  private void printFetched(
      RemoteFile file, int i, HubFileDownload.Outcome outcome, boolean checked, long start) {
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
        checked ? outcome.checksum().describe() + " ok" : NO_CHECKSUM);
    out.flush();
  }

  private void fail(Collection<String> tasks, UserError e) {
    failed.addAll(tasks);
    badInput |= !(e instanceof GaveUp);
    err.println("error: " + e.getMessage());
    err.flush();
  }

  /** Prints the notes and totals; throws one error naming the failed tasks, if any. */
  void finish(int selectedTasks) {
    notes.forEach(note -> out.println("note: " + note));
    out.printf(
        Locale.ROOT,
        "done: %d files%s%n",
        done,
        unchecked == 0 ? ", all checksums verified" : ", " + unchecked + " without a checksum");
    if (!failed.isEmpty()) {
      throw failedTasks(selectedTasks);
    }
  }

  private UserError failedTasks(int selectedTasks) {
    return new UserError(
        failed.size()
            + " of "
            + selectedTasks
            + " tasks failed (see the errors above): "
            + String.join(", ", failed),
        badInput ? UserError.BAD_INPUT : GaveUp.EXIT_CODE,
        null);
  }
}
