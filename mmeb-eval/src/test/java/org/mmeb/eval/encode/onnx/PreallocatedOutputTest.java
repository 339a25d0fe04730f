package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pooled float32 outputs are written by ONNX Runtime into a buffer we allocate (the pre-allocated
 * output overload of {@code run}); other outputs are read back as before. The embeddings of both
 * paths are pinned by {@link TinyModelEncoderTest} and {@link HalfPrecisionGraphTest}.
 */
class PreallocatedOutputTest {
  private static final Path TINY = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  private static final Path HALF = Path.of("mmeb-eval/src/test/resources/encode/half");

  @Test
  void pooledFloatOutputsArePreallocatedOthersAreRead() throws Exception {
    assertThat(dim(TINY, "dual.json", "vision.onnx", true)).isEqualTo(16);
    assertThat(dim(TINY, "dual.json", "text.onnx", false)).isEqualTo(16);
    assertThat(dim(TINY, "vision-mean.json", "vision.onnx", true)).as("mean pooling").isEqualTo(-1);
    assertThat(dim(HALF, "spec16.json", "vision16.onnx", true)).as("float16").isEqualTo(-1);
  }

  private static int dim(Path dir, String specFile, String graph, boolean vision) throws Exception {
    ModelSpec spec = ModelSpecs.read(dir.resolve(specFile));
    SessionFactory factory =
        new SessionFactory(
            DevicePlan.CPU, DeviceSettings.DEFAULTS, new PrintWriter(new StringWriter()));
    try (GraphSession session =
        GraphSession.open(
            factory, dir.resolve(graph), vision ? spec.visionGraph() : spec.textGraph(), spec, 0)) {
      return session.preallocatedDim();
    }
  }
}
