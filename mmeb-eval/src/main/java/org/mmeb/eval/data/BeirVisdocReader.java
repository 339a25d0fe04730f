package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.images.EmbeddedImageStore;
import org.mmeb.eval.data.parquet.ParquetRow;
import org.mmeb.eval.data.parquet.ParquetTable;
import org.mmeb.eval.task.TaskSpec;

/**
 * BEIR-style visual document retrieval (ViDoRe, VisRAG, ViDoSeek, MMLongBench): {@code queries}
 * (query-id, query), {@code corpus} (corpus-id, image with the page's bytes) and {@code qrels}
 * (query-id, corpus-id, score). Qrels with score &gt; 0 are kept, the maximum over duplicates is
 * the grade (load_qrels_mapping in the reference). Every query ranks the whole corpus, in corpus
 * order (the reference lists each query's positives first, which only matters under ties: corpus
 * order keeps a constant scorer from ranking positives first). Page images are held in memory.
 */
public final class BeirVisdocReader implements TaskReader {
  public static final String QUERY_INSTRUCTION =
      "Find a document image that matches the given query:";
  public static final String TARGET_INSTRUCTION =
      "Understand the content of the provided document image.";
  private static final String PARTS = "{queries,corpus,qrels}";
  static final List<String> PART_NAMES = List.of("queries", "corpus", "qrels");

  @Override
  public TaskData read(TaskSpec spec, Path dataRoot, PromptProfile profile) throws IOException {
    Map<String, byte[]> pages = new LinkedHashMap<>();
    V2ImagePrompts prompts = new V2ImagePrompts(profile);
    List<Item> corpus = readCorpus(spec, files(spec, dataRoot, "corpus"), pages, prompts);
    Map<String, Integer> corpusIds = new HashMap<>();
    corpus.forEach(item -> corpusIds.put(item.key(), corpusIds.size()));
    Qrels qrels = readQrels(files(spec, dataRoot, "qrels"));
    List<QueryRow> rows = new ArrayList<>();
    for (Path file : files(spec, dataRoot, "queries")) {
      ParquetTable.forEachRow(
          file,
          List.of("query-id", "query"),
          row -> rows.add(toQueryRow(row, qrels, corpusIds.keySet(), prompts)));
    }
    String where = "page images of " + spec.name() + " (corpus parquet)";
    return new TaskData(spec, rows, corpus, new EmbeddedImageStore(pages, where));
  }

  /** The page image's path in the task's image store. */
  public static String pagePath(String corpusId) {
    return "corpus/" + corpusId;
  }

  static List<Path> files(TaskSpec spec, Path dataRoot, String part) {
    String pattern = partsPattern(spec);
    List<Path> files = DataLocations.tableFiles(spec, dataRoot, pattern.replace(PARTS, part));
    String split = spec.source().split();
    List<Path> ofSplit =
        files.stream()
            .filter(f -> split != null && f.getFileName().toString().startsWith(split))
            .toList();
    List<Path> chosen = ofSplit.isEmpty() ? files : ofSplit;
    if (chosen.isEmpty()) {
      throw new UserError(
          String.format(
              "%s: no %s file matching '%s' under %s",
              spec.name(), part, pattern.replace(PARTS, part), dataRoot));
    }
    return chosen;
  }

  /** The task's file_pattern, which must name the three parts. */
  private static String partsPattern(TaskSpec spec) {
    String pattern = spec.source().filePattern();
    if (pattern == null || !pattern.contains(PARTS)) {
      throw new UserError(
          spec.name()
              + ": a BEIR file_pattern must contain "
              + PARTS
              + ", found '"
              + pattern
              + "'");
    }
    return pattern;
  }

  private static List<Item> readCorpus(
      TaskSpec spec, List<Path> files, Map<String, byte[]> pages, V2ImagePrompts prompts)
      throws IOException {
    String text = prompts.processInputText(TARGET_INSTRUCTION, "", true);
    List<Item> corpus = new ArrayList<>();
    for (Path file : files) {
      ParquetTable.forEachRow(
          file,
          List.of("corpus-id", "image"),
          row -> {
            String id = row.id("corpus-id");
            if (!pages.containsKey(pagePath(id))) {
              pages.put(pagePath(id), pageBytes(row, file));
              corpus.add(new Item(id, text, List.of(pagePath(id))));
            }
          });
    }
    return corpus;
  }

  private static byte[] pageBytes(ParquetRow row, Path file) {
    ParquetRow.ImageCell cell = row.image("image");
    if (cell.bytes() != null) {
      return cell.bytes();
    }
    Path page = file.resolveSibling(cell.path());
    try {
      return Files.readAllBytes(page);
    } catch (IOException e) {
      throw row.error("image", "no embedded bytes and cannot read " + page);
    }
  }

  /** Graded relevance per query id, and the qrels row each pair first came from. */
  record Qrels(Map<String, Map<String, Double>> grades, Map<String, String> origins) {}

  static Qrels readQrels(List<Path> files) throws IOException {
    Map<String, Map<String, Double>> grades = new HashMap<>();
    Map<String, String> origins = new HashMap<>();
    for (Path file : files) {
      ParquetTable.forEachRow(
          file,
          List.of("query-id", "corpus-id", "score"),
          row -> addQrel(row, file, grades, origins));
    }
    return new Qrels(grades, origins);
  }

  /** A pair with score above 0; a repeated pair keeps its highest score and first origin. */
  private static void addQrel(
      ParquetRow row,
      Path file,
      Map<String, Map<String, Double>> grades,
      Map<String, String> origins) {
    double score = row.number("score");
    if (score > 0) {
      String query = row.id("query-id");
      String doc = row.id("corpus-id");
      grades.computeIfAbsent(query, q -> new LinkedHashMap<>()).merge(doc, score, Math::max);
      origins.putIfAbsent(query + "\u0000" + doc, file + " row " + row.row());
    }
  }

  /** Every document a query's qrels name is in the corpus; else the qrels row is named. */
  private static void requireInCorpus(
      String queryId, Set<String> docs, Qrels qrels, Set<String> corpusIds) {
    for (String doc : docs) {
      if (!corpusIds.contains(doc)) {
        throw new UserError(
            qrels.origins().get(queryId + "\u0000" + doc)
                + ": corpus-id "
                + doc
                + " (query-id "
                + queryId
                + ") is not in the corpus");
      }
    }
  }

  private static QueryRow toQueryRow(
      ParquetRow row, Qrels qrels, java.util.Set<String> corpusIds, V2ImagePrompts prompts) {
    String queryId = row.id("query-id");
    Map<String, Double> relevance = qrels.grades().get(queryId);
    if (relevance == null) {
      throw row.error("query-id " + queryId + " has no relevant document (qrels score > 0)");
    }
    requireInCorpus(queryId, relevance.keySet(), qrels, corpusIds);
    String text = prompts.processInputText(QUERY_INSTRUCTION, row.string("query"), false);
    return new QueryRow(row.row(), ItemKeys.byContent(text, ""), List.of(), relevance);
  }
}
