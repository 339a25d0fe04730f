package org.mmeb.eval.encode.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Prepared;

/**
 * A model exported as one graph taking ids, attention mask and pixels. Every row gets pixels: an
 * item without an image gets a zero tensor (the graph decides what that means), an item may have at
 * most one image. A graph without {@code pixel_values} is a text model (e.g. a sentence embedder):
 * it takes no pixels and refuses items with images.
 */
final class SingleGraphEncoder extends OnnxEncoder<GraphSession> {

  SingleGraphEncoder(ModelInputs inputs, SessionFactory factory, String fingerprint) {
    super(inputs, fingerprint, factory.plan(), openSessions(inputs, factory));
  }

  private static List<GraphSession> openSessions(ModelInputs inputs, SessionFactory factory) {
    GraphSpec graph = inputs.spec().graph();
    List<GraphSession> sessions = new ArrayList<>();
    for (int d = 0; d < factory.plan().sessionNames().size(); d++) {
      sessions.add(
          GraphSession.open(factory, inputs.resolve(graph.file()), graph, inputs.spec(), d));
    }
    return sessions;
  }

  @Override
  public Prepared prepare(List<Item> items, ImageStore images) {
    boolean pixels = inputs().spec().graph().pixelValues() != null;
    List<String> texts = new ArrayList<>();
    for (Item item : items) {
      checkImages(item, pixels);
      texts.add(inputs().instructionApplied(item.text()));
    }
    List<Integer> rows = IntStream.range(0, items.size()).boxed().toList();
    OnnxBatch batch = inputs().prepare(items, images, rows, texts, pixels);
    return batch.withRuns(List.of(anyDevice()), graphInputs(batch));
  }

  /** The text inputs, with the pixels when the graph takes them. */
  private static GraphInputs graphInputs(OnnxBatch batch) {
    return batch.pixels() == null
        ? batch.text()
        : batch.text().withPixels(batch.pixels().pixels(), batch.pixels().shape());
  }

  /** A text model takes no image, a single graph at most one. */
  private void checkImages(Item item, boolean takesPixels) {
    if (!takesPixels && item.hasImages()) {
      throw new UserError(
          name()
              + " is a text-only model (its graph has no pixel_values); item '"
              + item.key()
              + "' has an image");
    }
    if (item.images().size() > 1) {
      throw new UserError(
          name()
              + " is a single graph and takes one image per item; item '"
              + item.key()
              + "' has "
              + item.images().size());
    }
  }

  @Override
  public void run(Prepared prepared) throws Exception {
    OnnxBatch batch = (OnnxBatch) prepared;
    RowGroups runs = batch.runs().get(0);
    batch.outputs().set(new float[][][] {onFreeDevice(session -> session.run(runs))});
  }

  @Override
  public float[][] finish(Prepared prepared) {
    return normalized(((OnnxBatch) prepared).outputs().get()[0]);
  }
}
