package org.mmeb.eval;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Every configured Jackson mapper of the harness, in the lowest package so that any package may use
 * it. A mapper is thread-safe once built: share these, never reconfigure them.
 */
public final class Json {
  /**
   * Jackson's defaults (unknown fields rejected, compact output): JSON that programs write, such as
   * HTTP bodies, trace lines, published tables, key lists and bundled resources.
   */
  public static final ObjectMapper PLAIN = JsonMapper.builder().build();

  /**
   * Files people write by hand (task files): unknown fields, nulls for numbers and missing fields
   * are rejected, so a typo fails when the file is read. Pair with {@link JsonInput#problem}.
   */
  public static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .build();

  /** As {@link #STRICT}, but a missing field takes its default (model specs' optional fields). */
  public static final ObjectMapper STRICT_ALLOW_MISSING =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /**
   * Result files (VLM2Vec score and report files): NaN reads as a number; write with {@link
   * #RESULT_WRITER}.
   */
  public static final ObjectMapper RESULT =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  /** Result files as written: two-space indent, "\n" line ends, one array element per line. */
  public static final ObjectWriter RESULT_WRITER =
      RESULT.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** {@code run.json}: snake_case field names, pretty output, NaN reads as a number. */
  public static final ObjectMapper RUN_RECORD =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  /**
   * Pretty, with arrays kept on one line and "\n" line ends (the leaderboard, a submission's
   * manifest).
   */
  public static final ObjectWriter PRETTY_INLINE_ARRAYS =
      PLAIN.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private Json() {}
}
