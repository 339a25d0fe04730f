package org.mmeb.eval.encode.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.Json;

/**
 * The baseline tokenizer rules on a CLIP-shaped word-level tokenizer (start and end-of-text tokens
 * added around every text, end-of-text doubling as the pad id, as OpenAI CLIP's). Expected ids and
 * masks are hand-checked against VLM2Vec's collator: {@code pad_sequence(ids, padding_value=pad)}
 * then {@code input_ids.ne(pad)}.
 */
class TokenizerRulesTest {
  static final long BOS = 7;
  static final long EOS = 8;
  @TempDir static Path dir;

  @BeforeAll
  static void writeClipShapedTokenizer() throws Exception {
    Map<String, Object> vocab =
        Map.of(
            "[UNK]",
            0,
            "a",
            1,
            "red",
            2,
            "circle",
            3,
            "image1",
            4,
            "represent",
            5,
            "<s>",
            7,
            "</s>",
            8);
    ObjectNode json = Json.PLAIN.createObjectNode();
    json.put("version", "1.0");
    json.putArray("added_tokens").add(special("<s>", BOS)).add(special("</s>", EOS));
    json.putObject("pre_tokenizer").put("type", "Whitespace");
    ObjectNode post = json.putObject("post_processor").put("type", "BertProcessing");
    post.putArray("sep").add("</s>").add(EOS);
    post.putArray("cls").add("<s>").add(BOS);
    json.putObject("model")
        .put("type", "WordLevel")
        .put("unk_token", "[UNK]")
        .set("vocab", Json.PLAIN.valueToTree(vocab));
    Json.PLAIN.writeValue(dir.resolve("tokenizer.json").toFile(), json);
  }

  @Test
  void notPadMasksTheEndOfTextTokenWhenItIsThePadId() {
    TokenBatch b = tokenize(spec(null, TokenizerSpec.MaskRule.NOT_PAD), List.of("red circle", ""));
    assertThat(b.length()).isEqualTo(4);
    assertThat(b.ids()).containsExactly(BOS, 2, 3, EOS, BOS, EOS, EOS, EOS);
    assertThat(b.mask()).containsExactly(1, 1, 1, 0, 1, 0, 0, 0);
  }

  @Test
  void realTokensKeepsTheEndOfTextTokenVisible() {
    TokenBatch b = tokenize(spec(null, null), List.of("red circle", ""));
    assertThat(b.ids()).containsExactly(BOS, 2, 3, EOS, BOS, EOS, EOS, EOS);
    assertThat(b.mask()).containsExactly(1, 1, 1, 1, 1, 1, 0, 0);
  }

  @Test
  void theNormalizerRunsBeforeTheVocabularySeesTheText() {
    TokenizerSpec siglip = spec(TextNormalizer.SIGLIP, TokenizerSpec.MaskRule.NOT_PAD);
    TokenBatch b = tokenize(siglip, List.of("<|image_1|>\nRepresent a RED circle.", "A"));
    assertThat(b.ids()).containsExactly(BOS, 4, 5, 1, 2, 3, EOS, BOS, 1, EOS, EOS, EOS, EOS, EOS);
    assertThat(b.mask()).containsExactly(1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0);
    TokenBatch raw = tokenize(spec(null, null), List.of("<|image_1|>\nRepresent a RED circle."));
    assertThat(raw.ids()).contains(0L); // [UNK]: the placeholder and capitals are unknown words
  }

  private static TokenizerSpec spec(TextNormalizer normalizer, TokenizerSpec.MaskRule mask) {
    return new TokenizerSpec(
        "tokenizer.json",
        77,
        EOS,
        TokenizerSpec.Side.RIGHT,
        TokenizerSpec.PadTo.LONGEST,
        mask,
        normalizer);
  }

  private static TokenBatch tokenize(TokenizerSpec spec, List<String> texts) {
    try (TextTokenizer tokenizer = TextTokenizer.open(dir.resolve("tokenizer.json"), spec)) {
      return tokenizer.tokenize(texts);
    }
  }

  private static ObjectNode special(String content, long id) {
    return Json.PLAIN
        .createObjectNode()
        .put("id", id)
        .put("content", content)
        .put("single_word", false)
        .put("lstrip", false)
        .put("rstrip", false)
        .put("normalized", false)
        .put("special", true);
  }
}
