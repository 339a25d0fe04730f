package org.mmeb.eval.pipeline;

import java.util.List;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;

/** A batch after the CPU stage: the encoder's own prepared form, or the raw batch. */
record Prepared(List<Item> batch, ImageStore images, Object encoderInput) {}
