package org.mmeb.eval.data.download;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mmeb.eval.RetryPolicy;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.images.ImageStores;
import org.mmeb.eval.data.table.HubDataFiles;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

/**
 * The files a benchmark's tasks need, and where each goes so that the readers find it ({@link
 * org.mmeb.eval.data.DataLocations}): files of the benchmark's home repo (MMEB-eval for V1, MMEB-V2
 * for V2) go to {@code DIR/<path>}, files of any other repo to {@code DIR/<repo>/<path>}. Patterns
 * ({@code *}, {@code {a,b}}) are expanded with the hub's tree listing. V2 image archives come from
 * MMEB-V2; video frame folders are not downloaded (they are unpacked from MMEB-V2's {@code
 * video-tasks/frames/*.tar.gz}).
 */
public final class DownloadPlan {
  static final Map<String, String> HOME_REPOS =
      Map.of("mmeb-v1", "TIGER-Lab/MMEB-eval", "mmeb-v2", "TIGER-Lab/MMEB-V2");

  private final HubEndpoint endpoint;
  private final String revisionOverride;
  private final RetryPolicy retries;
  private final Map<String, List<HubTree.Entry>> trees = new HashMap<>();

  /**
   * @param revisionOverride {@code --revision}: applies to the benchmark's home repo only; every
   *     other repo keeps its task's pinned revision (else main), since a tag or commit of MMEB-V2
   *     means nothing in vidore/… or VLM2Vec/…
   */
  public DownloadPlan(HubEndpoint endpoint, String revisionOverride, RetryPolicy retries) {
    this.endpoint = endpoint;
    this.revisionOverride = revisionOverride;
    this.retries = retries;
  }

  /** One task's files; {@code notes} collects what is left out and why. */
  public List<RemoteFile> filesOf(String benchmark, TaskSpec spec, Path to, List<String> notes)
      throws IOException {
    String home = HOME_REPOS.get(benchmark);
    TaskSpec.DataSource source = spec.source();
    if (source.repo() == null || source.repo().isBlank()) {
      throw new UserError(
          spec.name() + ": the task names no hub repo (source.repo); nothing to download");
    }
    List<RemoteFile> files =
        new ArrayList<>(tableFiles(spec, home, revision(source.repo(), home, source), to));
    String images = source.images();
    if (images == null || images.isBlank()) {
      return files;
    }
    if (ImageStores.isArchive(Path.of(images))) {
      String repo = spec.layout() == Layout.MMEB_V1_PARQUET || home == null ? source.repo() : home;
      String revision = revision(repo, home, source);
      files.add(
          new RemoteFile(
              repo, revision, images, local(to, repo, home, images), ExpectedChecksum.NONE));
    } else if (home != null && images.startsWith(FRAMES)) {
      files.addAll(frameArchives(spec, home, revision(home, home, source), to, notes));
    } else {
      notes.add(spec.name() + ": frames in " + images + " are not downloaded");
    }
    return files;
  }

  private String revision(String repo, String home, TaskSpec.DataSource source) {
    if (revisionOverride != null && repo.equals(home)) {
      return revisionOverride;
    }
    return source.revision() != null ? source.revision() : "main";
  }

  static final String FRAMES = "video-tasks/frames/";

  /**
   * The frame archive of the task's group ({@code video-tasks/frames/video_cls.tar.gz}), or its
   * parts ({@code video_qa.tar.gz-00} … {@code -04}, which download_data.sh joins with cat): the
   * readers want the frames unpacked, so a note says how.
   */
  private List<RemoteFile> frameArchives(
      TaskSpec spec, String home, String revision, Path to, List<String> notes) throws IOException {
    String rest = spec.source().images().substring(FRAMES.length());
    String group = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    Pattern archive = Pattern.compile(Pattern.quote(FRAMES + group + ".tar.gz") + "(-\\d+)?");
    List<RemoteFile> files = new ArrayList<>();
    for (HubTree.Entry entry : tree(home, revision)) {
      if (archive.matcher(entry.path()).matches()) {
        files.add(remote(home, revision, entry, local(to, home, home, entry.path())));
      }
    }
    if (files.isEmpty()) {
      throw new UserError(
          spec.name() + ": no frame archive " + FRAMES + group + ".tar.gz[-NN] in " + home);
    }
    String folder = to.resolve(FRAMES).toString();
    String unpack =
        files.size() == 1
            ? (group.equals("video_mret") ? "" : "mkdir -p " + group + " && ")
                + "tar -xzf "
                + group
                + ".tar.gz"
                + (group.equals("video_mret") ? "" : " -C " + group)
            : "cat " + group + ".tar.gz-* | tar -xz";
    notes.add(
        spec.name()
            + ": frames come packed; unpack them in "
            + folder
            + ": "
            + unpack
            + " (as the reference's download_data.sh)");
    return files;
  }

  private List<RemoteFile> tableFiles(TaskSpec spec, String home, String revision, Path to)
      throws IOException {
    String repo = spec.source().repo();
    String pattern = spec.source().filePattern();
    if (pattern == null || pattern.isBlank()) {
      return hubLayoutFiles(spec, home, revision, to);
    }
    if (!pattern.contains("*") && !pattern.contains("{")) {
      return List.of(
          new RemoteFile(
              repo, revision, pattern, local(to, repo, home, pattern), ExpectedChecksum.NONE));
    }
    Pattern glob = Pattern.compile(globRegex(pattern));
    List<RemoteFile> matches = new ArrayList<>();
    for (HubTree.Entry entry : tree(repo, revision)) {
      if (glob.matcher(entry.path()).matches()) {
        matches.add(remote(repo, revision, entry, local(to, repo, home, entry.path())));
      }
    }
    if (matches.isEmpty()) {
      throw new UserError(
          spec.name() + ": no file of " + repo + "@" + revision + " matches '" + pattern + "'");
    }
    return matches;
  }

  /** The files of each config and split, chosen from the tree as the readers choose them. */
  private List<RemoteFile> hubLayoutFiles(TaskSpec spec, String home, String revision, Path to)
      throws IOException {
    String repo = spec.source().repo();
    List<HubTree.Entry> entries = tree(repo, revision);
    List<String> paths = entries.stream().map(HubTree.Entry::path).toList();
    List<RemoteFile> files = new ArrayList<>();
    for (String config : HubDataFiles.configs(spec.source())) {
      List<String> chosen =
          HubDataFiles.selectOrFail(
              spec.name(), paths, config, spec.source().split(), repo + "@" + revision);
      for (HubTree.Entry entry : entries) {
        if (chosen.contains(entry.path())) {
          files.add(remote(repo, revision, entry, local(to, repo, home, entry.path())));
        }
      }
    }
    return files;
  }

  private static RemoteFile remote(String repo, String revision, HubTree.Entry entry, Path target) {
    ExpectedChecksum known =
        entry.lfsSha256() == null
            ? ExpectedChecksum.NONE
            : ExpectedChecksum.fromEtag(entry.lfsSha256());
    return new RemoteFile(repo, revision, entry.path(), target, known);
  }

  private List<HubTree.Entry> tree(String repo, String revision) throws IOException {
    String key = repo + "@" + revision;
    List<HubTree.Entry> entries = trees.get(key);
    if (entries == null) {
      entries = HubTree.list(endpoint, repo, revision, "", retries);
      trees.put(key, entries);
    }
    return entries;
  }

  private static Path local(Path to, String repo, String home, String path) {
    return repo.equals(home) ? to.resolve(path) : to.resolve(repo).resolve(path);
  }

  /** A glob as a regex: {@code *} any characters but '/', {@code ?} one, {@code {a,b}} either. */
  static String globRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    boolean inBraces = false;
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '{') {
        regex.append("(?:");
        inBraces = true;
      } else if (c == '}' && inBraces) {
        regex.append(')');
        inBraces = false;
      } else if (c == ',' && inBraces) {
        regex.append('|');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
