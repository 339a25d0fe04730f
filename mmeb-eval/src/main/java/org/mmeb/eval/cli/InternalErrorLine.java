package org.mmeb.eval.cli;

/**
 * The one line an internal error (exit 3) prints: what was thrown, its message on one line, and for
 * running out of memory, how to give the JVM more.
 */
final class InternalErrorLine {
  static final String JAVA_OPTS = "MMEB_EVAL_JAVA_OPTS";

  private InternalErrorLine() {}

  static String of(Throwable e, boolean traceShown) {
    Throwable root = outOfMemory(e);
    if (root != null) {
      return "internal error: out of memory ("
          + oneLine(root.getMessage())
          + "); give the JVM more, e.g. "
          + JAVA_OPTS
          + "=\""
          + (isDirect(root) ? "-Xmx8g -XX:MaxDirectMemorySize=8g" : "-Xmx16g")
          + "\" bin/mmeb-eval ... (the launcher's default is -Xmx4g), or lower --batch-size";
    }
    return "internal error: "
        + oneLine(e.toString())
        + (traceShown ? "" : " (please report it; rerun with --stacktrace for the trace)");
  }

  private static Throwable outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return t;
      }
    }
    return null;
  }

  private static boolean isDirect(Throwable oom) {
    return oom.getMessage() != null
        && oom.getMessage().toLowerCase(java.util.Locale.ROOT).contains("direct buffer memory");
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
