package org.mmeb.eval.data.download;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
    TaskSpec.DataSource source = requireRepo(spec);
    List<RemoteFile> files =
        new ArrayList<>(tableFiles(spec, home, revision(source.repo(), home, source), to));
    String images = source.images();
    if (images != null && !images.isBlank()) {
      files.addAll(imageFiles(spec, home, to, notes));
    }
    return files;
  }

  private static TaskSpec.DataSource requireRepo(TaskSpec spec) {
    TaskSpec.DataSource source = spec.source();
    if (source.repo() == null || source.repo().isBlank()) {
      throw new UserError(
          spec.name() + ": the task names no hub repo (source.repo); nothing to download");
    }
    return source;
  }

  /** The task's image archive or frame archives; a note for frames that are not downloaded. */
  private List<RemoteFile> imageFiles(TaskSpec spec, String home, Path to, List<String> notes)
      throws IOException {
    TaskSpec.DataSource source = spec.source();
    String images = source.images();
    if (ImageStores.isArchive(Path.of(images))) {
      String repo = spec.layout() == Layout.MMEB_V1_PARQUET || home == null ? source.repo() : home;
      String revision = revision(repo, home, source);
      return List.of(namedFile(repo, revision, images, home, to));
    }
    if (home != null && images.startsWith(FRAMES)) {
      return frameArchives(spec, home, revision(home, home, source), to, notes);
    }
    notes.add(spec.name() + ": frames in " + images + " are not downloaded");
    return List.of();
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
    List<RemoteFile> files = matching(home, revision, archive.asMatchPredicate(), home, to);
    if (files.isEmpty()) {
      throw new UserError(
          spec.name() + ": no frame archive " + FRAMES + group + ".tar.gz[-NN] in " + home);
    }
    notes.add(unpackNote(spec, group, files.size(), to));
    return files;
  }

  private static String unpackNote(TaskSpec spec, String group, int parts, Path to) {
    return spec.name()
        + ": frames come packed; unpack them in "
        + to.resolve(FRAMES)
        + ": "
        + unpackCommand(group, parts)
        + " (as the reference's download_data.sh)";
  }

  /** The shell line that unpacks a frame archive (or joins its parts) as download_data.sh does. */
  private static String unpackCommand(String group, int parts) {
    if (parts > 1) {
      return "cat " + group + ".tar.gz-* | tar -xz";
    }
    return (group.equals("video_mret") ? "" : "mkdir -p " + group + " && ")
        + "tar -xzf "
        + group
        + ".tar.gz"
        + (group.equals("video_mret") ? "" : " -C " + group);
  }

  /** The files of {@code repo}'s tree whose path is {@code wanted}, in tree order. */
  private List<RemoteFile> matching(
      String repo, String revision, Predicate<String> wanted, String home, Path to)
      throws IOException {
    List<RemoteFile> files = new ArrayList<>();
    for (HubTree.Entry entry : tree(repo, revision)) {
      if (wanted.test(entry.path())) {
        files.add(remote(repo, revision, entry, local(to, repo, home, entry.path())));
      }
    }
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
      return List.of(namedFile(repo, revision, pattern, home, to));
    }
    return globFiles(spec, revision, pattern, home, to);
  }

  /** A file named outright: no tree listing, so no checksum known before the probe. */
  private static RemoteFile namedFile(
      String repo, String revision, String path, String home, Path to) {
    return new RemoteFile(repo, revision, path, local(to, repo, home, path), ExpectedChecksum.NONE);
  }

  private List<RemoteFile> globFiles(
      TaskSpec spec, String revision, String pattern, String home, Path to) throws IOException {
    String repo = spec.source().repo();
    Predicate<String> glob = Pattern.compile(globRegex(pattern)).asMatchPredicate();
    List<RemoteFile> matches = matching(repo, revision, glob, home, to);
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
    List<String> paths = tree(repo, revision).stream().map(HubTree.Entry::path).toList();
    List<RemoteFile> files = new ArrayList<>();
    for (String config : HubDataFiles.configs(spec.source())) {
      List<String> chosen =
          HubDataFiles.selectOrFail(
              spec.name(), paths, config, spec.source().split(), repo + "@" + revision);
      files.addAll(matching(repo, revision, chosen::contains, home, to));
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
      regex.append(regexOf(c, inBraces));
      if (c == '{') {
        inBraces = true;
      } else if (c == '}') {
        inBraces = false;
      }
    }
    return regex.toString();
  }

  private static String regexOf(char c, boolean inBraces) {
    return switch (c) {
      case '*' -> "[^/]*";
      case '?' -> "[^/]";
      case '{' -> "(?:";
      case '}' -> inBraces ? ")" : Pattern.quote("}");
      case ',' -> inBraces ? "|" : Pattern.quote(",");
      default -> Pattern.quote(String.valueOf(c));
    };
  }
}
