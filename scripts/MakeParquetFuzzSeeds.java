import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Seed inputs for the Jazzer parquetTable target (scripts/fuzz.sh), written by DuckDB as a
 * publisher would: a V1-shaped table (strings, a list of strings, the datasets Image struct with
 * bytes and path) in Snappy and in zstd, two rows per row group.
 *
 * <p>Run: java -cp ~/.m2/repository/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar
 * scripts/MakeParquetFuzzSeeds.java
 */
public class MakeParquetFuzzSeeds {
  public static void main(String[] args) throws Exception {
    Path out =
        Path.of(
            "mmeb-eval/src/fuzz/resources/org/mmeb/eval/fuzz/UntrustedReadersFuzzTestInputs/parquetTable");
    Files.createDirectories(out);
    String table =
        "SELECT 'query ' || i AS qry, 'images/q' || i || '.png' AS qry_image_path,"
            + " ['cand ' || i, 'other ' || i] AS tgt_text,"
            + " {'bytes': '\\x89PNG'::BLOB, 'path': 'p' || i || '.png'} AS image,"
            + " i AS id FROM range(5) t(i)";
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      for (String codec : new String[] {"snappy", "zstd"}) {
        Path file = out.resolve("seed-" + codec + ".parquet").toAbsolutePath();
        sql.execute(
            "COPY (" + table + ") TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec
                + ", ROW_GROUP_SIZE 2)");
      }
    }
  }
}
