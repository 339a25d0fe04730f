package org.mmeb.eval.data.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * DuckDB (JDBC, in memory, one thread so rows keep their order) as an independent Parquet writer:
 * its Parquet code shares nothing with parquet-java.
 */
public final class DuckDb {
  private DuckDb() {}

  /** Runs statements in one fresh in-memory database. */
  public static void execute(String... statements) throws IOException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute("SET preserve_insertion_order = true");
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IOException("duckdb: " + e.getMessage(), e);
    }
  }

  /**
   * Rewrites {@code from} as {@code to} with DuckDB's COPY options, e.g. {@code COMPRESSION zstd}.
   */
  public static void rewrite(Path from, Path to, String copyOptions) throws IOException {
    execute(
        "COPY (SELECT * FROM read_parquet("
            + literal(from.toString())
            + ")) TO "
            + literal(to.toString())
            + " (FORMAT parquet"
            + (copyOptions.isBlank() ? "" : ", " + copyOptions)
            + ")");
  }

  /** Rewrites every {@code .parquet} file under {@code root} in place. */
  public static void rewriteAll(Path root, String copyOptions) throws IOException {
    for (Path file : parquetFiles(root)) {
      Path rewritten = file.resolveSibling(file.getFileName() + ".duckdb");
      rewrite(file, rewritten, copyOptions);
      Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static List<Path> parquetFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  /** A SQL string literal. */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
