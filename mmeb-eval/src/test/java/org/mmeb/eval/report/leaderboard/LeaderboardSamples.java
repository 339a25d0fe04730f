package org.mmeb.eval.report.leaderboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.report.ScoreSource;

/** A small hand-made leaderboard exercising every feature a format must show. */
final class LeaderboardSamples {
  static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";

  private LeaderboardSamples() {}

  static Leaderboard sample() {
    return new Leaderboard(List.of(v1(), v2()));
  }

  static LeaderboardView v1() {
    List<String> columns = List.of("CLS", "VQA", "RET", "GD", "IND", "OOD", "Overall");
    LeaderboardRow paper =
        new LeaderboardRow(
            source("SigLIP", "VLM2Vec paper, Table 6"),
            scores(columns, 40.3, 8.4, 31.6, 59.5, 32.3, 38.0, 34.8),
            Map.of("RET", "the paper prints 31.6; the mean of its 12 per-dataset scores is 44.1"),
            36,
            36,
            List.of(
                new LeaderboardRow.DatasetScoreCell("ImageNet-1K", "CLS", 45.4),
                new LeaderboardRow.DatasetScoreCell("OK-VQA", "VQA", 2.4)));
    LeaderboardRow hostile =
        new LeaderboardRow(
            source(MARKUP_NAME, "results/x,\"y\"/mmeb-v1/run.json"),
            scores(List.of("CLS", "RET", "IND", "OOD", "Overall"), 50.0, 12.25, -1.0, 0.05, 7.0),
            Map.of(),
            2,
            36,
            List.of(
                new LeaderboardRow.DatasetScoreCell("ImageNet-1K", "CLS", 50.0),
                new LeaderboardRow.DatasetScoreCell("=cmd|' /C calc'!A0", "RET", 12.3)));
    LeaderboardRow openClip =
        new LeaderboardRow(
            source("OpenCLIP", "VLM2Vec paper, Table 6"),
            scores(columns, 47.8, 10.9, 52.3, 53.3, 39.3, 40.2, 39.7),
            Map.of(),
            36,
            36,
            List.of(new LeaderboardRow.DatasetScoreCell("ImageNet-1K", "CLS", 63.5)));
    return new LeaderboardView(
        "mmeb-v1",
        "MMEB-V1",
        columns,
        List.of("CLS", "VQA", "RET", "GD"),
        List.of(paper, hostile, openClip));
  }

  static LeaderboardView v2() {
    List<String> columns = List.of("I-CLS", "V-CLS", "Image", "Video", "All");
    LeaderboardRow row =
        new LeaderboardRow(
            source(
                "VLM2Vec-V2.0 | 2B *bold*",
                "leaderboard/reference/vlm2vec-v2.0.0/VLM2Vec-V2.0-Qwen2VL-2B.json"),
            scores(columns, 62.9, 39.3, 64.9, 34.6, 58.0),
            Map.of(),
            2,
            78,
            List.of(
                new LeaderboardRow.DatasetScoreCell("ImageNet-1K", "I-CLS", 80.8),
                new LeaderboardRow.DatasetScoreCell("K700", "V-CLS", 38.0)));
    return new LeaderboardView(
        "mmeb-v2", "MMEB-V2", columns, List.of("I-CLS", "V-CLS"), List.of(row));
  }

  /** A source as the formats see it: they show its name and provenance, not its scores. */
  private static ScoreSource source(String name, String provenance) {
    return ScoreSource.measured(name, "mmeb-v1", provenance, Map.of());
  }

  private static Map<String, Double> scores(List<String> columns, double... values) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      scores.put(columns.get(i), values[i]);
    }
    return scores;
  }
}
