package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

/**
 * Every profile's texts against goldens computed by the reference's own process_input_text and
 * token tables (scripts/prompt_profile_goldens.py runs them out of processor.py); null goldens are
 * places where the reference fails (Phi-3-V has no video token), where we must fail too.
 */
class PromptProfileGoldenTest {
  private static final JsonNode GOLDENS = goldens();

  @TempDir Path dir;

  private static JsonNode goldens() {
    try (InputStream in =
        PromptProfileGoldenTest.class.getResourceAsStream("prompt-profile-goldens.json")) {
      return Json.PLAIN.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Iterable<String> profiles() {
    return GOLDENS::fieldNames;
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void textsAreTheReferencesForTheBackbone(String name) throws IOException {
    PromptProfile profile = PromptProfile.named(name);
    JsonNode golden = GOLDENS.get(name);
    V2ImagePrompts prompts = new V2ImagePrompts(profile);
    Map<String, Supplier<String>> ours =
        Map.of(
            "visdoc_page",
                () -> prompts.processInputText(BeirVisdocReader.TARGET_INSTRUCTION, "", true),
            "visdoc_query",
                () ->
                    prompts.processInputText(
                        BeirVisdocReader.QUERY_INSTRUCTION, "what is shown?", false),
            "image_cls_query",
                () ->
                    prompts.classificationQuery(
                        "<|image_1|> Represent the given image for classification\n", ""),
            "image_qa_query",
                () ->
                    prompts.questionQuery(
                        "<|image_1|> Represent the given image with the following question: ",
                        "What is it?"),
            "video_cls_query",
                () ->
                    videoQuery(
                        profile,
                        "video_classification",
                        "{\"video_id\": \"v\", \"pos_text\": \"tea\"}",
                        "<video_token> Recognize the breakfast type that the person is cooking in the video. ",
                        false),
            "video_ret_query",
                () ->
                    videoQuery(
                        profile,
                        "msrvtt",
                        "{\"video_id\": \"v\", \"caption\": \"a dog runs\"}",
                        "Find a video that contains the following visual content: <caption>",
                        false),
            "video_ret_target",
                () ->
                    videoQuery(
                        profile,
                        "msrvtt",
                        "{\"video_id\": \"v\", \"caption\": \"a dog runs\"}",
                        "Find a video that contains the following visual content: <caption>",
                        true),
            "moment_query_empty",
                () ->
                    videoQuery(
                        profile,
                        "moment_retrieval",
                        "{\"query\": \"\", \"video_path\": \"x/v.mp4\"}",
                        "<video_token> Find the clip that corresponds to the described scene in the given video: <query>",
                        false),
            "video_qa_query", () -> new VideoQaRows(null, profile).processQuery("why?"));
    assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(() -> golden.fieldNames());
    for (var site : ours.entrySet()) {
      JsonNode expected = golden.get(site.getKey());
      if (expected.isNull()) {
        assertThatThrownBy(() -> site.getValue().get())
            .as(name + " " + site.getKey())
            .isInstanceOf(UserError.class)
            .hasMessageContaining("no video token");
      } else {
        assertThat(site.getValue().get())
            .as(name + " " + site.getKey())
            .isEqualTo(expected.textValue());
      }
    }
  }

  /** The query (or the first candidate's) text a video reader composes from one JSONL row. */
  private String videoQuery(
      PromptProfile profile, String parser, String row, String instruction, boolean candidate) {
    try {
      Path folder = Files.createDirectories(dir.resolve("frames/v/positive_1"));
      Files.write(folder.resolve("1.jpg"), new byte[] {1});
      Files.createDirectories(dir.resolve("frames/v/query"));
      Files.write(dir.resolve("frames/v/query/1.jpg"), new byte[] {1});
      Files.write(dir.resolve("frames/v/1.jpg"), new byte[] {1});
      Files.writeString(dir.resolve("t.jsonl"), row + "\n");
      EvalType type = parser.equals("moment_retrieval") ? EvalType.LOCAL : EvalType.GLOBAL;
      TaskSpec spec =
          TestSpecs.spec(
              "P",
              Layout.VIDEO_FRAMES,
              parser,
              type,
              DedupeKey.TARGET_TEXT,
              "t.jsonl",
              "frames",
              instruction);
      TaskData data = TaskReaders.read(spec, dir, profile);
      return candidate ? data.globalCandidates().get(0).text() : data.rows().get(0).query().text();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void theDefaultProfileIsUntouchedByNamingOne(String name) {
    assertThat(PromptProfile.named(null)).isEqualTo(PromptProfile.MMEB);
    assertThat(PromptProfile.names()).contains(name);
  }
}
