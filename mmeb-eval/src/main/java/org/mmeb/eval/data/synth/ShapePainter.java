package org.mmeb.eval.data.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Draws the synthetic images: one shape on a light background, scenes of several shapes, document
 * pages (a title in {@link BitmapFont}, text bars and a shape) and video frames. Antialiasing is
 * off so that the same seed gives the same pixels everywhere.
 */
final class ShapePainter {
  private ShapePainter() {}

  static BufferedImage canvas(int width, int height, Random random) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(image);
    int grey = 205 + random.nextInt(40);
    g.setColor(new Color(grey, grey - random.nextInt(10), grey - random.nextInt(10)));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 12; i++) {
      int speck = 150 + random.nextInt(80);
      g.setColor(new Color(speck, speck, speck));
      g.fillRect(random.nextInt(width), random.nextInt(height), 2, 2);
    }
    g.dispose();
    return image;
  }

  /** A single shape of the concept, at a random size and place. */
  static BufferedImage object(Concept concept, int size, Random random) {
    BufferedImage image = canvas(size, size, random);
    int extent = size / 3 + random.nextInt(size / 3);
    int x = random.nextInt(size - extent);
    int y = random.nextInt(size - extent);
    draw(image, concept, x, y, extent, random);
    return image;
  }

  static void draw(BufferedImage image, Concept concept, int x, int y, int extent, Random random) {
    Graphics2D g = graphics(image);
    g.setColor(jitter(concept.hue().color, random));
    g.fill(outline(concept.form(), x, y, extent));
    g.dispose();
  }

  /** A page: the title in black, grey text bars, and the concept's shape. */
  static BufferedImage page(String title, Concept concept, int size, Random random) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(image);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, size, size);
    BitmapFont.draw(g, title, 4, 4, 1, Color.BLACK);
    g.setColor(new Color(170, 170, 170));
    for (int line = 0; line < 4; line++) {
      g.fillRect(4, 16 + line * 6, 20 + random.nextInt(size - 28), 2);
    }
    g.dispose();
    int extent = size / 3;
    draw(image, concept, 4 + random.nextInt(size - extent - 8), size - extent - 4, extent, random);
    return image;
  }

  static BufferedImage copy(BufferedImage source) {
    BufferedImage copy =
        new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(copy);
    g.drawImage(source, 0, 0, null);
    g.dispose();
    return copy;
  }

  /** A region of an image, scaled by nearest neighbour to {@code size} × {@code size}. */
  static BufferedImage crop(BufferedImage source, int x, int y, int extent, int size) {
    int[] region = source.getRGB(x, y, extent, extent, null, 0, extent);
    int[] scaled = new int[size * size];
    for (int cy = 0; cy < size; cy++) {
      for (int cx = 0; cx < size; cx++) {
        scaled[cy * size + cx] = region[(cy * extent / size) * extent + cx * extent / size];
      }
    }
    BufferedImage crop = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    crop.setRGB(0, 0, size, size, scaled, 0, size);
    return crop;
  }

  private static Shape outline(Concept.Form form, int x, int y, int extent) {
    return switch (form) {
      case CIRCLE -> new Ellipse2D.Double(x, y, extent, extent);
      case SQUARE ->
          new Rectangle2D.Double(x + extent / 8.0, y + extent / 8.0, extent * 0.75, extent * 0.75);
      case TRIANGLE ->
          new Polygon(
              new int[] {x + extent / 2, x + extent, x}, new int[] {y, y + extent, y + extent}, 3);
      case STAR -> star(x, y, extent);
      case CROSS -> cross(x, y, extent);
    };
  }

  private static Polygon star(int x, int y, int extent) {
    Polygon star = new Polygon();
    double cx = x + extent / 2.0;
    double cy = y + extent / 2.0;
    for (int i = 0; i < 10; i++) {
      double radius = (i % 2 == 0 ? 0.5 : 0.2) * extent;
      double angle = Math.PI * i / 5 - Math.PI / 2;
      star.addPoint(
          (int) Math.round(cx + radius * Math.cos(angle)),
          (int) Math.round(cy + radius * Math.sin(angle)));
    }
    return star;
  }

  private static Polygon cross(int x, int y, int extent) {
    int a = extent / 3;
    int b = 2 * extent / 3;
    return new Polygon(
        new int[] {
          x + a, x + b, x + b, x + extent, x + extent, x + b, x + b, x + a, x + a, x, x, x + a
        },
        new int[] {
          y, y, y + a, y + a, y + b, y + b, y + extent, y + extent, y + b, y + b, y + a, y + a
        },
        12);
  }

  private static Color jitter(Color color, Random random) {
    return new Color(
        clamp(color.getRed() + random.nextInt(31) - 15),
        clamp(color.getGreen() + random.nextInt(31) - 15),
        clamp(color.getBlue() + random.nextInt(31) - 15));
  }

  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
    return g;
  }
}
