package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.images.ImageStores;
import org.mmeb.eval.data.parquet.ParquetRow;
import org.mmeb.eval.data.parquet.ParquetTable;
import org.mmeb.eval.task.TaskSpec;

/**
 * MMEB-V2 image tasks ({@code ziyjiang/MMEB_Test_Instruct}): V1's columns plus {@code qry_inst} and
 * {@code tgt_inst}. Texts are composed per parser as the reference does ({@link V2ImagePrompts});
 * candidates are keyed by the reference's candidate name ({@link CandidateNames}); queries by their
 * content. Candidate 0 is the one positive.
 */
public final class MmebV2ImageReader implements TaskReader {
  @Override
  public TaskData read(TaskSpec spec, Path dataRoot, PromptProfile profile) throws IOException {
    Parser parser = Parser.of(spec);
    Path file = DataLocations.tableFile(spec, dataRoot);
    List<QueryRow> rows = new ArrayList<>();
    CandidateNumbering numbering = new CandidateNumbering();
    V2ImagePrompts prompts = new V2ImagePrompts(profile);
    ParquetTable.forEachRow(
        file, parser.columns, row -> rows.add(toQueryRow(spec, parser, row, prompts, numbering)));
    ImageStore images =
        ImageStores.open(
            DataLocations.imageLocation(spec, dataRoot), TaskReaders.imagePaths(rows)::contains);
    return TaskReaders.assemble(spec, rows, images);
  }

  enum Parser {
    CLASSIFICATION(List.of("qry_inst", "qry_text", "qry_img_path", "tgt_text")),
    QUESTION(List.of("qry_inst", "qry_text", "qry_img_path", "tgt_text")),
    TEXT_TO_IMAGE(List.of("qry_inst", "qry_text", "tgt_inst", "tgt_text", "tgt_img_path")),
    GROUNDING(
        List.of("qry_inst", "qry_text", "qry_img_path", "tgt_inst", "tgt_text", "tgt_img_path"));

    final List<String> columns;

    Parser(List<String> columns) {
      this.columns = columns;
    }

    static Parser of(TaskSpec spec) {
      String parser = spec.parser() == null ? "" : spec.parser().label();
      return switch (parser) {
        case "image_cls", "image_i2t" -> CLASSIFICATION;
        case "image_qa" -> QUESTION;
        case "image_t2i" -> TEXT_TO_IMAGE;
        case "image_i2i_vg" -> GROUNDING;
        default ->
            throw new UserError(
                spec.name()
                    + ": parser '"
                    + parser
                    + "' is not a V2 image parser (image_cls, image_i2t, image_qa, image_t2i,"
                    + " image_i2i_vg)");
      };
    }
  }

  /** The row, its candidates numbered while their keys were just built. */
  static QueryRow toQueryRow(
      TaskSpec spec,
      Parser parser,
      ParquetRow row,
      V2ImagePrompts prompts,
      CandidateNumbering numbering) {
    List<String> texts = row.stringList("tgt_text");
    if (texts.isEmpty()) {
      throw row.error("tgt_text", "empty candidate list (candidate 0 must be the positive)");
    }
    Item query = query(spec, parser, row, prompts);
    List<Item> candidates =
        switch (parser) {
          case CLASSIFICATION, QUESTION -> textCandidates(spec, row, texts);
          case TEXT_TO_IMAGE, GROUNDING -> imageCandidates(spec, parser, row, texts, prompts);
        };
    Map<String, Double> relevance = Map.of(candidates.get(0).key(), 1.0);
    return new QueryRow(row.row(), query, numbering.number(candidates), relevance);
  }

  private static Item query(TaskSpec spec, Parser parser, ParquetRow row, V2ImagePrompts prompts) {
    String inst = row.string("qry_inst");
    String text = row.string("qry_text");
    return switch (parser) {
      case CLASSIFICATION ->
          ItemKeys.byContent(prompts.classificationQuery(inst, text), row.string("qry_img_path"));
      case QUESTION, GROUNDING ->
          ItemKeys.byContent(prompts.questionQuery(inst, text), row.string("qry_img_path"));
      case TEXT_TO_IMAGE ->
          ItemKeys.byContent(
              prompts.textToImageQuery(inst, text, spec.name().equals("VisDial")), "");
    };
  }

  private static List<Item> textCandidates(TaskSpec spec, ParquetRow row, List<String> texts) {
    List<Item> candidates = new ArrayList<>(texts.size());
    for (String text : texts) {
      Item item = Item.textOnly("", text);
      candidates.add(Item.textOnly(CandidateNames.of(spec, row, text, "", item), text));
    }
    return candidates;
  }

  /** Candidate 0 must be there; captions, when they are used, pair with the images one to one. */
  private static void checkImageCandidates(
      ParquetRow row, List<String> captions, List<String> paths, boolean captionsUsed) {
    if (captionsUsed && captions.size() != paths.size()) {
      throw row.error(
          "tgt_text has " + captions.size() + " entries but tgt_img_path has " + paths.size());
    }
    if (paths.isEmpty()) {
      throw row.error("tgt_img_path", "empty candidate list (candidate 0 must be the positive)");
    }
  }

  private static List<Item> imageCandidates(
      TaskSpec spec, Parser parser, ParquetRow row, List<String> captions, V2ImagePrompts prompts) {
    String inst = row.string("tgt_inst");
    List<String> paths = row.stringList("tgt_img_path");
    boolean captioned = !PythonStrings.strip(captions.get(0)).isEmpty();
    checkImageCandidates(row, captions, paths, captioned || parser == Parser.GROUNDING);
    String bare = prompts.bareTarget(inst, parser == Parser.TEXT_TO_IMAGE);
    List<Item> candidates = new ArrayList<>(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      String caption = captioned || parser == Parser.GROUNDING ? captions.get(i) : "";
      String text = captioned ? prompts.captionedTarget(inst, caption) : bare;
      candidates.add(imageCandidate(spec, row, caption, text, paths.get(i)));
    }
    return candidates;
  }

  /** The candidate keyed as the reference names it (by caption and path). */
  private static Item imageCandidate(
      TaskSpec spec, ParquetRow row, String caption, String text, String path) {
    Item item = new Item("", text, List.of(path));
    String key = CandidateNames.of(spec, row, caption, path, item);
    return new Item(key, text, item.images());
  }
}
