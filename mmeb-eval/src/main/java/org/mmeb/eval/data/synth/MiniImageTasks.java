package org.mmeb.eval.data.synth;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The image tasks of mmeb-mini as parquet rows (V1 or V2 columns), drawing their images into a
 * {@link MiniImages}: classification, VQA, i2t (V1 layout), t2i and grounding (V2 layout).
 * Candidate 0 is always the positive; distractors never share the positive's concept.
 */
final class MiniImageTasks {
  static final int CANDIDATES = 20;
  static final int GROUNDING_CANDIDATES = 10;
  private final MiniImages images;

  MiniImageTasks(MiniImages images) {
    this.images = images;
  }

  List<Map<String, Object>> classification(String task, int queries, Random random) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Concept concept = Concept.random(random);
      String path =
          images.add(path(task, i), ShapePainter.object(concept, MiniImages.SIZE, random));
      List<String> labels = new ArrayList<>(List.of(concept.label()));
      Concept.ALL.stream().filter(c -> !c.equals(concept)).forEach(c -> labels.add(c.label()));
      rows.add(v1(MiniPrompts.CLS_QUERY, path, labels, blanks(labels.size())));
    }
    return rows;
  }

  List<Map<String, Object>> questions(String task, int queries, Random random) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Concept concept = Concept.random(random);
      String path =
          images.add(path(task, i), ShapePainter.object(concept, MiniImages.SIZE, random));
      boolean askColour = random.nextBoolean();
      String question = askColour ? MiniPrompts.COLOUR_QUESTION : MiniPrompts.SHAPE_QUESTION;
      List<String> answers = answers(concept, askColour);
      rows.add(v1(MiniPrompts.VQA_QUERY + question, path, answers, blanks(answers.size())));
    }
    return rows;
  }

  /** The right answer first, then every other colour (or shape) in declaration order. */
  private static List<String> answers(Concept concept, boolean askColour) {
    List<String> answers = new ArrayList<>();
    if (askColour) {
      answers.add(concept.hue().word());
      Arrays.stream(Concept.Hue.values())
          .filter(hue -> hue != concept.hue())
          .forEach(hue -> answers.add(hue.word()));
    } else {
      answers.add(concept.form().word());
      Arrays.stream(Concept.Form.values())
          .filter(form -> form != concept.form())
          .forEach(form -> answers.add(form.word()));
    }
    return answers;
  }

  List<Map<String, Object>> imageToText(String task, int queries, Random random) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Concept concept = Concept.random(random);
      String path =
          images.add(path(task, i), ShapePainter.object(concept, MiniImages.SIZE, random));
      List<String> captions = new ArrayList<>(List.of(MiniPrompts.caption(concept, random)));
      for (Concept other : Concept.distractors(concept, CANDIDATES - 1, random)) {
        captions.add(MiniPrompts.caption(other, random));
      }
      rows.add(v1(MiniPrompts.I2T_QUERY, path, captions, blanks(captions.size())));
    }
    return rows;
  }

  /** Candidates come from a shared pool (one image per concept) plus each row's own positive. */
  List<Map<String, Object>> textToImage(String task, int queries, Random random) {
    List<String> pool = conceptPool(task, random);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Concept concept = Concept.random(random);
      String path =
          images.add(path(task, i), ShapePainter.object(concept, MiniImages.SIZE, random));
      List<String> paths = new ArrayList<>(List.of(path));
      for (Concept other : Concept.distractors(concept, CANDIDATES - 1, random)) {
        paths.add(pool.get(Concept.ALL.indexOf(other)));
      }
      rows.add(textToImageRow(concept, paths, random));
    }
    return rows;
  }

  /** One image per concept, in {@link Concept#ALL} order. */
  private List<String> conceptPool(String task, Random random) {
    List<String> pool = new ArrayList<>();
    for (Concept concept : Concept.ALL) {
      String name = task + "/pool/" + concept.label().replace(' ', '_') + ".png";
      pool.add(images.add(name, ShapePainter.object(concept, MiniImages.SIZE, random)));
    }
    return pool;
  }

  private static Map<String, Object> textToImageRow(
      Concept concept, List<String> paths, Random random) {
    return v2(
        MiniPrompts.T2I_INST,
        MiniPrompts.caption(concept, random),
        "",
        MiniPrompts.T2I_TARGET_INST,
        blanks(paths.size()),
        paths);
  }

  /** A 2×2 scene of three objects; candidates are its own crops and crops of other scenes. */
  List<Map<String, Object>> grounding(String task, int queries, Random random) {
    Scenes scenes = new Scenes();
    for (int i = 0; i < queries; i++) {
      scenes.add(task, i, random);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      rows.add(scenes.row(i, random));
    }
    return rows;
  }

  /** The grounding scenes drawn so far, and the crops of their three objects. */
  private final class Scenes {
    private static final int CELL = MiniImages.SIZE / 2;
    private final List<String> crops = new ArrayList<>();
    private final List<Concept> cropConcepts = new ArrayList<>();
    private final List<String> scenes = new ArrayList<>();

    void add(String task, int i, Random random) {
      BufferedImage scene = ShapePainter.canvas(MiniImages.SIZE, MiniImages.SIZE, random);
      List<Integer> cells = new ArrayList<>(List.of(0, 1, 2, 3));
      Collections.shuffle(cells, random);
      List<Concept> objects = Concept.distractors(Concept.random(random), 3, random);
      for (int k = 0; k < 3; k++) {
        int size = CELL - 6 - random.nextInt(6);
        ShapePainter.draw(scene, objects.get(k), x(cells, k) + 3, y(cells, k) + 3, size, random);
      }
      for (int k = 0; k < 3; k++) {
        String crop = task + "/crops/" + String.format("%04d_%d.png", i, k);
        BufferedImage pixels =
            ShapePainter.crop(scene, x(cells, k), y(cells, k), CELL, MiniImages.SIZE);
        crops.add(images.add(crop, pixels));
        cropConcepts.add(objects.get(k));
      }
      scenes.add(images.add(path(task, i), scene));
    }

    private static int x(List<Integer> cells, int k) {
      return (cells.get(k) % 2) * CELL;
    }

    private static int y(List<Integer> cells, int k) {
      return (cells.get(k) / 2) * CELL;
    }

    Map<String, Object> row(int i, Random random) {
      Concept target = cropConcepts.get(3 * i);
      List<String> candidates = candidates(i, target, random);
      return v2(
          MiniPrompts.GD_INST,
          MiniPrompts.quoted(target),
          scenes.get(i),
          MiniPrompts.GD_TARGET_INST,
          blanks(candidates.size()),
          candidates);
    }

    /** Scene i's own three crops, then crops of other scenes that do not show the target. */
    private List<String> candidates(int i, Concept target, Random random) {
      List<String> candidates = new ArrayList<>(crops.subList(3 * i, 3 * i + 3));
      for (int tries = 0; candidates.size() < GROUNDING_CANDIDATES && tries < 10_000; tries++) {
        int j = random.nextInt(crops.size());
        if (!cropConcepts.get(j).equals(target) && !candidates.contains(crops.get(j))) {
          candidates.add(crops.get(j));
        }
      }
      return candidates;
    }
  }

  private static String path(String task, int index) {
    return String.format("%s/%04d.png", task, index);
  }

  static List<String> blanks(int count) {
    return Collections.nCopies(count, "");
  }

  static Map<String, Object> v1(
      String qryText, String qryImage, List<String> tgtTexts, List<String> tgtImages) {
    return Map.of(
        "qry_text",
        qryText,
        "qry_img_path",
        qryImage,
        "tgt_text",
        tgtTexts,
        "tgt_img_path",
        tgtImages);
  }

  static Map<String, Object> v2(
      String qryInst,
      String qryText,
      String qryImage,
      String tgtInst,
      List<String> tgtTexts,
      List<String> tgtImages) {
    return Map.of(
        "qry_inst", qryInst,
        "qry_text", qryText,
        "qry_img_path", qryImage,
        "tgt_inst", tgtInst,
        "tgt_text", tgtTexts,
        "tgt_img_path", tgtImages);
  }
}
