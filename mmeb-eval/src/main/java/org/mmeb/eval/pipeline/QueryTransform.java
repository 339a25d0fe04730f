package org.mmeb.eval.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.result.Reasoning;

/**
 * A change made to each query between the reader and the embedding source, such as a reasoning
 * trace added to the query text before encoding. The item key is the embedding cache's key, so a
 * transform that changes an item's text must change its key too ({@link #applyTo} refuses one that
 * does not): a cache built on the plain queries must never answer a transformed one.
 */
@FunctionalInterface
public interface QueryTransform {
  QueryTransform NONE = (task, row) -> row.query();

  /** The item to embed in place of {@code row.query()} for a row of {@code task}. */
  Item query(String task, QueryRow row);

  /**
   * What the run record says about the transform so far (reasoning traces: source, coverage, cost),
   * or null when there is nothing to record.
   */
  default Reasoning reasoning() {
    return null;
  }

  /** The task's data with every query transformed; candidates are untouched. */
  default TaskData applyTo(TaskData data) {
    if (this == NONE) {
      return data;
    }
    List<QueryRow> rows = new ArrayList<>(data.rows().size());
    for (QueryRow row : data.rows()) {
      Item query = query(data.spec().name(), row);
      if (!query.text().equals(row.query().text()) && query.key().equals(row.query().key())) {
        throw new IllegalStateException(
            data.spec().name() + " row " + row.row() + ": query text changed, key did not");
      }
      rows.add(new QueryRow(row.row(), query, row.candidates(), row.relevance()));
    }
    return new TaskData(data.spec(), rows, data.globalCandidates(), data.images());
  }
}
