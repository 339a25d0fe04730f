package org.mmeb.eval.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.RetryPolicy;
import org.mmeb.eval.UserError;

/** The hub's real behaviours (as huggingface_hub handles them) against the loopback hub. */
class HubAsServedTest {
  private static final String REPO = "VLM2Vec/UCF101";
  private static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

  @TempDir Path dir;
  private final LoopbackHub hub = new LoopbackHub();
  private final StringWriter log = new StringWriter();

  HubAsServedTest() throws IOException {}

  @AfterEach
  void stop() {
    hub.close();
  }

  private HubFileDownload download(Duration inactivity) {
    return new HubFileDownload(
        new HubEndpoint(hub.endpoint(), "secret"), FAST, inactivity, new PrintWriter(log, true));
  }

  private RemoteFile file(String repo, String path) {
    return new RemoteFile(repo, "main", path, dir.resolve(path), ExpectedChecksum.NONE);
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  @Test
  void aRegularFileRedirectedToResolveCacheKeepsItsChecksum() throws IOException {
    hub.resolveCacheRedirects = true;
    hub.put(
        REPO, "data/test.jsonl", "{\"video_id\": \"a\"}\n".getBytes(StandardCharsets.UTF_8), false);
    var outcome = download(HubFileDownload.DEFAULT_INACTIVITY).fetch(file(REPO, "data/test.jsonl"));
    assertThat(outcome.checksum().kind()).isEqualTo(ExpectedChecksum.Kind.GIT_SHA1);
    assertThat(hub.requests("HEAD"))
        .extracting(LoopbackHub.Request::path)
        .anyMatch(
            p -> p.startsWith("/api/resolve-cache/datasets/" + REPO + "/" + LoopbackHub.COMMIT));
    // the same-host hops carry the token
    assertThat(hub.requests("HEAD")).allMatch(r -> "Bearer secret".equals(r.authorization()));
  }

  @Test
  void aRenamedRepoIsFollowedForHeadAndGet() throws IOException {
    hub.put("VLM2Vec/UCF-101", "data/test.jsonl", bytes(3000), true);
    hub.rename(REPO, "VLM2Vec/UCF-101");
    var outcome = download(HubFileDownload.DEFAULT_INACTIVITY).fetch(file(REPO, "data/test.jsonl"));
    assertThat(outcome.checksum().kind()).isEqualTo(ExpectedChecksum.Kind.SHA256);
    assertThat(Files.readAllBytes(dir.resolve("data/test.jsonl"))).isEqualTo(bytes(3000));
  }

  @Test
  void everyFileOfARepoIsPinnedToTheFirstCommitTheHubNames() throws IOException {
    hub.put(REPO, "a.jsonl", bytes(10), false);
    hub.put(REPO, "b.jsonl", bytes(20), false);
    HubFileDownload download = download(HubFileDownload.DEFAULT_INACTIVITY);
    download.fetch(file(REPO, "a.jsonl"));
    download.fetch(file(REPO, "b.jsonl"));
    List<String> gets = hub.requests("GET").stream().map(LoopbackHub.Request::path).toList();
    assertThat(gets).allMatch(p -> p.contains("/resolve/" + LoopbackHub.COMMIT + "/"));
    assertThat(hub.requests("HEAD").get(1).path()).contains("/resolve/" + LoopbackHub.COMMIT + "/");
  }

  @Test
  void aStalledTransferIsAbortedByTheWatchdogAndResumed() throws IOException {
    hub.put(REPO, "big.parquet", bytes(200_000), true);
    hub.stallNextTransferAfter(REPO, "big.parquet", 70_000);
    var outcome = download(Duration.ofMillis(500)).fetch(file(REPO, "big.parquet"));
    assertThat(Files.readAllBytes(dir.resolve("big.parquet"))).isEqualTo(bytes(200_000));
    assertThat(outcome.status()).isEqualTo(HubFileDownload.Status.RESUMED);
    assertThat(log.toString()).contains("no bytes for");
  }

  @Test
  void theRetryCountStartsAgainWhenBytesArrive() throws IOException {
    hub.put(REPO, "big.parquet", bytes(100_000), true);
    // more cuts than attempts (3): each brings bytes, so the download still completes
    for (int i = 0; i < 5; i++) {
      hub.cutNextTransferAfter(REPO, "big.parquet", 15_000);
    }
    download(HubFileDownload.DEFAULT_INACTIVITY).fetch(file(REPO, "big.parquet"));
    assertThat(Files.readAllBytes(dir.resolve("big.parquet"))).isEqualTo(bytes(100_000));
    assertThat(log.toString().split("attempt 1 of 3", -1).length - 1).isGreaterThanOrEqualTo(5);
  }

  @Test
  void errorCodesSayWhatIsWrong() {
    hub.refuse("VLM2Vec/Gone", 401, "RepoNotFound", "Repository not found");
    hub.refuse("VLM2Vec/Gated", 403, "GatedRepo", "Access to dataset VLM2Vec/Gated is restricted");
    HubFileDownload download = download(HubFileDownload.DEFAULT_INACTIVITY);
    assertThatThrownBy(() -> download.fetch(file("VLM2Vec/Gone", "x.jsonl")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no such dataset repo VLM2Vec/Gone (Repository not found)");
    assertThatThrownBy(() -> download.fetch(file("VLM2Vec/Gated", "x.jsonl")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("gated repo VLM2Vec/Gated")
        .hasMessageContaining(
            "accept its conditions on https://huggingface.co/datasets/VLM2Vec/Gated");
  }

  @Test
  void theTreeListingRetriesARateLimitHasAPageBoundAndStopsALoop() throws IOException {
    hub.put(REPO, "data/test.jsonl", bytes(5), false);
    hub.rateLimitTree(2);
    HubEndpoint endpoint = new HubEndpoint(hub.endpoint(), null);
    assertThat(HubTree.list(endpoint, REPO, "main", "", FAST))
        .extracting(HubTree.Entry::path)
        .containsExactly("data/test.jsonl");
    for (int i = 0; i < 9; i++) {
      hub.put(REPO, "data/more-" + i + ".jsonl", bytes(1), false);
    }
    assertThatThrownBy(() -> HubTree.list(endpoint, REPO, "main", "", FAST, 3))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("more than 3 pages; stopped");
    hub.loopingTreeLinks = true;
    assertThatThrownBy(() -> HubTree.list(endpoint, REPO, "main", "", FAST))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("next page link loops back");
  }

  @Test
  void theHubsWaitIsReadFromRetryAfterOrRateLimit() {
    var headers =
        java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of("120")), (a, b) -> true);
    assertThat(RetryPolicy.serverDelay(headers)).contains(Duration.ofSeconds(120));
    var rateLimit =
        java.net.http.HttpHeaders.of(
            Map.of("RateLimit", List.of("\"api\";r=0;t=55")), (a, b) -> true);
    assertThat(RetryPolicy.serverDelay(rateLimit)).contains(Duration.ofSeconds(55));
    var tooLong =
        java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of("86400")), (a, b) -> true);
    assertThat(RetryPolicy.serverDelay(tooLong)).contains(RetryPolicy.MAX_SERVER_WAIT);
  }

  @Test
  void theTokenGoesOnlyToTheHubsOwnSchemeAndHost() {
    HubHttp http = new HubHttp(new HubEndpoint("https://127.0.0.1:8443", "secret"));
    assertThat(http.authorizes(URI.create("https://127.0.0.1:8443/datasets/a/b"))).isTrue();
    assertThat(http.authorizes(URI.create("http://127.0.0.1:8443/datasets/a/b"))).isFalse();
    assertThat(http.authorizes(URI.create("https://cdn-lfs.hf.co/x"))).isFalse();
    assertThat(
            new HubHttp(new HubEndpoint("https://huggingface.co", "t"))
                .authorizes(URI.create("https://huggingface.co:443/api/x")))
        .isTrue();
  }

  @Test
  void tokensComeFromEitherVariableOrTheLoginFile() throws IOException {
    Path home = dir.resolve("home");
    assertThat(HubEndpoint.from(null, Map.of("HUGGING_FACE_HUB_TOKEN", "old"), home).token())
        .isEqualTo("old");
    assertThat(
            HubEndpoint.from(null, Map.of("HF_TOKEN", "new", "HUGGING_FACE_HUB_TOKEN", "old"), home)
                .token())
        .isEqualTo("new");
    Files.createDirectories(home.resolve(".cache/huggingface"));
    Files.writeString(home.resolve(".cache/huggingface/token"), "hf_file\n");
    assertThat(HubEndpoint.from(null, Map.of(), home).token()).isEqualTo("hf_file");
    Path custom = Files.writeString(dir.resolve("tok"), "hf_custom");
    assertThat(HubEndpoint.from(null, Map.of("HF_TOKEN_PATH", custom.toString()), home).token())
        .isEqualTo("hf_custom");
    assertThat(
            HubEndpoint.from(null, Map.of("HF_HOME", dir.resolve("nohome").toString()), home)
                .token())
        .isNull();
  }
}
