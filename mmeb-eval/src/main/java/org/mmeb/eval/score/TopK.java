package org.mmeb.eval.score;

/**
 * The best {@code k} candidates of one query under {@link Ranking}'s tie rule, kept in a binary
 * heap whose root is the worst kept candidate: offering a candidate costs O(log k), and memory is
 * O(k) whatever the corpus size.
 */
final class TopK {
  private final double[] scores;
  private final int[] indices;
  private int size;

  TopK(int k) {
    scores = new double[k];
    indices = new int[k];
  }

  void offer(double score, int index) {
    if (size < scores.length) {
      scores[size] = score;
      indices[size] = index;
      siftUp(size++);
    } else if (scores.length > 0 && Ranking.precedes(score, index, scores[0], indices[0])) {
      scores[0] = score;
      indices[0] = index;
      siftDown(0);
    }
  }

  /** The kept candidate indices, best first. */
  int[] ranked() {
    double[] s = new double[size];
    int[] ix = new int[size];
    System.arraycopy(scores, 0, s, 0, size);
    System.arraycopy(indices, 0, ix, 0, size);
    int[] order = new int[size];
    // Heap entries are few (k <= 10); a selection by the shared tie rule keeps one ordering rule.
    boolean[] used = new boolean[size];
    for (int pos = 0; pos < size; pos++) {
      int best = -1;
      for (int i = 0; i < size; i++) {
        if (!used[i] && (best < 0 || Ranking.precedes(s[i], ix[i], s[best], ix[best]))) {
          best = i;
        }
      }
      used[best] = true;
      order[pos] = ix[best];
    }
    return order;
  }

  /** True when entry a is worse than entry b (the heap keeps the worst at the root). */
  private boolean worse(int a, int b) {
    return Ranking.precedes(scores[b], indices[b], scores[a], indices[a]);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!worse(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      int worst = i;
      if (left < size && worse(left, worst)) {
        worst = left;
      }
      if (left + 1 < size && worse(left + 1, worst)) {
        worst = left + 1;
      }
      if (worst == i) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    int ix = indices[a];
    indices[a] = indices[b];
    indices[b] = ix;
  }
}
