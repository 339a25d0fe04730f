package org.mmeb.eval.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.Json;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.encode.onnx.OnnxEncoders;

/** The server on loopback in front of a real ONNX model (tiny-dual), spoken to over real HTTP. */
class EmbeddingServerTest {
  private static final Path TINY = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  private static Encoder model;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void open() {
    model = OnnxEncoders.open(TINY.resolve("dual.json"), "cpu");
  }

  @AfterAll
  static void close() throws Exception {
    model.close();
  }

  private HttpResponse<String> post(EmbeddingServer server, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.baseUrl().resolve("v1/embeddings"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(EmbeddingServer server, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.baseUrl().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static float[][] vectors(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode data = Json.PLAIN.readTree(response.body()).get("data");
    float[][] out = new float[data.size()][];
    for (JsonNode entry : data) {
      JsonNode values = entry.get("embedding");
      float[] v = new float[values.size()];
      for (int d = 0; d < v.length; d++) {
        v[d] = (float) values.get(d).asDouble();
      }
      out[entry.get("index").asInt()] = v;
    }
    return out;
  }

  private static String texts(String... texts) {
    ObjectNode body =
        Json.PLAIN.createObjectNode().put("model", "tiny").put("encoding_format", "float");
    ArrayNode input = body.putArray("input");
    for (String text : texts) {
      input.add(text);
    }
    return body.toString();
  }

  private static String multimodal(String text, String... images) {
    ObjectNode body = Json.PLAIN.createObjectNode().put("model", "tiny");
    ArrayNode content =
        body.putArray("messages").addObject().put("role", "user").putArray("content");
    for (String image : images) {
      String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes(image));
      content.addObject().put("type", "image_url").putObject("image_url").put("url", uri);
    }
    content.addObject().put("type", "text").put("text", text);
    return body.toString();
  }

  private static byte[] bytes(String image) {
    try {
      return Files.readAllBytes(TINY.resolve(image));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void bothFormsGiveTheModelsOwnFloatsBitForBit() throws Exception {
    ImageStore folder = new FolderImageStore(TINY);
    List<Item> items =
        List.of(
            Item.textOnly("a", "a red circle"),
            Item.textOnly("b", "<|image_1|> a photo of a dog"),
            new Item("c", "what is this?", List.of("images/wide.png")),
            new Item("d", "", List.of("images/frame1.png", "images/frame2.png")));
    float[][] direct = model.encode(items, folder);
    try (EmbeddingServer server = EmbeddingServer.start(model, "tiny", "127.0.0.1", 0, 32)) {
      float[][] text = vectors(post(server, texts("a red circle", "<|image_1|> a photo of a dog")));
      float[][] image = vectors(post(server, multimodal("what is this?", "images/wide.png")));
      float[][] video =
          vectors(post(server, multimodal("", "images/frame1.png", "images/frame2.png")));
      assertThat(text[0]).isEqualTo(direct[0]);
      assertThat(text[1]).isEqualTo(direct[1]);
      assertThat(image[0]).isEqualTo(direct[2]);
      assertThat(video[0]).isEqualTo(direct[3]);
    }
  }

  /** Holds the model's first batch until the test has queued the requests it wants batched. */
  private static final class GatedEncoder implements Encoder {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    @Override
    public float[][] encode(List<Item> items, ImageStore images) throws Exception {
      batchSizes.add(items.size());
      firstStarted.countDown();
      release.await();
      return model.encode(items, images);
    }

    @Override
    public String fingerprint() {
      return model.fingerprint();
    }

    @Override
    public String device() {
      return model.device();
    }
  }

  @Test
  void requestsWaitingWhileTheModelRunsAreEncodedAsOneBatch() throws Exception {
    GatedEncoder gated = new GatedEncoder();
    try (EmbeddingServer server = EmbeddingServer.start(gated, "tiny", "127.0.0.1", 0, 32)) {
      var first = CompletableFuture.supplyAsync(() -> call(server, texts("first")));
      gated.firstStarted.await();
      List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      waiting.add(CompletableFuture.supplyAsync(() -> call(server, texts("two", "three"))));
      waiting.add(CompletableFuture.supplyAsync(() -> call(server, texts("four"))));
      waiting.add(
          CompletableFuture.supplyAsync(() -> call(server, multimodal("x", "images/tall.png"))));
      while (server.waitingRequests() < 3) {
        Thread.onSpinWait();
      }
      gated.release.countDown();
      assertThat(vectors(first.get())[0]).isEqualTo(encodeText("first"));
      assertThat(vectors(waiting.get(0).get())[1]).isEqualTo(encodeText("three"));
      assertThat(vectors(waiting.get(1).get())[0]).isEqualTo(encodeText("four"));
      assertThat(vectors(waiting.get(2).get())).hasNumberOfRows(1);
      assertThat(gated.batchSizes).containsExactly(1, 4);
    }
  }

  private HttpResponse<String> call(EmbeddingServer server, String body) {
    try {
      return post(server, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static float[] encodeText(String text) throws Exception {
    return model.encode(List.of(Item.textOnly("k", text)), new FolderImageStore(TINY))[0];
  }

  @Test
  void badRequestsAreAnsweredWithAnOpenAiErrorAndTheServerKeepsServing() throws Exception {
    try (EmbeddingServer server = EmbeddingServer.start(model, "tiny", "127.0.0.1", 0, 32)) {
      assertError(post(server, "{not json"), 400, "not JSON");
      assertError(post(server, "{\"model\":\"other\",\"input\":[\"a\"]}"), 404, "`other`");
      assertError(post(server, "{\"input\":[[1,2,3]]}"), 400, "token ids");
      assertError(post(server, "{\"input\":[\"a\"],\"encoding_format\":\"base64\"}"), 400, "float");
      String remote =
          "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
              + "\"image_url\":{\"url\":\"http://example.com/a.png\"}}]}]}";
      assertError(post(server, remote), 400, "data: URI");
      String notAnImage =
          "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
              + "\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]}]}";
      assertThat(post(server, notAnImage).statusCode()).isEqualTo(400);
      assertThat(vectors(post(server, texts("still fine")))[0]).isEqualTo(encodeText("still fine"));
    }
  }

  private static void assertError(HttpResponse<String> response, int status, String says)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = Json.PLAIN.readTree(response.body()).get("error");
    assertThat(error.get("message").asText()).contains(says);
    assertThat(error.get("code").asInt()).isEqualTo(status);
  }

  @Test
  void healthAndModels() throws Exception {
    try (EmbeddingServer server = EmbeddingServer.start(model, "tiny", "127.0.0.1", 0, 32)) {
      assertThat(get(server, "health").statusCode()).isEqualTo(200);
      HttpResponse<String> models = get(server, "v1/models");
      assertThat(models.statusCode()).isEqualTo(200);
      assertThat(Json.PLAIN.readTree(models.body()).at("/data/0/id").asText()).isEqualTo("tiny");
      assertThat(get(server, "v1/embeddings").statusCode()).isEqualTo(405);
    }
  }
}
