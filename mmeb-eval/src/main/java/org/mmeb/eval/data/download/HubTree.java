package org.mmeb.eval.data.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmeb.eval.UserError;

/**
 * A dataset repo's file listing from the hub API ({@code /api/datasets/{repo}/tree/{rev}},
 * recursive, following {@code Link: rel="next"} pages), used to expand file patterns.
 */
final class HubTree {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  /** A file in the repo; {@code lfsSha256} is null for files not stored in LFS. */
  record Entry(String path, long size, String lfsSha256) {}

  private HubTree() {}

  static List<Entry> list(HubEndpoint endpoint, String repo, String revision, String folder)
      throws IOException {
    HubHttp http = new HubHttp(endpoint);
    List<Entry> entries = new ArrayList<>();
    URI page = endpoint.treeUrl(repo, revision, folder);
    while (page != null) {
      HttpResponse<String> response = http.getText(page);
      if (response.statusCode() == 404) {
        throw new UserError(
            repo
                + "@"
                + revision
                + ": no such dataset, revision or folder '"
                + folder
                + "' on "
                + endpoint.base());
      }
      if (response.statusCode() != 200) {
        throw new IOException(page + ": HTTP " + response.statusCode());
      }
      for (JsonNode node : JSON.readTree(response.body())) {
        if ("file".equals(node.path("type").asText())) {
          JsonNode lfs = node.path("lfs");
          String sha = lfs.isObject() ? lfs.path("oid").asText(null) : null;
          entries.add(new Entry(node.path("path").asText(), node.path("size").asLong(-1), sha));
        }
      }
      page = next(page, response.headers().firstValue("Link").orElse(null));
    }
    return entries;
  }

  private static URI next(URI current, String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    return m.find() ? current.resolve(m.group(1)) : null;
  }
}
