package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.encode.Encoder;

/**
 * CPU sessions on one intra-op thread, on two, and on ONNX Runtime's default give the same vectors
 * bit for bit, so the thread count ({@code --intra-op-threads}, by default cores - workers) is a
 * speed setting only and vectors cached under one setting stay valid under another.
 */
class IntraOpThreadsTest {
  private static final Path TINY = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  private static final String[] IMAGES = {
    "images/exact.png", "images/wide.png", "images/tall.png", "images/frame1.png"
  };

  @ParameterizedTest
  @ValueSource(strings = {"dual.json", "single.json", "models/demo/spec.json", "minilm"})
  void vectorsDoNotDependOnTheThreadCount(String spec) throws Exception {
    Path file =
        spec.equals("minilm")
            ? MiniLmModel.spec()
            : spec.startsWith("models/") ? Path.of(spec) : TINY.resolve(spec);
    List<Item> items = items(!spec.equals("minilm"));
    float[][] one = encode(file, items, 1);
    assertThat(encode(file, items, 2)).isDeepEqualTo(one);
    assertThat(encode(file, items, DeviceSettings.ALL_CORES)).isDeepEqualTo(one);
  }

  /** A batch large enough for ONNX Runtime to split its operators over threads. */
  private static List<Item> items(boolean withImages) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      String text = "item " + i + " a red circle next to a blue square".repeat(1 + i % 3);
      List<String> images = withImages && i % 4 != 0 ? List.of(IMAGES[i % 4]) : List.of();
      items.add(new Item("k" + i, images.isEmpty() || i % 2 == 0 ? text : "", images));
    }
    return items;
  }

  private static float[][] encode(Path spec, List<Item> items, int threads) throws Exception {
    DeviceSettings settings = DeviceSettings.DEFAULTS.withIntraOpThreads(threads);
    try (Encoder model =
        OnnxEncoders.open(spec, "cpu", settings, new PrintWriter(new StringWriter()))) {
      return model.encode(items, new FolderImageStore(TINY));
    }
  }
}
