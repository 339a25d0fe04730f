package org.mmeb.eval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

class TaskEncodingTest {
  @TempDir Path cacheRoot;

  /** Embeds a text as its length and first character; records every item it was asked for. */
  static class CountingEncoder implements Encoder {
    final List<String> encodedKeys = new ArrayList<>();
    int failAfter = Integer.MAX_VALUE;

    @Override
    public float[][] encode(List<Item> items, ImageStore images) {
      if (encodedKeys.size() + items.size() > failAfter) {
        throw new IllegalStateException("killed");
      }
      float[][] out = new float[items.size()][];
      for (int i = 0; i < items.size(); i++) {
        String text = items.get(i).text();
        out[i] = new float[] {text.length(), text.isEmpty() ? 0 : text.charAt(0)};
        encodedKeys.add(items.get(i).key());
      }
      return out;
    }

    @Override
    public String fingerprint() {
      return "counting-v1";
    }

    @Override
    public String device() {
      return "cpu";
    }
  }

  private static TaskData data(int rows) {
    TaskSpec spec = TaskRegistry.readTaskFile(Path.of("tasks/mmeb-v1/MSCOCO_i2t.json"));
    List<QueryRow> queryRows = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      Item query = Item.textOnly("q" + (r % 7), "query " + (r % 7));
      List<Item> candidates =
          List.of(Item.textOnly("c" + r, "caption " + r), Item.textOnly("c0", "caption 0"));
      queryRows.add(new QueryRow(r, query, candidates, Map.of("c" + r, 1.0)));
    }
    return new TaskData(spec, queryRows, List.of(), null);
  }

  private TaskEncoding encoding(Encoder encoder) {
    return new TaskEncoding(
        encoder,
        new TaskEncoding.Settings(cacheRoot, 4, 2, false),
        new PrintWriter(new StringWriter()));
  }

  @Test
  void encodesEachUniqueItemOnceAndARerunEncodesNothing() throws Exception {
    CountingEncoder encoder = new CountingEncoder();
    TaskEncoding.Result first = encoding(encoder).encode(data(20));
    first.close();
    assertThat(encoder.encodedKeys).hasSize(7 + 20).doesNotHaveDuplicates();
    assertThat(first.stats().uniqueItems()).isEqualTo(27);
    assertThat(first.stats().referencedItems()).isEqualTo(60);
    assertThat(first.stats().cacheHits()).isZero();

    CountingEncoder again = new CountingEncoder();
    TaskEncoding.Result second = encoding(again).encode(data(20));
    assertThat(again.encodedKeys).isEmpty();
    assertThat(second.stats().cacheHits()).isEqualTo(27);
    assertThat(second.vector("c3")).containsExactly(9f, 'c');
    second.close();
  }

  @Test
  void anInterruptedRunResumesWithoutReencodingFinishedBatches() throws Exception {
    CountingEncoder dying = new CountingEncoder();
    dying.failAfter = 11; // the ramped plan's batches of 1, 2, 4 and 4 items; the fifth fails
    assertThatThrownBy(() -> encoding(dying).encode(data(20))).hasMessage("killed");
    assertThat(dying.encodedKeys).hasSize(11);

    CountingEncoder resumed = new CountingEncoder();
    TaskEncoding.Result result = encoding(resumed).encode(data(20));
    result.close();
    assertThat(resumed.encodedKeys).hasSize(27 - 11).doesNotContainAnyElementsOf(dying.encodedKeys);
    assertThat(result.stats().cacheHits()).isEqualTo(11);
  }

  @Test
  void aWrongNumberOfEmbeddingsIsAnErrorNamingTheTask() {
    Encoder broken =
        new CountingEncoder() {
          @Override
          public float[][] encode(List<Item> items, ImageStore images) {
            return new float[items.size() - 1][];
          }
        };
    assertThatThrownBy(() -> encoding(broken).encode(data(3)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("MSCOCO_i2t");
  }
}
