package org.mmeb.eval.data.download;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import org.mmeb.eval.UserError;

/**
 * Asks the hub (HEAD, same-host redirects followed) for a file's size, checksum and commit before
 * fetching it.
 */
final class HubFileProbe {
  private final HubEndpoint endpoint;
  private final HubHttp http;
  private final RetryPolicy retries;

  HubFileProbe(HubEndpoint endpoint, HubHttp http, RetryPolicy retries) {
    this.endpoint = endpoint;
    this.http = http;
    this.retries = retries;
  }

  /** What the hub says about the file before any byte moves. */
  record RemoteInfo(long size, ExpectedChecksum checksum, String repoCommit) {}

  RemoteInfo probe(RemoteFile file, URI uri) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
      try {
        HubHttp.Head head = http.head(uri);
        HttpResponse<Void> answer = head.response();
        int status = answer.statusCode();
        if (status >= 500 || status == 429) {
          last = new IOException("HTTP " + status);
          if (attempt < retries.attempts()) {
            RetryPolicy.sleep(
                RetryPolicy.serverDelay(answer.headers()).orElse(retries.delayBefore(attempt + 1)));
          }
          continue;
        }
        HubErrors.refuse(file.describe(), file.repo(), status, answer.headers());
        var headers = answer.headers();
        ExpectedChecksum checksum =
            ExpectedChecksum.fromEtag(
                headers
                    .firstValue("X-Linked-Etag")
                    .or(() -> headers.firstValue("ETag"))
                    .orElse(null));
        if (checksum.kind() == ExpectedChecksum.Kind.NONE) {
          checksum = file.knownChecksum();
        }
        long size =
            headers
                .firstValueAsLong("X-Linked-Size")
                .orElse(status == 200 ? headers.firstValueAsLong("Content-Length").orElse(-1) : -1);
        return new RemoteInfo(size, checksum, head.repoCommit());
      } catch (IOException e) {
        last = e;
        if (attempt < retries.attempts()) {
          retries.sleepBefore(attempt + 1);
        }
      }
    }
    throw new UserError(
        file.describe() + ": hub not reachable at " + endpoint.base() + ": " + last.getMessage(),
        last);
  }
}
