package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Path;
import org.mmeb.eval.task.TaskSpec;

/** Reads one task's data from a local benchmark folder; one implementation per {@code Layout}. */
public interface TaskReader {
  /** The task's data, texts composed as the profile's backbone has them. */
  TaskData read(TaskSpec spec, Path dataRoot, PromptProfile profile) throws IOException;
}
