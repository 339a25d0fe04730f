package org.mmeb.eval.encode.onnx;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.UserError;

/**
 * Checks a graph's input and output names against its spec before the first batch, so a wrong spec
 * fails at start-up with the names it expected and the names the graph has.
 */
final class GraphContract {
  private GraphContract() {}

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
