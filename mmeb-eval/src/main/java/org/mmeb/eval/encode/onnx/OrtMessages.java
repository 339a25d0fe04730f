package org.mmeb.eval.encode.onnx;

import java.util.Locale;

/** Turns ONNX Runtime's error messages into the short reasons our one-line messages carry. */
final class OrtMessages {
  private OrtMessages() {}

  /**
   * The first line of the message without ONNX Runtime's source location and status prefix, with a
   * hint for the causes a user can fix.
   */
  static String reason(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.strip().lines().findFirst().orElse(message);
    String text =
        line.replaceFirst("^Error code - \\w+ - message: ", "")
            .replaceFirst("^.*\\[ONNXRuntimeError\\] : \\d+ : \\w+ : ", "")
            .strip();
    return text + hint(text.toLowerCase(Locale.ROOT));
  }

  /** Whether an error raised by a run means the device ran out of memory. */
  static boolean isOutOfMemory(Throwable e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("out of memory")
        || m.contains("failed to allocate memory")
        || m.contains("bfcarena")
        || m.contains("alloc_failed");
  }

  private static String hint(String text) {
    if (text.contains("failed to load") || text.contains("cannot open shared object")) {
      return "; onnxruntime_gpu 1.23.2 needs the NVIDIA driver, CUDA 12 and cuDNN 9";
    }
    if (text.contains("no cuda-capable device")) {
      return "; no GPU is visible: check CUDA_VISIBLE_DEVICES and nvidia-smi";
    }
    if (text.contains("invalid device ordinal")) {
      return "; no GPU with that number: nvidia-smi -L lists them";
    }
    if (text.contains("driver")) {
      return "; install or update the NVIDIA driver (CUDA 12 needs 525 or newer)";
    }
    return "";
  }
}
