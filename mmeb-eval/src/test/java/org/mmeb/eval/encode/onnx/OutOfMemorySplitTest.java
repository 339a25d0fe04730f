package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.UserError;
import org.mmeb.eval.encode.text.TextTokenizer;

/**
 * Out of device memory during a run: the batch is split and run again, the result is the same as
 * one run of the whole batch, and later batches stay below the size that failed. The errors are
 * injected in front of a real session with CUDA's own out-of-memory message.
 */
class OutOfMemorySplitTest {
  private static final Path TINY = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  private static final List<String> TEXTS =
      List.of(
          "a red circle",
          "blue square on green background",
          "what colour",
          "a",
          "green circle on a red background",
          "blue");

  private final StringWriter warnings = new StringWriter();
  private GraphSession session;
  private GraphInputs batch;

  @BeforeEach
  void open() {
    ModelSpec spec = ModelSpecs.read(TINY.resolve("dual.json"));
    SessionFactory factory =
        new SessionFactory(
            DevicePlan.CPU, DeviceSettings.DEFAULTS, new PrintWriter(warnings, true));
    session = GraphSession.open(factory, TINY.resolve("text.onnx"), spec.textGraph(), 0);
    try (TextTokenizer tokenizer =
        TextTokenizer.open(TINY.resolve("tokenizer.json"), spec.tokenizer())) {
      batch = GraphInputs.text(tokenizer.tokenize(TEXTS), 1);
    }
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @Test
  void anOutOfMemoryBatchIsSplitAndGivesTheSameVectors() throws Exception {
    float[][] whole = session.runOnce(batch);
    AtomicInteger runs = new AtomicInteger();
    OutOfMemorySplit split = new OutOfMemorySplit("text.onnx on cuda:0", writer());
    float[][] parts = split.run(batch, in -> failAbove(2, in, runs));
    assertSameVectors(parts, whole);
    assertThat(split.rowLimit()).isEqualTo(1);
    assertThat(warnings.toString().lines().toList())
        .containsExactly(
            "warning: text.onnx on cuda:0: out of GPU memory on a batch of 6 rows; running at most"
                + " 3 rows at once from now on");

    runs.set(0);
    assertSameVectors(split.run(batch, in -> failAbove(2, in, runs)), whole);
    assertThat(runs).as("later batches go straight to the size that worked").hasValue(6);
    assertThat(warnings.toString().lines()).hasSize(1);
  }

  @Test
  void oneRowThatDoesNotFitIsAnErrorNamingGraphAndDevice() {
    OutOfMemorySplit split = new OutOfMemorySplit("text.onnx on cuda:0", writer());
    assertThatThrownBy(() -> split.run(batch, in -> failAbove(0, in, new AtomicInteger())))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("text.onnx on cuda:0: out of GPU memory on a single item (")
        .hasMessageContaining("--gpu-mem-limit");
  }

  @Test
  void otherErrorsAreNotRetried() {
    OutOfMemorySplit split = new OutOfMemorySplit("text.onnx on cuda:0", writer());
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(
            () ->
                split.run(
                    batch,
                    in -> {
                      runs.incrementAndGet();
                      throw new OrtException(
                          OrtException.OrtErrorCode.ORT_INVALID_ARGUMENT, "Got invalid dimensions");
                    }))
        .isInstanceOf(OrtException.class);
    assertThat(runs).hasValue(1);
  }

  @Test
  void aRealRunFailureIsOneLineNamingGraphAndDevice() throws Exception {
    Path half = Path.of("mmeb-eval/src/test/resources/encode/half");
    ModelSpec spec = ModelSpecs.read(half.resolve("spec32.json"));
    SessionFactory factory = new SessionFactory(DevicePlan.CPU, DeviceSettings.DEFAULTS, writer());
    try (GraphSession vision =
        GraphSession.open(factory, half.resolve("vision32.onnx"), spec.visionGraph(), 0)) {
      GraphInputs wrongSize =
          GraphInputs.pixels(GraphInputs.directFloats(3 * 16 * 16), new long[] {1, 3, 16, 16});
      assertThatThrownBy(() -> vision.run(wrongSize))
          .isInstanceOf(UserError.class)
          .hasMessageStartingWith(
              half.resolve("vision32.onnx") + ": ONNX Runtime failed running the graph on cpu: ")
          .hasMessageContaining("pixel_values");
    }
  }

  private float[][] failAbove(int rows, GraphInputs in, AtomicInteger runs) throws OrtException {
    if (in.rows() > rows) {
      throw new OrtException(
          OrtException.OrtErrorCode.ORT_FAIL,
          "/onnxruntime_src/onnxruntime/core/framework/bfc_arena.cc:359 void*"
              + " onnxruntime::BFCArena::AllocateRawInternal(size_t, bool, onnxruntime::Stream*,"
              + " bool, onnxruntime::WaitNotificationFn) Failed to allocate memory for requested"
              + " buffer of size 1073741824");
    }
    runs.addAndGet(in.rows());
    return session.runOnce(in);
  }

  /** Equal up to float rounding: ONNX Runtime's matrix kernels block differently by batch size. */
  private static void assertSameVectors(float[][] actual, float[][] expected) {
    assertThat(actual.length).isEqualTo(expected.length);
    for (int r = 0; r < expected.length; r++) {
      assertThat(actual[r]).as("row %d", r).containsExactly(expected[r], Offset.offset(1e-6f));
    }
  }

  private PrintWriter writer() {
    return new PrintWriter(warnings, true);
  }
}
