package org.mmeb.eval.data.download;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.UserError;

/**
 * A Hugging Face hub: its base URL ({@code --endpoint}, else {@code HF_ENDPOINT}, else
 * https://huggingface.co) and an optional access token, found as huggingface_hub finds it: {@code
 * HF_TOKEN}, else {@code HUGGING_FACE_HUB_TOKEN}, else the file {@code hf auth login} writes
 * ({@code HF_TOKEN_PATH}, else {@code $HF_HOME/token}, {@code HF_HOME} defaulting to {@code
 * $XDG_CACHE_HOME/huggingface}, then {@code ~/.cache/huggingface}).
 */
public record HubEndpoint(String base, String token) {
  public static final String DEFAULT = "https://huggingface.co";

  public HubEndpoint {
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    token = token == null || token.isBlank() ? null : token.strip();
  }

  public static HubEndpoint from(String endpointOption, Map<String, String> env) {
    return from(endpointOption, env, Path.of(System.getProperty("user.home")));
  }

  static HubEndpoint from(String endpointOption, Map<String, String> env, Path home) {
    String base =
        endpointOption != null ? endpointOption : env.getOrDefault("HF_ENDPOINT", DEFAULT);
    return new HubEndpoint(base.isBlank() ? DEFAULT : base, token(env, home));
  }

  private static String token(Map<String, String> env, Path home) {
    for (String variable : List.of("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    Path file = tokenFile(env, home);
    try {
      return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
    } catch (IOException e) {
      throw new UserError(file + ": cannot read the hub token file: " + e.getMessage(), e);
    }
  }

  static Path tokenFile(Map<String, String> env, Path home) {
    if (env.get("HF_TOKEN_PATH") != null) {
      return expand(env.get("HF_TOKEN_PATH"), home);
    }
    Path hfHome =
        env.get("HF_HOME") != null
            ? expand(env.get("HF_HOME"), home)
            : expand(env.getOrDefault("XDG_CACHE_HOME", "~/.cache"), home).resolve("huggingface");
    return hfHome.resolve("token");
  }

  private static Path expand(String path, Path home) {
    return path.equals("~") || path.startsWith("~/")
        ? home.resolve(path.substring(Math.min(2, path.length())))
        : Path.of(path);
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
