package org.mmeb.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Collectors;

/**
 * JSON files people write by hand (task files, model specs, submission manifests): one strict
 * mapper that rejects unknown fields, nulls for numbers and missing fields, and a one-line
 * description of a problem that names the field.
 */
public final class JsonInput {
  public static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .build();

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
