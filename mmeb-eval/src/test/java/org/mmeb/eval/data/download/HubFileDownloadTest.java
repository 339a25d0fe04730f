package org.mmeb.eval.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.GaveUp;
import org.mmeb.eval.RetryPolicy;
import org.mmeb.eval.UserError;

class HubFileDownloadTest {
  private static final String REPO = "TIGER-Lab/MMEB-eval";
  private static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

  @TempDir Path dir;
  private final LoopbackHub hub = new LoopbackHub();
  private final StringWriter log = new StringWriter();
  private final byte[] content = new byte[300_000];

  HubFileDownloadTest() throws IOException {
    new Random(1).nextBytes(content);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private HubFileDownload download(String token) {
    return new HubFileDownload(
        new HubEndpoint(hub.endpoint(), token),
        FAST,
        HubFileDownload.DEFAULT_INACTIVITY,
        new PrintWriter(log, true));
  }

  private RemoteFile file(String path) {
    return new RemoteFile(REPO, "main", path, dir.resolve(path), ExpectedChecksum.NONE);
  }

  @Test
  void anLfsFileIsFetchedThroughItsRedirectAndCheckedAgainstTheLinkedEtag() throws IOException {
    hub.put(REPO, "images.zip", content, true);
    HubFileDownload.Outcome outcome = download(null).fetch(file("images.zip"));
    assertThat(outcome.status()).isEqualTo(HubFileDownload.Status.DOWNLOADED);
    assertThat(outcome.checksum())
        .isEqualTo(new ExpectedChecksum(ExpectedChecksum.Kind.SHA256, LoopbackHub.sha256(content)));
    assertThat(Files.readAllBytes(dir.resolve("images.zip"))).isEqualTo(content);
    assertThat(dir.resolve("images.zip.part")).doesNotExist();
    assertThat(hub.requests("GET"))
        .extracting(LoopbackHub.Request::server)
        .containsExactly("hub", "storage");
  }

  @Test
  void anInterruptedTransferGoesOnWithARangeRequest() throws IOException {
    hub.put(REPO, "images.zip", content, true);
    hub.cutNextTransferAfter(REPO, "images.zip", 100_000);
    HubFileDownload.Outcome outcome = download(null).fetch(file("images.zip"));
    assertThat(outcome.status()).isEqualTo(HubFileDownload.Status.RESUMED);
    assertThat(Files.readAllBytes(dir.resolve("images.zip"))).isEqualTo(content);
    List<String> ranges =
        hub.requests("GET").stream()
            .filter(r -> r.server().equals("storage"))
            .map(LoopbackHub.Request::range)
            .toList();
    assertThat(ranges).hasSize(2).first().isNull();
    // the server sent 100,000 bytes; the client resumes after what it had safely stored
    long resumedAt = Long.parseLong(ranges.get(1).replaceAll("bytes=(\\d+)-", "$1"));
    assertThat(resumedAt).isBetween(1L, 100_000L);
    assertThat(log.toString()).contains("resuming at");
  }

  @Test
  void aPartFileLeftByAnEarlierRunIsContinued() throws IOException {
    hub.put(REPO, "N24News/test-00000-of-00001.parquet", content, true);
    Path part = dir.resolve("N24News/test-00000-of-00001.parquet.part");
    Files.createDirectories(part.getParent());
    Files.write(part, Arrays.copyOf(content, 123_456));
    HubFileDownload.Outcome outcome =
        download(null).fetch(file("N24News/test-00000-of-00001.parquet"));
    assertThat(outcome.status()).isEqualTo(HubFileDownload.Status.RESUMED);
    assertThat(Files.readAllBytes(dir.resolve("N24News/test-00000-of-00001.parquet")))
        .isEqualTo(content);
    assertThat(hub.requests("GET").get(1).range()).isEqualTo("bytes=123456-");
  }

  @Test
  void aChecksumMismatchIsRetriedFromScratchAndFailsClearlyWhenItPersists() throws IOException {
    hub.put(REPO, "images.zip", content, true);
    hub.corrupt(REPO, "images.zip", 1);
    assertThat(download(null).fetch(file("images.zip")).status())
        .isEqualTo(HubFileDownload.Status.DOWNLOADED);
    assertThat(log.toString()).contains("checksum mismatch");
    Files.delete(dir.resolve("images.zip"));
    hub.corrupt(REPO, "images.zip", 10);
    assertThatThrownBy(() -> download(null).fetch(file("images.zip")))
        .isInstanceOf(GaveUp.class)
        .hasMessageContaining(
            "TIGER-Lab/MMEB-eval/images.zip@main: failed after 3 attempts: checksum mismatch: expected sha256 "
                + LoopbackHub.sha256(content));
    assertThat(dir.resolve("images.zip")).doesNotExist();
    assertThat(dir.resolve("images.zip.part")).doesNotExist();
  }

  @Test
  void aRegularFileIsCheckedAgainstItsGitBlobSha1AndAPresentFileIsNotFetchedAgain()
      throws IOException {
    byte[] readme = "# MMEB-eval\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    hub.put(REPO, "README.md", readme, false);
    HubFileDownload.Outcome first = download(null).fetch(file("README.md"));
    assertThat(first.checksum().kind()).isEqualTo(ExpectedChecksum.Kind.GIT_SHA1);
    assertThat(first.checksum().hex()).isEqualTo(LoopbackHub.gitSha1(readme));
    int gets = hub.requests("GET").size();
    assertThat(download(null).fetch(file("README.md")).status())
        .isEqualTo(HubFileDownload.Status.UP_TO_DATE);
    assertThat(hub.requests("GET")).hasSize(gets);
  }

  @Test
  void theTokenGoesToTheHubButNotToTheStorageHost() throws IOException {
    hub.put(REPO, "images.zip", content, true);
    hub.requiredToken = "secret";
    assertThatThrownBy(() -> download(null).fetch(file("images.zip")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("access denied (HTTP 401); set HF_TOKEN");
    download("secret").fetch(file("images.zip"));
    assertThat(
            hub.requests.stream()
                .filter(r -> r.server().equals("hub"))
                .map(LoopbackHub.Request::authorization))
        .contains("Bearer secret");
    assertThat(
            hub.requests.stream()
                .filter(r -> r.server().equals("storage"))
                .map(LoopbackHub.Request::authorization))
        .containsOnlyNulls();
  }

  @Test
  void aMissingFileOrAnUnreachableHubIsOneClearLine() throws IOException {
    assertThatThrownBy(() -> download(null).fetch(file("nope.parquet")))
        .isInstanceOf(UserError.class)
        .hasMessage("TIGER-Lab/MMEB-eval/nope.parquet@main: not found on the hub (HTTP 404)");
    String endpoint = hub.endpoint();
    hub.close();
    HubFileDownload offline =
        new HubFileDownload(
            new HubEndpoint(endpoint, null),
            FAST,
            HubFileDownload.DEFAULT_INACTIVITY,
            new PrintWriter(log));
    assertThatThrownBy(() -> offline.fetch(file("images.zip")))
        .isInstanceOf(GaveUp.class)
        .hasMessageContaining("hub not reachable at " + endpoint);
  }
}
