package org.mmeb.eval.serve;

import java.util.List;
import java.util.Map;
import org.mmeb.eval.data.Item;

/**
 * One {@code /v1/embeddings} request, decoded: the items to embed in response order and the bytes
 * of the images they name (paths unique to this request, so requests can share a batch).
 */
record EmbeddingRequest(List<Item> items, Map<String, byte[]> images) {
  EmbeddingRequest {
    items = List.copyOf(items);
    images = Map.copyOf(images);
  }

  int size() {
    return items.size();
  }
}
