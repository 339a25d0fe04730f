package org.mmeb.eval.report;

import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.score.BenchmarkSummary;
import org.mmeb.eval.score.GroupScore;
import org.mmeb.eval.task.TaskSpec;

/** The aggregate columns of each benchmark's view, and which scorer group each one shows. */
public final class BenchmarkColumns {
  private BenchmarkColumns() {}

  /** A view column: its label and the {@link GroupScore} (kind, group) it displays. */
  public record Column(String label, String kind, String group) {
    public boolean metaTask() {
      return kind.equals(GroupScore.META_TASK);
    }

    /** The column's group in a summary, or null when the source has none of its datasets. */
    public GroupScore groupIn(BenchmarkSummary summary) {
      return summary.groups().stream()
          .filter(g -> g.kind().equals(kind) && g.group().equals(group))
          .filter(g -> g.present() > 0)
          .findFirst()
          .orElse(null);
    }
  }

  public static final String V1 = "mmeb-v1";
  public static final String V2 = "mmeb-v2";

  public static String title(String benchmark) {
    return switch (benchmark) {
      case V1 -> "MMEB-V1 (36 datasets)";
      case V2 -> "MMEB-V2 (78 tasks)";
      default -> benchmark;
    };
  }

  /**
   * The view's columns, headline last: the papers' columns for MMEB-V1 and V2; for any other
   * benchmark (mmeb-mini, a user's own) its meta-tasks in first-seen order, its modalities when it
   * has several, then Overall.
   */
  public static List<Column> of(String benchmark, List<TaskSpec> tasks) {
    return switch (benchmark) {
      case V1 -> V1_COLUMNS;
      case V2 -> V2_COLUMNS;
      default -> generic(tasks);
    };
  }

  private static List<Column> generic(List<TaskSpec> tasks) {
    List<Column> columns = new ArrayList<>();
    tasks.stream().map(t -> t.metaTask().label()).distinct().forEach(m -> columns.add(metaTask(m)));
    List<String> modalities = tasks.stream().map(t -> t.modality().label()).distinct().toList();
    if (modalities.size() > 1) {
      modalities.forEach(m -> columns.add(new Column(m, GroupScore.MODALITY, m)));
    }
    columns.add(new Column("Overall", GroupScore.OVERALL, "overall"));
    return List.copyOf(columns);
  }

  private static Column metaTask(String name) {
    return new Column(name, GroupScore.META_TASK, name);
  }

  private static final List<Column> V1_COLUMNS =
      List.of(
          metaTask("CLS"),
          metaTask("VQA"),
          metaTask("RET"),
          metaTask("GD"),
          new Column("IND", GroupScore.SPLIT, "IND"),
          new Column("OOD", GroupScore.SPLIT, "OOD"),
          new Column("Overall", GroupScore.OVERALL, "overall"));

  private static final List<Column> V2_COLUMNS =
      List.of(
          metaTask("I-CLS"),
          metaTask("I-QA"),
          metaTask("I-RET"),
          metaTask("I-VG"),
          metaTask("V-CLS"),
          metaTask("V-QA"),
          metaTask("V-RET"),
          metaTask("V-MRET"),
          metaTask("VD-ViDoRe-V1"),
          metaTask("VD-ViDoRe-V2"),
          metaTask("VD-VisRAG"),
          metaTask("VD-OOD"),
          new Column("Image", GroupScore.MODALITY, "image"),
          new Column("Video", GroupScore.MODALITY, "video"),
          new Column("VisDoc", GroupScore.MODALITY, "visdoc"),
          new Column("All", GroupScore.OVERALL, "overall"));
}
