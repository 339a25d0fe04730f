package org.mmeb.eval.encode.onnx;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.UserError;
import org.mmeb.eval.encode.StagedEncoder;

/** Opens an ONNX embedding model from its spec file. */
public final class OnnxEncoders {
  private OnnxEncoders() {}

  /**
   * Opens the model on {@code device} ({@code cpu}, {@code cuda:0}, {@code cuda:0,1}, {@code
   * tensorrt:0}); if the GPU provider cannot load, one warning line goes to stderr and the model
   * runs on CPU ({@link StagedEncoder#device()} says where it really runs).
   */
  public static StagedEncoder open(Path specFile, String device) {
    return open(specFile, device, new PrintWriter(System.err, true));
  }

  /** As {@link #open(Path, String)}, with the CPU-fallback warning written to {@code warnings}. */
  public static StagedEncoder open(Path specFile, String device, PrintWriter warnings) {
    return open(specFile, device, DeviceSettings.DEFAULTS, warnings);
  }

  /** As {@link #open(Path, String, PrintWriter)}, with GPU memory and cuDNN settings. */
  public static StagedEncoder open(
      Path specFile, String device, DeviceSettings settings, PrintWriter warnings) {
    ModelSpec spec = ModelSpecs.read(specFile);
    Path dir = specFile.toAbsolutePath().getParent();
    String fingerprint = ModelFingerprint.of(spec, modelFiles(spec, dir));
    TokenIdBounds.check(specFile, spec, dir);
    SessionFactory factory = SessionFactory.forDevice(device, settings, warnings);
    boolean gpu = factory.plan().provider() != DevicePlan.Provider.CPU;
    ModelInputs inputs = new ModelInputs(spec, dir, gpu ? settings.tokenMultiple() : 1);
    try {
      return withSessions(inputs, factory, fingerprint);
    } catch (RuntimeException e) {
      inputs.close();
      throw e;
    }
  }

  private static StagedEncoder withSessions(
      ModelInputs inputs, SessionFactory factory, String fingerprint) {
    return inputs.spec().architecture() == ModelSpec.Architecture.DUAL
        ? new DualTowerEncoder(inputs, factory, fingerprint)
        : new SingleGraphEncoder(inputs, factory, fingerprint);
  }

  private static List<Path> modelFiles(ModelSpec spec, Path dir) {
    List<Path> files = new ArrayList<>();
    for (GraphSpec graph : new GraphSpec[] {spec.textGraph(), spec.visionGraph(), spec.graph()}) {
      if (graph != null) {
        files.add(existing(dir.resolve(graph.file())));
      }
    }
    if (spec.tokenizer() != null) {
      files.add(existing(dir.resolve(spec.tokenizer().file())));
    }
    return files;
  }

  private static Path existing(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": model file named by the spec not found");
    }
    return file;
  }
}
