package org.mmeb.eval.encode.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.mmeb.eval.UserError;

/**
 * A response body read into memory up to a cap: a declared Content-Length above it is refused
 * before any byte is read, and a body that grows past it (chunked, or lying about its length) is
 * cut off there, so a hostile or broken server cannot make us buffer gigabytes.
 */
final class CappedBody implements BodySubscriber<byte[]> {
  private final long cap;
  private final URI server;
  private final long declared;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;
  private long received;

  private CappedBody(long cap, URI server, long declared) {
    this.cap = cap;
    this.server = server;
    this.declared = declared;
  }

  static HttpResponse.BodyHandler<byte[]> handler(long cap, URI server) {
    return info ->
        new CappedBody(cap, server, info.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declared > cap) {
      refuse(declared);
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      received += buffer.remaining();
      if (received > cap) {
        refuse(received);
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
  }

  private void refuse(long size) {
    subscription.cancel();
    body.completeExceptionally(
        new UserError(
            String.format(
                Locale.ROOT,
                "%s: response of %s bytes refused (the limit is %d MB)",
                server,
                size == declared ? Long.toString(size) : "more than " + cap,
                cap >> 20)));
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    body.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}
