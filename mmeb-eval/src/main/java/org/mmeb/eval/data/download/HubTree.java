package org.mmeb.eval.data.download;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmeb.eval.GaveUp;
import org.mmeb.eval.Json;
import org.mmeb.eval.RetryPolicy;
import org.mmeb.eval.UserError;

/**
 * A dataset repo's file listing from the hub API ({@code /api/datasets/{repo}/tree/{rev}},
 * recursive, following {@code Link: rel="next"} pages), used to expand file patterns. Each page is
 * retried like a file (a 429's wait honoured); a page seen twice (a loop) or more than {@link
 * #MAX_PAGES} pages stop the listing with one line.
 */
final class HubTree {
  static final int MAX_PAGES = 10_000;
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  /** A file in the repo; {@code lfsSha256} is null for files not stored in LFS. */
  record Entry(String path, long size, String lfsSha256) {}

  private final HubHttp http;
  private final String repo;
  private final RetryPolicy retries;
  private final int maxPages;
  private final String what;

  private HubTree(
      HubEndpoint endpoint, String repo, String revision, RetryPolicy retries, int maxPages) {
    this.http = new HubHttp(endpoint);
    this.repo = repo;
    this.retries = retries;
    this.maxPages = maxPages;
    this.what = repo + "@" + revision + " tree listing";
  }

  static List<Entry> list(
      HubEndpoint endpoint, String repo, String revision, String folder, RetryPolicy retries)
      throws IOException {
    return list(endpoint, repo, revision, folder, retries, MAX_PAGES);
  }

  static List<Entry> list(
      HubEndpoint endpoint,
      String repo,
      String revision,
      String folder,
      RetryPolicy retries,
      int maxPages)
      throws IOException {
    URI first = endpoint.treeUrl(repo, revision, folder);
    return new HubTree(endpoint, repo, revision, retries, maxPages).entries(first);
  }

  /** The files of every page, from {@code first} on along the {@code Link: next} headers. */
  private List<Entry> entries(URI first) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Set<URI> seen = new HashSet<>();
    URI page = first;
    while (page != null) {
      checkNewPage(seen, page);
      HttpResponse<String> response = fetch(page);
      addFiles(entries, response.body());
      page = next(page, response.headers().firstValue("Link").orElse(null));
    }
    return entries;
  }

  private void checkNewPage(Set<URI> seen, URI page) {
    if (!seen.add(page)) {
      throw new UserError(what + ": the hub's next page link loops back to " + page);
    }
    if (seen.size() > maxPages) {
      throw new UserError(what + ": more than " + maxPages + " pages; stopped");
    }
  }

  /** The page's files (its folders are listed recursively, so they are skipped). */
  private static void addFiles(List<Entry> entries, String page) throws IOException {
    for (JsonNode node : Json.PLAIN.readTree(page)) {
      if ("file".equals(node.path("type").asText())) {
        JsonNode lfs = node.path("lfs");
        String sha = lfs.isObject() ? lfs.path("oid").asText(null) : null;
        entries.add(new Entry(node.path("path").asText(), node.path("size").asLong(-1), sha));
      }
    }
  }

  private HttpResponse<String> fetch(URI page) throws IOException {
    try {
      return retries.run(() -> fetchOnce(page));
    } catch (RetryPolicy.Exhausted e) {
      throw new GaveUp(
          what + ": failed after " + e.attempts() + " attempts: " + e.last().getMessage(),
          e.last());
    }
  }

  private HttpResponse<String> fetchOnce(URI page) throws IOException {
    HttpResponse<String> response = http.getText(page);
    int status = response.statusCode();
    if (status == 200) {
      return response;
    }
    HubErrors.refuse(what, repo, status, response.headers());
    throw new RetryPolicy.ServerBusy("HTTP " + status, response.headers());
  }

  private static URI next(URI current, String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    return m.find() ? current.resolve(m.group(1)) : null;
  }
}
