package org.mmeb.eval;

/**
 * A name from user input (model, benchmark, task) as one path segment: characters other than
 * letters, digits and {@code . _ + -} become {@code _} (a {@code /} in a model name {@code
 * org/model} becomes {@code __}), and a name that would still mean "here" or "the parent" ({@code
 * .}, {@code ..}, empty) is refused, so a name can never lead a file outside the folder given.
 */
public final class SafeFileName {
  private SafeFileName() {}

  public static String of(String name) {
    String safe = name.replace("/", "__").replaceAll("[^A-Za-z0-9._+-]", "_");
    if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
      throw new UserError(
          "'" + name + "' cannot be used as a name that becomes a file or folder name");
    }
    return safe;
  }
}
