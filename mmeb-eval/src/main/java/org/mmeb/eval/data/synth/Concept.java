package org.mmeb.eval.data.synth;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What a synthetic image shows and its text says: a colour and a shape (6 × 5 = 30 concepts).
 * Images and texts share exactly this meaning, which is what makes the demo tasks learnable.
 */
record Concept(Hue hue, Form form) {
  enum Hue {
    RED(new Color(220, 40, 40)),
    GREEN(new Color(40, 170, 60)),
    BLUE(new Color(40, 70, 220)),
    YELLOW(new Color(235, 205, 30)),
    PURPLE(new Color(140, 50, 180)),
    ORANGE(new Color(245, 130, 20));

    final Color color;

    Hue(Color color) {
      this.color = color;
    }

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum Form {
    CIRCLE,
    SQUARE,
    TRIANGLE,
    STAR,
    CROSS;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final List<Concept> ALL = all();

  String label() {
    return hue.word() + " " + form.word();
  }

  static Concept random(Random random) {
    return ALL.get(random.nextInt(ALL.size()));
  }

  /** {@code count} distinct concepts other than {@code positive}, in random order. */
  static List<Concept> distractors(Concept positive, int count, Random random) {
    List<Concept> others = new ArrayList<>(ALL);
    others.remove(positive);
    java.util.Collections.shuffle(others, random);
    return others.subList(0, Math.min(count, others.size()));
  }

  private static List<Concept> all() {
    List<Concept> all = new ArrayList<>();
    for (Hue hue : Hue.values()) {
      for (Form form : Form.values()) {
        all.add(new Concept(hue, form));
      }
    }
    return List.copyOf(all);
  }
}
