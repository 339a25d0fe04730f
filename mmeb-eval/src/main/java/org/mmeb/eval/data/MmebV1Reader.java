package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.data.images.ImageStores;
import org.mmeb.eval.data.parquet.ParquetRow;
import org.mmeb.eval.data.parquet.ParquetTable;
import org.mmeb.eval.task.TaskSpec;

/**
 * MMEB-V1 ({@code TIGER-Lab/MMEB-eval}): one parquet per dataset with {@code qry_text}, {@code
 * qry_img_path} ("" = no image), {@code tgt_text[]} and {@code tgt_img_path[]}. Texts are used as
 * they are (instruction and {@code <|image_1|>} included); items are keyed by their (text, image)
 * pair; candidate 0 is the one positive.
 */
public final class MmebV1Reader implements TaskReader {
  static final List<String> COLUMNS =
      List.of("qry_text", "qry_img_path", "tgt_text", "tgt_img_path");

  @Override
  public TaskData read(TaskSpec spec, Path dataRoot, PromptProfile profile) throws IOException {
    Path file = DataLocations.tableFile(spec, dataRoot);
    List<QueryRow> rows = new ArrayList<>();
    CandidateNumbering numbering = new CandidateNumbering();
    ParquetTable.forEachRow(file, COLUMNS, row -> rows.add(toQueryRow(row, numbering)));
    ImageStore images =
        ImageStores.open(
            DataLocations.imageLocation(spec, dataRoot), TaskReaders.imagePaths(rows)::contains);
    return TaskReaders.assemble(spec, rows, images);
  }

  /** The row, its candidates numbered while their keys were just built. */
  static QueryRow toQueryRow(ParquetRow row, CandidateNumbering numbering) {
    Item query = ItemKeys.byContent(row.string("qry_text"), row.string("qry_img_path"));
    List<String> texts = row.stringList("tgt_text");
    List<String> paths = row.stringList("tgt_img_path");
    if (texts.size() != paths.size()) {
      throw row.error(
          "tgt_text has " + texts.size() + " entries but tgt_img_path has " + paths.size());
    }
    if (texts.isEmpty()) {
      throw row.error("tgt_text", "empty candidate list (candidate 0 must be the positive)");
    }
    List<Item> candidates = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      candidates.add(ItemKeys.byContent(texts.get(i), paths.get(i)));
    }
    Map<String, Double> relevance = Map.of(candidates.get(0).key(), 1.0);
    return new QueryRow(row.row(), query, numbering.number(candidates), relevance);
  }
}
