package org.mmeb.eval.encode.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The largest token id a Hugging Face {@code tokenizer.json} can produce: over its model's {@code
 * vocab} (a map of token to id, or Unigram's list whose index is the id) and its {@code
 * added_tokens}. Read as a stream: a tokenizer file can hold hundreds of thousands of tokens.
 */
public final class TokenizerVocabulary {
  private static final JsonFactory JSON = new JsonFactory();

  private TokenizerVocabulary() {}

  /** Empty when the file is not a tokenizer.json this reads (the tokenizer loader says why). */
  public static OptionalLong largestId(Path file) {
    try (JsonParser json = JSON.createParser(file.toFile())) {
      return json.nextToken() == JsonToken.START_OBJECT
          ? OptionalLong.of(largestInFile(json))
          : OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  private static long largestInFile(JsonParser json) throws IOException {
    long largest = -1;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      if (field.equals("model")) {
        largest = Math.max(largest, largestInModel(json));
      } else if (field.equals("added_tokens") && json.currentToken() == JsonToken.START_ARRAY) {
        largest = Math.max(largest, largestAddedToken(json));
      } else {
        json.skipChildren();
      }
    }
    return largest;
  }

  private static long largestInModel(JsonParser json) throws IOException {
    long largest = -1;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("vocab") && value == JsonToken.START_OBJECT) {
        largest = Math.max(largest, largestValue(json));
      } else if (field.equals("vocab") && value == JsonToken.START_ARRAY) {
        largest = Math.max(largest, countEntries(json) - 1);
      } else {
        json.skipChildren();
      }
    }
    return largest;
  }

  /** The largest number among an object's values (a vocab: token to id). */
  private static long largestValue(JsonParser json) throws IOException {
    long largest = -1;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      if (json.nextToken() == JsonToken.VALUE_NUMBER_INT) {
        largest = Math.max(largest, json.getLongValue());
      }
      json.skipChildren();
    }
    return largest;
  }

  private static long countEntries(JsonParser json) throws IOException {
    long count = 0;
    while (json.nextToken() != JsonToken.END_ARRAY) {
      json.skipChildren();
      count++;
    }
    return count;
  }

  private static long largestAddedToken(JsonParser json) throws IOException {
    long largest = -1;
    while (json.nextToken() == JsonToken.START_OBJECT) {
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        boolean id = json.currentName().equals("id");
        if (json.nextToken() == JsonToken.VALUE_NUMBER_INT && id) {
          largest = Math.max(largest, json.getLongValue());
        }
        json.skipChildren();
      }
    }
    return largest;
  }
}
