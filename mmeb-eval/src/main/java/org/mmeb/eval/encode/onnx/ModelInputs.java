package org.mmeb.eval.encode.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.image.ImagePreprocessor;
import org.mmeb.eval.encode.text.TextTokenizer;
import org.mmeb.eval.encode.text.TokenizerSpec;

/**
 * The CPU side of a model: its tokenizer and image preprocessor, turning a batch of items into
 * direct buffers. Thread-safe; holds no session.
 */
final class ModelInputs implements AutoCloseable {
  private final ModelSpec spec;
  private final Path dir;
  private final TextTokenizer tokenizer;
  private final ImagePreprocessor preprocessor;
  private final int tokenMultiple;
  private final DirectBufferPool pool = DirectBufferPool.sizedToHeap();

  ModelInputs(ModelSpec spec, Path dir) {
    this(spec, dir, 1);
  }

  /**
   * @param tokenMultiple round token lengths up to a multiple of this (see {@link TokenBuckets}); 1
   *     = pad to the longest row only
   */
  ModelInputs(ModelSpec spec, Path dir, int tokenMultiple) {
    this.spec = spec;
    this.dir = dir;
    GraphSpec textGraph = spec.textGraph() != null ? spec.textGraph() : spec.graph();
    this.tokenMultiple =
        spec.tokenizer() != null && TokenBuckets.applies(textGraph, spec.tokenizer())
            ? tokenMultiple
            : 1;
    this.tokenizer =
        spec.tokenizer() == null
            ? null
            : TextTokenizer.open(resolve(spec.tokenizer().file()), spec.tokenizer());
    this.preprocessor = spec.image() == null ? null : new ImagePreprocessor(spec.image());
  }

  ModelSpec spec() {
    return spec;
  }

  Path resolve(String file) {
    return dir.resolve(file);
  }

  String instructionApplied(String text) {
    return spec.instruction().apply(text);
  }

  /**
   * Tokenizes {@code texts} (the text of items {@code textRows}) and decodes every image; with
   * {@code pixelsForEveryRow}, items without an image get a zero pixel row.
   */
  OnnxBatch prepare(
      List<Item> items,
      ImageStore images,
      List<Integer> textRows,
      List<String> texts,
      boolean pixelsForEveryRow) {
    BatchBuffers buffers = new BatchBuffers(pool);
    long t0 = System.nanoTime();
    GraphInputs text = texts.isEmpty() ? null : tokenized(texts, buffers);
    long tokenizeNanos = System.nanoTime() - t0;
    boolean anyImage = items.stream().anyMatch(Item::hasImages);
    PixelBatch pixels =
        anyImage || pixelsForEveryRow
            ? PixelBatch.of(items, images, preprocessor, pixelsForEveryRow, buffers)
            : null;
    return new OnnxBatch(
        items.size(),
        textRows.stream().mapToInt(Integer::intValue).toArray(),
        text,
        pixels,
        pixels == null ? 0 : pixels.decodeNanos(),
        tokenizeNanos + (pixels == null ? 0 : pixels.preprocessNanos()),
        buffers,
        List.of(),
        new AtomicReference<>());
  }

  private GraphInputs tokenized(List<String> texts, BatchBuffers buffers) {
    return GraphInputs.text(
        TokenBuckets.roundUp(tokenizer.tokenize(texts), tokenMultiple, spec.tokenizer()),
        lengthBucket(),
        buffers);
  }

  /** How long a text row would be alone ({@link GraphInputs#lengthBucket}). */
  private int lengthBucket() {
    return spec.tokenizer().padTo() == TokenizerSpec.PadTo.LONGEST ? tokenMultiple : 0;
  }

  @Override
  public void close() {
    if (tokenizer != null) {
      tokenizer.close();
    }
  }
}
