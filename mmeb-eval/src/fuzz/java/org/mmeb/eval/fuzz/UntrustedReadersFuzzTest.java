package org.mmeb.eval.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.images.ImageStores;
import org.mmeb.eval.data.parquet.ParquetTable;
import org.mmeb.eval.encode.image.ImageDecoder;
import org.mmeb.eval.encode.onnx.ModelSpecs;
import org.mmeb.eval.result.submission.NpyFloatMatrix;

/**
 * Fuzz targets for every reader of files a stranger hands us. The contract: any input is either
 * read or refused as bad input ({@link UserError}, or an {@link IOException} the command turns
 * into one line); any other exception, an {@link OutOfMemoryError} or a hang is a finding. Run by
 * {@code scripts/fuzz.sh}; in a plain test run the methods replay the kept findings only.
 */
class UntrustedReadersFuzzTest {
  private static Path dir;

  @BeforeAll
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("mmeb-fuzz");
  }

  @AfterAll
  static void removeDir() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(dir);
  }

  @FuzzTest(maxDuration = "60s")
  void npySubmission(byte[] bytes) throws Exception {
    Path file = write("vectors.npy", bytes);
    refusedOrRead(() -> NpyFloatMatrix.read(file));
  }

  @FuzzTest(maxDuration = "60s")
  void parquetTable(byte[] bytes) throws Exception {
    Path file = write("table.parquet", bytes);
    refusedOrRead(() -> ParquetTable.forEachRow(file, ParquetTable.columns(file), row -> {}));
  }

  @FuzzTest(maxDuration = "60s")
  void modelSpec(byte[] bytes) throws Exception {
    Path file = write("spec.json", bytes);
    refusedOrRead(() -> ModelSpecs.read(file));
  }

  @FuzzTest(maxDuration = "60s")
  void image(byte[] bytes) throws Exception {
    refusedOrRead(() -> ImageDecoder.decode(bytes));
  }

  @FuzzTest(maxDuration = "60s")
  void zipArchive(byte[] bytes) throws Exception {
    Path file = write("images.zip", bytes);
    refusedOrRead(
        () -> {
          try (ImageStore store = ImageStores.open(file)) {
            store.read("a.png");
          }
        });
  }

  private static Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /** Anything but a refusal as bad input propagates, and Jazzer reports it as a finding. */
  private static void refusedOrRead(Read read) throws Exception {
    try {
      read.run();
    } catch (UserError | IOException refused) {
      // bad input, refused as such
    }
  }

  @FunctionalInterface
  private interface Read {
    void run() throws Exception;
  }
}
