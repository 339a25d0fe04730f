package org.mmeb.eval.data.download;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Hugging Face hub: its base URL ({@code --endpoint}, else {@code HF_ENDPOINT}, else
 * https://huggingface.co) and an optional access token ({@code HF_TOKEN}, sent as a bearer token).
 */
public record HubEndpoint(String base, String token) {
  public static final String DEFAULT = "https://huggingface.co";

  public HubEndpoint {
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    token = token == null || token.isBlank() ? null : token.strip();
  }

  public static HubEndpoint from(String endpointOption, Map<String, String> env) {
    String base =
        endpointOption != null ? endpointOption : env.getOrDefault("HF_ENDPOINT", DEFAULT);
    return new HubEndpoint(base.isBlank() ? DEFAULT : base, env.get("HF_TOKEN"));
  }

  /** {@code {base}/datasets/{repo}/resolve/{revision}/{path}}. */
  public URI resolveUrl(String repo, String revision, String path) {
    return URI.create(
        base + "/datasets/" + repo + "/resolve/" + encode(revision) + "/" + encodePath(path));
  }

  /** The hub API listing of a dataset repo's files under a folder, recursively. */
  public URI treeUrl(String repo, String revision, String folder) {
    String tail = folder.isEmpty() ? "" : "/" + encodePath(folder);
    return URI.create(
        base + "/api/datasets/" + repo + "/tree/" + encode(revision) + tail + "?recursive=true");
  }

  private static String encodePath(String path) {
    StringBuilder encoded = new StringBuilder();
    for (String part : path.split("/", -1)) {
      if (encoded.length() > 0) {
        encoded.append('/');
      }
      encoded.append(encode(part));
    }
    return encoded.toString();
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
