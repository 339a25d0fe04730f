package org.mmeb.eval.result;

/**
 * Seconds spent per stage. Decode and preprocess are summed over worker threads (CPU time of the
 * stage); inference, scoring and wall are elapsed time.
 */
public record StageTimings(
    double decodeSeconds,
    double preprocessSeconds,
    double inferenceSeconds,
    double scoringSeconds,
    double wallSeconds) {
  public static final StageTimings NONE = new StageTimings(0, 0, 0, 0, 0);

  public static StageTimings ofNanos(
      long decode, long preprocess, long inference, long scoring, long wall) {
    return new StageTimings(
        decode / 1e9, preprocess / 1e9, inference / 1e9, scoring / 1e9, wall / 1e9);
  }

  public StageTimings plus(StageTimings o) {
    return new StageTimings(
        decodeSeconds + o.decodeSeconds,
        preprocessSeconds + o.preprocessSeconds,
        inferenceSeconds + o.inferenceSeconds,
        scoringSeconds + o.scoringSeconds,
        wallSeconds + o.wallSeconds);
  }
}
