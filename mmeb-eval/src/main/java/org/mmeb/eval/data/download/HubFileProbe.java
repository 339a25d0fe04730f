package org.mmeb.eval.data.download;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import org.mmeb.eval.UserError;

/**
 * Asks the hub (HEAD, redirects not followed) for a file's size and checksum before fetching it.
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
  record RemoteInfo(long size, ExpectedChecksum checksum) {}

  RemoteInfo probe(RemoteFile file, URI uri) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
      if (attempt > 1) {
        retries.sleepBefore(attempt);
      }
      try {
        HttpResponse<Void> head = http.head(uri);
        int status = head.statusCode();
        if (status >= 500 || status == 429) {
          last = new IOException("HTTP " + status);
          continue;
        }
        refuse(file, status);
        var headers = head.headers();
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
        return new RemoteInfo(size, checksum);
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UserError(
        file.describe() + ": hub not reachable at " + endpoint.base() + ": " + last.getMessage(),
        last);
  }

  static void refuse(RemoteFile file, int status) {
    if (status == 401 || status == 403) {
      throw new UserError(
          file.describe()
              + ": access denied (HTTP "
              + status
              + "); set HF_TOKEN to a token that can read it");
    }
    if (status == 404) {
      throw new UserError(file.describe() + ": not found on the hub (HTTP 404)");
    }
    if (status >= 400) {
      throw new UserError(file.describe() + ": the hub answered HTTP " + status);
    }
  }
}
