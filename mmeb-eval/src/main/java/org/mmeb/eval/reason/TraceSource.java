package org.mmeb.eval.reason;

import java.util.Map;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.result.Reasoning;

/** Where a run's reasoning traces come from: a reasoner endpoint or a JSONL file of traces. */
public interface TraceSource extends AutoCloseable {
  /** The reasoner's name as results show it ("embedder + reasoner"). */
  String reasoner();

  /** The traces of a task's queries, by query item key; a query without a trace is absent. */
  Map<String, Trace> traces(TaskData data);

  /** The run record's account of this source, with the template and per-task figures given. */
  Reasoning describe(String template, Map<String, Reasoning.TaskTraces> tasks);

  @Override
  default void close() throws Exception {}
}
