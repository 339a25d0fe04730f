package org.mmeb.eval.encode.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.mmeb.eval.Json;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;

/**
 * Request bodies of an OpenAI-compatible {@code /v1/embeddings} endpoint. Text-only batches use the
 * plain {@code input} list; an item with images uses vLLM's multimodal form, one chat conversation
 * per request, images as {@code data:} URIs before the text.
 */
final class EmbeddingRequests {
  private final String model;

  EmbeddingRequests(String model) {
    this.model = model;
  }

  String textBatch(List<Item> items) throws IOException {
    ObjectNode body =
        Json.PLAIN.createObjectNode().put("model", model).put("encoding_format", "float");
    ArrayNode input = body.putArray("input");
    items.forEach(item -> input.add(item.text()));
    return Json.PLAIN.writeValueAsString(body);
  }

  String multimodal(Item item, ImageStore images) throws IOException {
    ObjectNode body =
        Json.PLAIN.createObjectNode().put("model", model).put("encoding_format", "float");
    ObjectNode message = body.putArray("messages").addObject().put("role", "user");
    ArrayNode content = message.putArray("content");
    for (String path : item.images()) {
      String uri = DataUris.of(path, images.read(path));
      content.addObject().put("type", "image_url").putObject("image_url").put("url", uri);
    }
    if (!item.text().isEmpty()) {
      content.addObject().put("type", "text").put("text", item.text());
    }
    return Json.PLAIN.writeValueAsString(body);
  }
}
