package org.mmeb.eval.score;

import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.MetaTask;
import org.mmeb.eval.task.MetricName;
import org.mmeb.eval.task.Modality;
import org.mmeb.eval.task.ReferenceParser;
import org.mmeb.eval.task.TaskSpec;

/** Task specs built in code for scorer tests. */
final class Tasks {
  private Tasks() {}

  static TaskSpec spec(String name, String mainMetric, EvalType evalType) {
    return new TaskSpec(
        name,
        "test",
        Modality.IMAGE,
        MetaTask.CLS,
        null,
        MetricName.parse(mainMetric),
        evalType,
        DedupeKey.TEXT_AND_IMAGE,
        Layout.values()[0],
        ReferenceParser.IMAGE_CLS,
        "T",
        "T",
        "",
        "",
        new TaskSpec.DataSource("local", null, "test", null, null, null, null),
        0,
        null,
        null);
  }
}
