package org.mmeb.eval.encode.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.UserError;

/**
 * Checks a graph's input and output names and element types against its spec before the first
 * batch, so a wrong spec fails at start-up with what it expected and what the graph has (rather
 * than on the first batch, or after the GPU did the work).
 */
final class GraphContract {
  private static final Set<OnnxJavaType> ID_TYPES = Set.of(OnnxJavaType.INT64, OnnxJavaType.INT32);
  private static final Set<OnnxJavaType> FLOAT_TYPES =
      Set.of(OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16, OnnxJavaType.BFLOAT16);

  private GraphContract() {}

  /** The element types of the session's inputs, by name, once checked against the spec. */
  static Map<String, OnnxJavaType> check(Path file, GraphSpec spec, OrtSession session)
      throws OrtException {
    Map<String, OnnxJavaType> inputs = types(session.getInputInfo());
    Map<String, OnnxJavaType> outputs = types(session.getOutputInfo());
    check(file, spec, inputs.keySet(), outputs.keySet());
    Map<String, String> declared = declaredInputs(spec);
    for (Map.Entry<String, String> e : declared.entrySet()) {
      boolean pixels = e.getKey().equals("pixel_values");
      requireType(
          file,
          "input '" + e.getValue() + "' (the spec's " + e.getKey() + ")",
          inputs.get(e.getValue()),
          pixels ? FLOAT_TYPES : ID_TYPES);
    }
    requireType(file, "output '" + spec.output() + "'", outputs.get(spec.output()), FLOAT_TYPES);
    return inputs;
  }

  static void check(Path file, GraphSpec spec, Set<String> inputs, Set<String> outputs) {
    Map<String, String> declared = declaredInputs(spec);
    for (Map.Entry<String, String> e : declared.entrySet()) {
      if (!inputs.contains(e.getValue())) {
        throw new UserError(
            String.format(
                "%s: the spec's %s is '%s' but the graph's inputs are %s",
                file, e.getKey(), e.getValue(), inputs));
      }
    }
    for (String input : inputs) {
      if (!declared.containsValue(input)) {
        throw new UserError(
            String.format(
                "%s: the graph needs input '%s' that the spec does not name (the spec names %s;"
                    + " map it with input_ids, attention_mask, token_type_ids or pixel_values)",
                file, input, declared));
      }
    }
    if (!outputs.contains(spec.output())) {
      throw new UserError(
          String.format(
              "%s: the spec's output is '%s' but the graph's outputs are %s",
              file, spec.output(), outputs));
    }
  }

  private static void requireType(
      Path file, String what, OnnxJavaType found, Set<OnnxJavaType> allowed) {
    if (!allowed.contains(found)) {
      throw new UserError(
          String.format(
              "%s: %s is %s; expected %s",
              file,
              what,
              name(found),
              allowed == ID_TYPES ? "int64 or int32" : "float32, float16 or bfloat16"));
    }
  }

  private static String name(OnnxJavaType type) {
    return switch (type) {
      case FLOAT -> "float32";
      case DOUBLE -> "float64";
      case UNKNOWN -> "not a tensor of numbers";
      default -> type.name().toLowerCase(Locale.ROOT);
    };
  }

  private static Map<String, OnnxJavaType> types(Map<String, NodeInfo> infos) {
    Map<String, OnnxJavaType> types = new LinkedHashMap<>();
    infos.forEach(
        (name, info) ->
            types.put(
                name,
                info.getInfo() instanceof TensorInfo tensor ? tensor.type : OnnxJavaType.UNKNOWN));
    return types;
  }

  private static Map<String, String> declaredInputs(GraphSpec spec) {
    Map<String, String> declared = new LinkedHashMap<>();
    putIfSet(declared, "input_ids", spec.inputIds());
    putIfSet(declared, "attention_mask", spec.attentionMask());
    putIfSet(declared, "token_type_ids", spec.tokenTypeIds());
    putIfSet(declared, "pixel_values", spec.pixelValues());
    return declared;
  }

  private static void putIfSet(Map<String, String> map, String role, String name) {
    if (name != null) {
      map.put(role, name);
    }
  }
}
