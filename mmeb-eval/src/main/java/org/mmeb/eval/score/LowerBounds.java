package org.mmeb.eval.score;

/**
 * The {@code k} largest lower bounds offered so far (a min-heap): once {@code k} candidates are
 * known to score at least {@link #threshold()}, a candidate whose score is surely below it cannot
 * be in the top {@code k}.
 */
final class LowerBounds {
  private final double[] heap;
  private int size;

  LowerBounds(int k) {
    heap = new double[k];
  }

  /** Forgets every bound offered (for the next row). */
  void clear() {
    size = 0;
  }

  double threshold() {
    return size < heap.length || heap.length == 0 ? Double.NEGATIVE_INFINITY : heap[0];
  }

  void offer(double bound) {
    if (Double.isNaN(bound)) {
      return;
    }
    if (size < heap.length) {
      heap[size] = bound;
      siftUp(size++);
    } else if (heap.length > 0 && bound > heap[0]) {
      heap[0] = bound;
      siftDown(0);
    }
  }

  private void siftUp(int i) {
    while (i > 0 && heap[(i - 1) / 2] > heap[i]) {
      swap(i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int least = i;
      for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
        if (heap[child] < heap[least]) {
          least = child;
        }
      }
      if (least == i) {
        return;
      }
      swap(i, least);
      i = least;
    }
  }

  private void swap(int a, int b) {
    double t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
