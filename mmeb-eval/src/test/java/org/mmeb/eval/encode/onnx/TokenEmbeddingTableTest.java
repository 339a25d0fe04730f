package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.encode.text.TokenizerVocabulary;

/**
 * The token embedding table read from real graphs: torch exports (ids gathered directly, or
 * reshaped first as CLIP's text tower does), a hand-built graph that casts the ids first, the real
 * all-MiniLM-L6-v2, and graphs whose ids feed no table. The expected sizes are the initializers'
 * shapes as the onnx Python package reads them.
 */
class TokenEmbeddingTableTest {
  private static final Path ENCODE = Path.of("mmeb-eval/src/test/resources/encode");

  @Test
  void aTorchExportGathersItsIdsFromTheEmbeddingWeight() {
    assertThat(TokenEmbeddingTable.of(ENCODE.resolve("tiny/text.onnx"), "input_ids"))
        .contains(new TokenEmbeddingTable("embed.weight", 20));
    assertThat(TokenEmbeddingTable.of(ENCODE.resolve("tiny/single.onnx"), "input_ids"))
        .contains(new TokenEmbeddingTable("text.embed.weight", 20));
    assertThat(TokenEmbeddingTable.of(Path.of("models/demo/text.onnx"), "input_ids"))
        .contains(new TokenEmbeddingTable("embed.weight", 69));
  }

  @Test
  void idsCastBeforeTheGatherStillFindTheTable() {
    assertThat(TokenEmbeddingTable.of(ENCODE.resolve("half/text16.onnx"), "input_ids"))
        .contains(new TokenEmbeddingTable("E", 10));
  }

  /** Written by scripts/make_reshaped_ids_fixture.py: input_ids -> Reshape -> Gather. */
  @Test
  void idsReshapedBeforeTheGatherAsInClipsTextTowerStillFindTheTable() {
    assertThat(TokenEmbeddingTable.of(ENCODE.resolve("reshaped-ids/text.onnx"), "input_ids"))
        .contains(new TokenEmbeddingTable("token_embedding.weight", 49));
  }

  @Test
  void theRealMiniLmHasOneRowPerWordPieceToken() throws Exception {
    Path spec = MiniLmModel.spec();
    assertThat(TokenEmbeddingTable.of(spec.resolveSibling("all-minilm-l6-v2.onnx"), "input_ids"))
        .hasValueSatisfying(table -> assertThat(table.rows()).isEqualTo(30522));
    assertThat(
            TokenizerVocabulary.largestId(spec.resolveSibling("all-minilm-l6-v2-tokenizer.json")))
        .hasValue(30521);
  }

  @Test
  void idsThatFeedNoGatherOrAnotherInputNameHaveNoTable() {
    assertThat(
            TokenEmbeddingTable.of(
                ENCODE.resolve("baseline-templates/clip/text.onnx"), "input_ids"))
        .isEmpty();
    assertThat(TokenEmbeddingTable.of(ENCODE.resolve("tiny/text.onnx"), "attention_mask"))
        .isEmpty();
    assertThat(TokenEmbeddingTable.of(ENCODE.resolve("tiny/vision.onnx"), "input_ids")).isEmpty();
  }

  @Test
  void aFileThatIsNotAModelHasNoTable(@TempDir Path dir) throws Exception {
    Path garbage = Files.write(dir.resolve("text.onnx"), new byte[] {0x3a, (byte) 0xff, 0x01});
    assertThat(TokenEmbeddingTable.of(garbage, "input_ids")).isEmpty();
    assertThat(TokenEmbeddingTable.of(ENCODE.resolve("tiny/tokenizer.json"), "input_ids"))
        .isEmpty();
  }

  @Test
  void theTokenizersLargestIdCountsItsAddedTokens() {
    assertThat(TokenizerVocabulary.largestId(ENCODE.resolve("tiny/tokenizer.json"))).hasValue(19);
    assertThat(TokenizerVocabulary.largestId(ENCODE.resolve("tiny/text.onnx"))).isEmpty();
  }
}
