package org.mmeb.eval.data.synth;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/** The images a generator has drawn, by path, in drawing order (the order of the zip). */
final class MiniImages {
  static final int SIZE = 64;
  private final Map<String, byte[]> pngs = new LinkedHashMap<>();

  String add(String path, BufferedImage image) {
    if (pngs.putIfAbsent(path, PngWriter.encode(image)) != null) {
      throw new IllegalStateException("image drawn twice: " + path);
    }
    return path;
  }

  Map<String, byte[]> pngs() {
    return pngs;
  }
}
