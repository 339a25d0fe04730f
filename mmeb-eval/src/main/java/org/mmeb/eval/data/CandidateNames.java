package org.mmeb.eval.data;

import org.mmeb.eval.data.parquet.ParquetRow;
import org.mmeb.eval.task.TaskSpec;

/**
 * The reference's candidate "name" (its dedupe key, first occurrence wins) by the task's {@code
 * dedupe_key}: the target text (image_cls, image_qa, image_i2t), the image path (image_t2i), or
 * {@code path + ':' + caption.strip('"')} (image_i2i_vg: one image holds several objects).
 */
final class CandidateNames {
  private CandidateNames() {}

  static String of(TaskSpec spec, ParquetRow row, String text, String imagePath, Item composed) {
    return switch (spec.dedupeKey()) {
      case TARGET_TEXT -> text;
      case TARGET_IMAGE -> imagePath;
      case TARGET_IMAGE_AND_TEXT -> imagePath + ":" + V2ImagePrompts.stripQuotes(text);
      case TEXT_AND_IMAGE -> ItemKeys.content(composed.text(), composed.images());
      case CORPUS_ID, VIDEO_ID ->
          throw row.error(
              "dedupe_key " + spec.dedupeKey() + " does not apply to the V2 image layout");
    };
  }
}
