package org.mmeb.eval;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/**
 * JSON files people write by hand (task files, model specs, submission manifests), read with {@link
 * Json#STRICT} or a sibling: a one-line description of a problem that names the field.
 */
public final class JsonInput {
  private JsonInput() {}

  /** {@code field 'a.b': <what Jackson found>}, or the message's first line when no field. */
  public static String problem(Exception e) {
    String message = e instanceof JsonMappingException m ? m.getOriginalMessage() : e.getMessage();
    String first = message == null ? e.toString() : message.lines().findFirst().orElse("");
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      return "field '" + field.replace(".[", "[") + "': " + first;
    }
    return first;
  }
}
