package org.mmeb.eval.encode.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Prepared;

/**
 * A CLIP/SigLIP-style model: a text graph and a vision graph. Text-only and image-only items take
 * one tower; a text+image item is the sum of its unnormalised text and image features (the MMEB
 * CLIP-style baselines), several images (video frames) are averaged first; then the optional L2
 * normalisation. Whether an image's empty text still goes through the text tower is the spec's
 * {@link ModelSpec.EmptyText} rule.
 */
final class DualTowerEncoder extends OnnxEncoder<DualTowerEncoder.Towers> {

  /** The two sessions on one device (either may be null when the model lacks that tower). */
  record Towers(GraphSession text, GraphSession vision) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (text != null) {
        text.close();
      }
      if (vision != null) {
        vision.close();
      }
    }
  }

  DualTowerEncoder(ModelInputs inputs, SessionFactory factory, String fingerprint) {
    super(inputs, fingerprint, factory.plan(), openTowers(inputs, factory));
  }

  private static List<Towers> openTowers(ModelInputs inputs, SessionFactory factory) {
    ModelSpec spec = inputs.spec();
    List<Towers> towers = new ArrayList<>();
    for (int d = 0; d < factory.plan().sessionNames().size(); d++) {
      towers.add(
          new Towers(
              openTower(inputs, factory, spec.textGraph(), d),
              openTower(inputs, factory, spec.visionGraph(), d)));
    }
    return towers;
  }

  /** The tower's session on device {@code d}, or null when the spec has no such tower. */
  private static GraphSession openTower(
      ModelInputs inputs, SessionFactory factory, GraphSpec graph, int d) {
    return graph == null
        ? null
        : GraphSession.open(factory, inputs.resolve(graph.file()), graph, inputs.spec(), d);
  }

  @Override
  public Prepared prepare(List<Item> items, ImageStore images) {
    List<String> applied = items.stream().map(i -> inputs().instructionApplied(i.text())).toList();
    boolean batchHasText = applied.stream().anyMatch(t -> !t.isEmpty());
    List<Integer> textRows = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (needsTextTower(items.get(i), applied.get(i), batchHasText)) {
        textRows.add(i);
        texts.add(applied.get(i));
      }
    }
    OnnxBatch batch = inputs().prepare(items, images, textRows, texts, false);
    Towers graphs = anyDevice();
    return batch.withRuns(
        Arrays.asList(graphs.text(), graphs.vision()), batch.text(), pixelInputs(batch));
  }

  private static GraphInputs pixelInputs(OnnxBatch batch) {
    return batch.pixels() == null
        ? null
        : GraphInputs.pixels(batch.pixels().pixels(), batch.pixels().shape());
  }

  /**
   * Whether the item's text goes through the text tower; refuses an item that needs a tower the
   * model does not have.
   */
  private boolean needsTextTower(Item item, String text, boolean batchHasText) {
    if (item.hasImages() && spec().visionGraph() == null) {
      throw new UserError(
          name() + " has no vision graph; cannot embed images (item '" + item.key() + "')");
    }
    boolean needs = !item.hasImages() || embedsTextOfImage(text, batchHasText);
    if (needs && spec().textGraph() == null) {
      throw new UserError(
          name() + " has no text graph; cannot embed text (item '" + item.key() + "')");
    }
    return needs;
  }

  private boolean embedsTextOfImage(String text, boolean batchHasText) {
    return switch (spec().emptyTextRule()) {
      case IMAGE_ONLY -> !text.isBlank();
      case FUSE -> true;
      case FUSE_IF_BATCH_HAS_TEXT -> batchHasText;
    };
  }

  @Override
  public void run(Prepared prepared) throws Exception {
    OnnxBatch batch = (OnnxBatch) prepared;
    batch
        .outputs()
        .set(
            onFreeDevice(
                towers -> new float[][][] {runText(towers, batch), runVision(towers, batch)}));
  }

  @Override
  public float[][] finish(Prepared prepared) {
    OnnxBatch batch = (OnnxBatch) prepared;
    float[][][] outputs = batch.outputs().get();
    return fuse(batch, outputs[0], outputs[1]);
  }

  private static float[][] runText(Towers towers, OnnxBatch batch) {
    return batch.text() == null ? null : towers.text().run(batch.runs().get(0));
  }

  private static float[][] runVision(Towers towers, OnnxBatch batch) {
    return batch.pixels() == null ? null : towers.vision().run(batch.runs().get(1));
  }

  private float[][] fuse(OnnxBatch batch, float[][] text, float[][] image) {
    float[][] out = new float[batch.size()][];
    if (text != null) {
      for (int r = 0; r < batch.textRows().length; r++) {
        out[batch.textRows()[r]] = Embeddings.addScaled(null, text[r], 1f);
      }
    }
    if (image != null) {
      addImages(batch.pixels().owners(), image, out);
    }
    return normalized(out);
  }

  /** Adds each item's image rows, averaged over its frames, to its vector. */
  private static void addImages(int[] owners, float[][] image, float[][] out) {
    int[] frames = new int[out.length];
    for (int owner : owners) {
      frames[owner]++;
    }
    for (int r = 0; r < owners.length; r++) {
      out[owners[r]] = Embeddings.addScaled(out[owners[r]], image[r], 1f / frames[owners[r]]);
    }
  }
}
