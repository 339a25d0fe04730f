package org.mmeb.eval.data.synth;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The visdoc task (a BEIR corpus of pages with graded qrels) and the video task (frame folders) of
 * mmeb-mini.
 */
final class MiniDocsAndVideos {
  static final int PAGE_SIZE = 80;
  static final int FRAMES_PER_VIDEO = 12;

  /** The three BEIR tables of a visdoc task. */
  record Beir(
      List<Map<String, Object>> queries,
      List<Map<String, Object>> corpus,
      List<Map<String, Object>> qrels) {}

  /**
   * Pages show a concept; a query names one. Grades: 2 for a page with the query's concept, 1 for a
   * page with its shape in another colour. The qrels also hold what readers must drop: a repeated
   * pair with score 0 (the maximum, 2, wins) and a score-0 pair for an unrelated page.
   */
  static Beir documents(int pages, int queries, Random random) {
    List<Concept> pageConcepts = pageConcepts(pages, random);
    List<Map<String, Object>> corpus = corpus(pageConcepts, random);
    List<Map<String, Object>> queryRows = new ArrayList<>();
    List<Map<String, Object>> qrels = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      long queryId = 1000 + q;
      Concept concept = pageConcepts.get(random.nextInt(pages));
      queryRows.add(Map.of("query-id", queryId, "query", MiniPrompts.docQuery(concept, random)));
      qrels.addAll(qrels(queryId, concept, pageConcepts, random));
    }
    return new Beir(queryRows, corpus, qrels);
  }

  /** Every concept once, then random ones up to {@code pages}, shuffled. */
  private static List<Concept> pageConcepts(int pages, Random random) {
    List<Concept> pageConcepts = new ArrayList<>(Concept.ALL);
    while (pageConcepts.size() < pages) {
      pageConcepts.add(Concept.random(random));
    }
    Collections.shuffle(pageConcepts, random);
    return pageConcepts.subList(0, pages);
  }

  private static List<Map<String, Object>> corpus(List<Concept> pageConcepts, Random random) {
    List<Map<String, Object>> corpus = new ArrayList<>();
    for (int id = 0; id < pageConcepts.size(); id++) {
      BufferedImage page = ShapePainter.page("DOC " + id, pageConcepts.get(id), PAGE_SIZE, random);
      corpus.add(Map.of("corpus-id", (long) id, "image", PngWriter.encode(page)));
    }
    return corpus;
  }

  /** A query's graded pairs; the first page of its concept also gets a repeated score-0 pair. */
  private static List<Map<String, Object>> qrels(
      long queryId, Concept concept, List<Concept> pageConcepts, Random random) {
    List<Map<String, Object>> qrels = new ArrayList<>();
    for (int id = 0; id < pageConcepts.size(); id++) {
      Integer grade = grade(pageConcepts.get(id), concept, pageConcepts.size(), random);
      if (grade != null) {
        qrels.add(qrel(queryId, id, grade));
      }
      if (grade != null && grade == 2 && id == pageConcepts.indexOf(concept)) {
        qrels.add(qrel(queryId, id, 0));
      }
    }
    return qrels;
  }

  /** 2 for the query's concept, 1 for its shape, rarely 0 for an unrelated page, else no pair. */
  private static Integer grade(Concept page, Concept concept, int pages, Random random) {
    if (page.equals(concept)) {
      return 2;
    }
    if (page.form() == concept.form()) {
      return 1;
    }
    return random.nextInt(pages) == 0 ? 0 : null;
  }

  /** Videos of a shape crossing the frame; the label names the concept. Returns the rows. */
  static List<Map<String, Object>> videos(Path frameRoot, int videos, Random random)
      throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int v = 0; v < videos; v++) {
      Concept concept = Concept.random(random);
      String videoId = String.format("video_%03d", v);
      Path folder = frameRoot.resolve(videoId);
      Files.createDirectories(folder);
      for (Map.Entry<String, byte[]> frame : frames(concept, random).entrySet()) {
        Files.write(folder.resolve(frame.getKey()), frame.getValue());
      }
      rows.add(Map.of("video_id", videoId, "pos_text", "a video of a " + concept.label()));
    }
    return rows;
  }

  /** Frames named frame_1.png … frame_12.png: natural order differs from name order. */
  private static Map<String, byte[]> frames(Concept concept, Random random) {
    int size = MiniImages.SIZE;
    int extent = size / 3;
    int y = random.nextInt(size - extent);
    BufferedImage background = ShapePainter.canvas(size, size, random);
    Map<String, byte[]> frames = new LinkedHashMap<>();
    for (int f = 0; f < FRAMES_PER_VIDEO; f++) {
      BufferedImage frame = ShapePainter.copy(background);
      int x = f * (size - extent) / (FRAMES_PER_VIDEO - 1);
      ShapePainter.draw(frame, concept, x, y, extent, random);
      frames.put("frame_" + (f + 1) + ".png", PngWriter.encode(frame));
    }
    return frames;
  }

  private static Map<String, Object> qrel(long queryId, long corpusId, long score) {
    return Map.of("query-id", queryId, "corpus-id", corpusId, "score", score);
  }
}
