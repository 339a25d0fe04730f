package org.mmeb.eval.data;

import java.util.List;
import java.util.Locale;
import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.MetaTask;
import org.mmeb.eval.task.MetricName;
import org.mmeb.eval.task.Modality;
import org.mmeb.eval.task.ReferenceParser;
import org.mmeb.eval.task.TaskSpec;

/** Task specs for reader tests: only the fields the readers look at vary. */
final class TestSpecs {
  private TestSpecs() {}

  static TaskSpec spec(
      String name,
      Layout layout,
      String parser,
      EvalType evalType,
      DedupeKey dedupeKey,
      String filePattern,
      String images) {
    return spec(
        name,
        layout,
        parser,
        evalType,
        dedupeKey,
        filePattern,
        images,
        "<video_token> Say what happens.");
  }

  static TaskSpec spec(
      String name,
      Layout layout,
      String parser,
      EvalType evalType,
      DedupeKey dedupeKey,
      String filePattern,
      String images,
      String queryInstruction) {
    return new TaskSpec(
        name,
        "test",
        layout == Layout.BEIR_VISDOC ? Modality.VISDOC : Modality.IMAGE,
        MetaTask.CLS,
        null,
        MetricName.parse("hit@1"),
        evalType,
        dedupeKey,
        layout,
        parser == null ? null : ReferenceParser.valueOf(parser.toUpperCase(Locale.ROOT)),
        "I",
        "T",
        queryInstruction,
        null,
        new TaskSpec.DataSource(null, List.of(name), "test", filePattern, images, null, null),
        0,
        null,
        8);
  }
}
