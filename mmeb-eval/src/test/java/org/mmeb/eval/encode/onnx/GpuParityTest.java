package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.encode.StagedEncoder;

/**
 * GPU only (skipped without /dev/nvidia0; scripts/gpu-acceptance.sh runs it on a GPU machine): the
 * same items on CUDA (or TensorRT) and on CPU give the same embeddings, compared by cosine (TF32
 * and other kernels round differently, so not to 1e-4 absolute), with no fallback line.
 */
class GpuParityTest {
  private static final Path TINY = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  private static final FolderImageStore IMAGES = new FolderImageStore(TINY.resolve("images"));
  private static final List<Item> ITEMS =
      List.of(
          Item.textOnly("text", "a red circle on a blue background"),
          Item.textOnly("short", "green"),
          new Item("image", "", List.of("wide.png")),
          new Item("both", "what colour", List.of("tall.png")),
          new Item("exact", "", List.of("exact.png")));

  @BeforeAll
  static void needsAGpu() {
    Assumptions.assumeTrue(
        Files.exists(Path.of("/dev/nvidia0")),
        "no GPU here (/dev/nvidia0 absent): run scripts/gpu-acceptance.sh on a GPU machine");
  }

  @ParameterizedTest
  @CsvSource({
    "encode/tiny/dual.json, cuda:0",
    "encode/tiny/single.json, cuda:0",
    "encode/half/spec16.json, cuda:0",
    "encode/half/specbf16.json, cuda:0",
    "encode/tiny/dual.json, tensorrt:0"
  })
  void gpuEmbeddingsMatchCpuByCosine(String spec, String device) throws Exception {
    Path file = Path.of("mmeb-eval/src/test/resources").resolve(spec);
    float[][] cpu = encode(file, "cpu", new StringWriter());
    StringWriter warnings = new StringWriter();
    float[][] gpu = encode(file, device, warnings);
    if (device.startsWith("tensorrt")) {
      Assumptions.assumeTrue(
          warnings.toString().isEmpty(), "TensorRT not installed: " + warnings.toString().strip());
    }
    assertThat(warnings.toString()).as("no fallback").isEmpty();
    for (int i = 0; i < cpu.length; i++) {
      assertThat(cosine(gpu[i], cpu[i])).as("%s %s", spec, i).isGreaterThan(0.9999);
    }
  }

  private static float[][] encode(Path spec, String device, StringWriter warnings)
      throws Exception {
    List<Item> items =
        spec.toString().contains("single")
            ? ITEMS.stream().filter(i -> i.images().size() <= 1).toList()
            : ITEMS;
    try (StagedEncoder encoder =
        OnnxEncoders.open(spec, device, DeviceSettings.DEFAULTS, new PrintWriter(warnings, true))) {
      return encoder.encode(items, IMAGES);
    }
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
