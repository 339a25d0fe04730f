package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Path;
import org.mmeb.eval.task.TaskSpec;

/** Reads one task's data from a local benchmark folder; one implementation per {@code Layout}. */
public interface TaskReader {
  TaskData read(TaskSpec spec, Path dataRoot) throws IOException;
}
