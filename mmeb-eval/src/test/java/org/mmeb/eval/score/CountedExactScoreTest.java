package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The count behind {@code bench scoring}'s "pairs re-scored in double": distinct pairs whose fast
 * scores could not settle the ranking, each scored once.
 */
class CountedExactScoreTest {
  @Test
  void scoresEachCandidateOnceAndCountsDistinctOnes() {
    List<Integer> asked = new ArrayList<>();
    CountedExactScore exact =
        new CountedExactScore(
            j -> {
              asked.add(j);
              return j * 0.5;
            });
    exact.know(7, 3.25);

    assertThat(exact.of(7)).isEqualTo(3.25);
    assertThat(exact.count()).isZero();
    assertThat(exact.of(2)).isEqualTo(1.0);
    assertThat(exact.of(4)).isEqualTo(2.0);
    assertThat(exact.of(2)).isEqualTo(1.0);
    assertThat(exact.of(7)).isEqualTo(3.25);

    assertThat(asked).containsExactly(2, 4);
    assertThat(exact.count()).isEqualTo(2);
  }

  @Test
  void aRowOfTiesScoresNoPairTwice() {
    // every candidate ties: all are top-k contenders and all are unsure against the positive, so
    // both the top list and the positive's rank ask for every exact score
    int n = 40;
    float[] same = {0.25f, -1.5f, 3f};
    List<float[]> candidates = Collections.nCopies(n, same);
    List<String> keys = IntStream.range(0, n).mapToObj(j -> "c" + j).toList();
    LocalRanker ranker = new LocalRanker(Similarity.COSINE);

    QueryRanking ranking =
        ranker.rank(new float[] {1f, 2f, 0.5f}, candidates, keys, Map.of("c23", 1.0));

    assertThat(ranking.firstPositiveRank()).isEqualTo(24);
    assertThat(ranking.top())
        .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
    assertThat(ranker.exactScores()).isLessThanOrEqualTo(n - 1);
  }
}
