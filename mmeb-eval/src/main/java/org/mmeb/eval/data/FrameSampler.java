package org.mmeb.eval.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the frames of a video as the VLM2Vec reference does ({@code sample_frames} in
 * vision_utils.py): {@code np.linspace(0, n - 1, k, dtype=int)} over the extracted frames in
 * natural order, when there are at least {@code k}; all frames otherwise.
 */
public final class FrameSampler {
  private FrameSampler() {}

  /**
   * numpy's linspace computes {@code start + i * ((stop - start) / (num - 1))} in doubles, sets the
   * last value to {@code stop} exactly, and the int cast truncates toward zero.
   */
  public static int[] linspaceIndices(int frameCount, int samples) {
    int[] indices = new int[samples];
    if (samples == 1) {
      return indices;
    }
    double stop = frameCount - 1;
    double step = stop / (samples - 1);
    for (int i = 0; i < samples; i++) {
      indices[i] = (int) (i * step);
    }
    indices[samples - 1] = (int) stop;
    return indices;
  }

  public static <T> List<T> sample(List<T> frames, int samples) {
    if (samples <= 0 || frames.size() < samples) {
      return samples == 0 ? List.of() : List.copyOf(frames);
    }
    List<T> picked = new ArrayList<>(samples);
    for (int index : linspaceIndices(frames.size(), samples)) {
      picked.add(frames.get(index));
    }
    return picked;
  }
}
