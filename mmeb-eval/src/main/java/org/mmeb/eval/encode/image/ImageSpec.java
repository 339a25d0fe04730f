package org.mmeb.eval.encode.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Image preprocessing as Hugging Face image processors do it: convert to RGB, resize with Pillow's
 * bicubic filter (the shortest side to {@code size}, keeping the aspect ratio, or exactly to {@code
 * width x height}), centre-crop to {@code crop x crop}, multiply by {@code rescale}, then subtract
 * {@code mean} and divide by {@code std} per channel; the tensor is NCHW float32.
 *
 * @param size the shortest side for {@code shortest_side}; both sides for {@code exact} unless
 *     {@code width} and {@code height} are given
 * @param cropRounding where the centre crop starts when the margin is odd; null = {@link
 *     CropRounding#FLOOR}
 */
public record ImageSpec(
    Resize resize,
    int size,
    Integer width,
    Integer height,
    Integer crop,
    Double rescale,
    double[] mean,
    double[] std,
    // Left null when absent so that specs without it keep their fingerprint.
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("crop_rounding")
        CropRounding cropRounding) {

  /** How the image is resized before the crop. */
  public enum Resize {
    @JsonProperty("shortest_side")
    SHORTEST_SIDE,
    @JsonProperty("exact")
    EXACT
  }

  /** Where a centre crop starts: half the margin, rounded as the reference library does. */
  public enum CropRounding {
    /** Hugging Face image processors: {@code (size - crop) // 2}. */
    @JsonProperty("floor")
    FLOOR,
    /**
     * torchvision's {@code CenterCrop} (open_clip): {@code int(round((size - crop) / 2.0))},
     * Python's round, halves to even: a margin of 3 starts at 2, a margin of 5 at 2, of 7 at 4.
     */
    @JsonProperty("round")
    ROUND;

    /** The offset of a crop of {@code margin} pixels less than the side. */
    public int offset(int margin) {
      int half = margin / 2;
      boolean roundUp = this == ROUND && margin % 2 == 1 && half % 2 == 1;
      return roundUp ? half + 1 : half;
    }
  }

  public ImageSpec(
      Resize resize,
      int size,
      Integer width,
      Integer height,
      Integer crop,
      Double rescale,
      double[] mean,
      double[] std) {
    this(resize, size, width, height, crop, rescale, mean, std, null);
  }

  public CropRounding cropOffsets() {
    return cropRounding == null ? CropRounding.FLOOR : cropRounding;
  }

  public ImageSpec {
    Objects.requireNonNull(resize, "image.resize");
    rescale = rescale == null ? 1.0 / 255.0 : rescale;
    mean = mean == null ? new double[] {0, 0, 0} : mean;
    std = std == null ? new double[] {1, 1, 1} : std;
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException("image.mean and image.std need 3 values (R, G, B)");
    }
    checkSizes(resize, size, width, height, crop);
  }

  private static void checkSizes(
      Resize resize, int size, Integer width, Integer height, Integer crop) {
    if (smallestSide(resize, size, width, height) <= 0 || (crop != null && crop <= 0)) {
      throw new IllegalArgumentException(
          "image sizes must be > 0 (" + sizesGiven(size, width, height, crop) + ")");
    }
    if (resize == Resize.SHORTEST_SIDE && crop == null) {
      throw new IllegalArgumentException(
          "image.resize 'shortest_side' needs a 'crop' (a batch needs one tensor size)");
    }
    if (crop != null && crop > smallestSide(resize, size, width, height)) {
      throw new IllegalArgumentException(
          "image.crop " + crop + " is larger than the resized image");
    }
  }

  private static String sizesGiven(int size, Integer width, Integer height, Integer crop) {
    return "size "
        + size
        + (width != null ? ", width " + width : "")
        + (height != null ? ", height " + height : "")
        + (crop != null ? ", crop " + crop : "");
  }

  private static int smallestSide(Resize resize, int size, Integer width, Integer height) {
    return resize == Resize.EXACT
        ? Math.min(width != null ? width : size, height != null ? height : size)
        : size;
  }

  /** Width of the tensor the model sees. */
  public int tensorWidth() {
    return crop != null ? crop : exactWidth();
  }

  /** Height of the tensor the model sees. */
  public int tensorHeight() {
    return crop != null ? crop : exactHeight();
  }

  /** Target width of an {@code exact} resize. */
  public int exactWidth() {
    return width != null ? width : size;
  }

  /** Target height of an {@code exact} resize. */
  public int exactHeight() {
    return height != null ? height : size;
  }
}
