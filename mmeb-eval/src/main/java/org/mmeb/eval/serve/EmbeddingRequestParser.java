package org.mmeb.eval.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mmeb.eval.data.Item;

/**
 * Reads the two request forms of {@code /v1/embeddings}: OpenAI's ({@code input}: a string or a
 * list of strings) and vLLM's multimodal one ({@code messages}: chat messages whose content is a
 * string or a list of {@code text} and {@code image_url} parts, images as base64 {@code data:}
 * URIs). A conversation is one item: its texts joined by a newline, its images in order.
 */
final class EmbeddingRequestParser {
  private final String modelName;
  private final AtomicLong requestIds = new AtomicLong();

  EmbeddingRequestParser(String modelName) {
    this.modelName = modelName;
  }

  EmbeddingRequest parse(JsonNode body) {
    if (!body.isObject()) {
      throw new BadRequest("the request body must be a JSON object");
    }
    checkModel(body.path("model"));
    String format = body.path("encoding_format").asText("float");
    if (!format.equals("float")) {
      throw new BadRequest("encoding_format '" + format + "' is not supported; use 'float'");
    }
    String prefix = "request-" + requestIds.incrementAndGet() + "/";
    if (body.has("input") == body.has("messages")) {
      throw new BadRequest("give exactly one of 'input' (texts) and 'messages' (multimodal)");
    }
    return body.has("input") ? texts(body.get("input"), prefix) : conversation(body, prefix);
  }

  private void checkModel(JsonNode model) {
    if (!model.isMissingNode() && !model.isNull() && !model.asText().equals(modelName)) {
      throw new BadRequest(404, "The model `" + model.asText() + "` does not exist.");
    }
  }

  private static EmbeddingRequest texts(JsonNode input, String prefix) {
    List<JsonNode> values = inputValues(input);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).isTextual()) {
        throw new BadRequest(
            "'input' entry " + i + " is not a string (token ids are not supported)");
      }
      items.add(Item.textOnly(prefix + i, values.get(i).asText()));
    }
    return new EmbeddingRequest(items, Map.of());
  }

  /** OpenAI's 'input': one value or a non-empty list of them. */
  private static List<JsonNode> inputValues(JsonNode input) {
    List<JsonNode> values = new ArrayList<>();
    if (input.isArray()) {
      input.forEach(values::add);
    } else {
      values.add(input);
    }
    if (values.isEmpty()) {
      throw new BadRequest("'input' is an empty list");
    }
    return values;
  }

  private static EmbeddingRequest conversation(JsonNode body, String prefix) {
    JsonNode messages = body.get("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      throw new BadRequest("'messages' must be a non-empty list");
    }
    Conversation conversation = new Conversation(prefix);
    for (int m = 0; m < messages.size(); m++) {
      conversation.add(m, messages.get(m).path("content"));
    }
    return conversation.request();
  }

  /** vLLM's chat form, one item: the texts of every message joined by newlines, its images. */
  private static final class Conversation {
    private final String prefix;
    private final List<String> texts = new ArrayList<>();
    private final Map<String, byte[]> images = new HashMap<>();
    private final List<String> paths = new ArrayList<>();

    Conversation(String prefix) {
      this.prefix = prefix;
    }

    /** Message {@code m}'s content: a string, or a list of text and image_url parts. */
    void add(int m, JsonNode content) {
      if (content.isTextual()) {
        texts.add(content.asText());
        return;
      }
      if (!content.isArray()) {
        throw new BadRequest("messages[" + m + "].content must be a string or a list of parts");
      }
      for (int p = 0; p < content.size(); p++) {
        addPart(content.get(p), "messages[" + m + "].content[" + p + "]");
      }
    }

    private void addPart(JsonNode part, String where) {
      switch (part.path("type").asText()) {
        case "text" -> texts.add(part.path("text").asText());
        case "image_url" -> {
          String path = prefix + paths.size() + ".image";
          images.put(path, dataUri(part.path("image_url").path("url").asText(), where));
          paths.add(path);
        }
        default -> throw new BadRequest(where + ": type must be 'text' or 'image_url'");
      }
    }

    EmbeddingRequest request() {
      Item item = new Item(prefix + "0", String.join("\n", texts), paths);
      return new EmbeddingRequest(List.of(item), images);
    }
  }

  private static byte[] dataUri(String url, String where) {
    int comma = url.indexOf(',');
    if (!url.startsWith("data:") || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
      throw new BadRequest(where + ": image_url must be a base64 data: URI (no remote URLs)");
    }
    try {
      return Base64.getDecoder().decode(url.substring(comma + 1));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(where + ": the data: URI is not valid base64");
    }
  }
}
