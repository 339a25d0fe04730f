package org.mmeb.eval.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.data.table.TableRow;

/**
 * Query rows of the video QA parsers (nextqa, egoschema, videomme, activitynetqa, mvbench in
 * src/data/eval_dataset/): the video with a prompt, the question and its options ranks the options.
 * Texts follow the reference exactly: {@code process_query} ({@code token + " " + prompt + " " +
 * query}, the prompt ending in a space) and {@code qa_template} ({@code "\nOptions:\n(A) ..."},
 * right-stripped). Where the reference encodes an option without its letter, the item's key stays
 * the lettered option (its candidate name).
 */
final class VideoQaRows {
  static final String PROMPT =
      "Given a video and a question, select the most accurate answer from the provided candidates."
          + " Return only the exact text of your chosen answer. Question: ";
  private static final List<String> LETTERS = List.of("A", "B", "C", "D");
  private static final List<String> YES_NO = List.of("yes", "no");

  private final FrameFolders frames;
  private final PromptProfile profile;

  VideoQaRows(FrameFolders frames, PromptProfile profile) {
    this.frames = frames;
    this.profile = profile;
  }

  static final List<String> NEXTQA =
      List.of("video", "question", "answer", "a0", "a1", "a2", "a3", "a4");

  QueryRow nextqa(TableRow row) {
    List<String> options = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      options.add(row.string("a" + i));
    }
    int answer = index(row, "answer", options.size());
    String query = qaTemplate(processQuery(row.string("question")), options);
    return row(row, row.id("video"), query, options, options, options.get(answer));
  }

  static final List<String> EGOSCHEMA = List.of("video_idx", "question", "answer", "option");

  QueryRow egoschema(TableRow row) {
    List<String> options = row.stringList("option");
    int answer = index(row, "answer", options.size());
    String query = processQuery(row.string("question") + String.join(" ", options));
    return row(
        row, row.id("video_idx"), query, options, withoutLetters(options), options.get(answer));
  }

  static final List<String> VIDEOMME = List.of("question", "videoID", "options", "answer");

  QueryRow videomme(TableRow row) {
    List<String> options = row.stringList("options");
    int answer = LETTERS.indexOf(row.string("answer"));
    if (answer < 0 || answer >= options.size()) {
      throw row.error(
          "answer", "expected one of A-D within the options, found '" + row.string("answer") + "'");
    }
    String query = processQuery(row.string("question") + "\n" + String.join("\n", options));
    return row(
        row, row.id("videoID"), query, options, withoutLetters(options), options.get(answer));
  }

  static final List<String> ACTIVITYNETQA = List.of("video_name", "question", "answer");

  QueryRow activitynetqa(TableRow row) {
    String answer = row.string("answer");
    if (!YES_NO.contains(answer)) {
      throw row.error("answer", "expected yes or no, found '" + answer + "'");
    }
    String query = processQuery(row.string("question") + "? (A) yes; (B) no.");
    return row(row, "v_" + row.id("video_name"), query, YES_NO, YES_NO, answer);
  }

  static final List<String> MVBENCH =
      List.of("subset", "question", "video", "candidates", "answer");

  QueryRow mvbench(TableRow row) {
    List<String> raw = row.stringList("candidates");
    String answer = row.string("answer");
    int answerIndex = raw.lastIndexOf(answer);
    if (answerIndex < 0) {
      throw row.error("answer", "'" + answer + "' is not among the candidates");
    }
    List<String> lettered = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      lettered.add("(" + (char) ('A' + i) + ") " + raw.get(i));
    }
    String query = qaTemplate(processQuery(row.string("question")), raw);
    String video = row.string("subset") + "/" + row.string("video");
    return row(row, video, query, lettered, lettered, lettered.get(answerIndex));
  }

  private QueryRow row(
      TableRow row,
      String videoDir,
      String query,
      List<String> names,
      List<String> texts,
      String positive) {
    Item video = ItemKeys.byContent(query, frames.sample(row, videoDir));
    List<Item> candidates = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      candidates.add(Item.textOnly(names.get(i), texts.get(i)));
    }
    return new QueryRow(row.row(), video, candidates, Map.of(positive, 1.0));
  }

  /** process_query with {@code VLM_VIDEO_TOKENS[backbone]} (GME's too: no special case here). */
  String processQuery(String query) {
    return profile.video() + " " + PROMPT + " " + query;
  }

  /** qa_template: the question, "Options:" and one "(A) option" line each, right-stripped. */
  static String qaTemplate(String question, List<String> options) {
    StringBuilder text = new StringBuilder(question).append("\nOptions:\n");
    for (int i = 0; i < options.size(); i++) {
      text.append('(').append((char) ('A' + i)).append(") ").append(options.get(i)).append('\n');
    }
    return PythonStrings.rstrip(text.toString());
  }

  /** {@code o[o.find('. '):].strip('. ')}: "A. text" → "text" (find's -1 keeps the last char). */
  static List<String> withoutLetters(List<String> options) {
    List<String> texts = new ArrayList<>();
    for (String option : options) {
      int at = option.indexOf(". ");
      String tail =
          at < 0 ? option.substring(Math.max(0, option.length() - 1)) : option.substring(at);
      texts.add(PythonStrings.strip(tail, ". "));
    }
    return texts;
  }

  private static int index(TableRow row, String column, int size) {
    String value = row.id(column);
    try {
      int index = Integer.parseInt(PythonStrings.strip(value));
      if (index >= 0 && index < size) {
        return index;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw row.error(column, "expected an option index 0-" + (size - 1) + ", found '" + value + "'");
  }
}
