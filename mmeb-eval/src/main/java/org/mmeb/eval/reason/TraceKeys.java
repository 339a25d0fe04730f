package org.mmeb.eval.reason;

import java.io.IOException;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.result.FileHashes;

/**
 * The trace cache's key: everything that determines a trace. The task, the query's content (its
 * text and the content of its images, not only their paths), the reasoner (endpoint and model), the
 * prompt template's hash and the decoding settings.
 */
final class TraceKeys {
  private TraceKeys() {}

  static String of(
      String task, Item query, ImageStore images, String reasoner, String prompt, String decoding) {
    StringBuilder content = new StringBuilder(query.text());
    for (String path : query.images()) {
      try {
        content.append('\u001f').append(images.contentId(path));
      } catch (IOException e) {
        throw new UserError(
            images.describe() + ": cannot read image '" + path + "': " + e.getMessage(), e);
      }
    }
    return FileHashes.sha256(String.join("\u001e", task, content, reasoner, prompt, decoding));
  }
}
