package org.mmeb.eval.data.download;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import org.mmeb.eval.GaveUp;
import org.mmeb.eval.RetryPolicy;

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
    try {
      return retries.run(() -> probeOnce(file, uri));
    } catch (RetryPolicy.Exhausted e) {
      throw new GaveUp(
          file.describe()
              + ": hub not reachable at "
              + endpoint.base()
              + ": "
              + e.last().getMessage(),
          e.last());
    }
  }

  private RemoteInfo probeOnce(RemoteFile file, URI uri) throws IOException {
    HubHttp.Head head = http.head(uri);
    HttpResponse<Void> answer = head.response();
    int status = answer.statusCode();
    if (status >= 500 || status == 429) {
      throw new RetryPolicy.ServerBusy("HTTP " + status, answer.headers());
    }
    HubErrors.refuse(file.describe(), file.repo(), status, answer.headers());
    HttpHeaders headers = answer.headers();
    long size =
        headers
            .firstValueAsLong("X-Linked-Size")
            .orElse(status == 200 ? headers.firstValueAsLong("Content-Length").orElse(-1) : -1);
    return new RemoteInfo(size, checksum(file, headers), head.repoCommit());
  }

  /** The hub's checksum (the LFS sha256 or git blob ETag), else one the task file knows. */
  private static ExpectedChecksum checksum(RemoteFile file, HttpHeaders headers) {
    ExpectedChecksum checksum =
        ExpectedChecksum.fromEtag(
            headers.firstValue("X-Linked-Etag").or(() -> headers.firstValue("ETag")).orElse(null));
    return checksum.kind() == ExpectedChecksum.Kind.NONE ? file.knownChecksum() : checksum;
  }
}
