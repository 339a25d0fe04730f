package org.mmeb.eval.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mmeb.eval.UserError;
import org.mmeb.eval.score.ScoringBench;

/**
 * numpy's float32 matrix product ({@code q @ c.T}, BLAS sgemm on all cores) of the same size as a
 * scoring benchmark, timed in a {@code python3} child process: the machine's float32 ceiling as an
 * optimised BLAS reaches it. Random data is made before timing; only the products are timed
 * (process CPU time, all BLAS threads, and wall time). Candidates go in chunks of 8192 so that a
 * 10k × 100k result never sits in memory at once.
 */
final class NumpyProduct implements ScoringBench.ExternalProduct {
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, time",
          "import numpy as np",
          "repeats, n, m, d = map(int, sys.argv[1:5])",
          "rng = np.random.default_rng(0)",
          "q = rng.random((n, d), dtype=np.float32)",
          "c = rng.random((min(m, 8192), d), dtype=np.float32)",
          "q[:4] @ c[:4].T",
          "wall = cpu = 0.0",
          "for _ in range(repeats):",
          "    for start in range(0, m, 8192):",
          "        part = c[: min(8192, m - start)]",
          "        w, t = time.perf_counter(), time.process_time()",
          "        r = q @ part.T",
          "        cpu += time.process_time() - t",
          "        wall += time.perf_counter() - w",
          "print(wall, cpu)");

  @Override
  public String name() {
    return "numpy sgemm";
  }

  @Override
  public ScoringBench.Sample time(int repeats, int rows, int cols, int dims) {
    try {
      return sample(output(start(repeats, rows, cols, dims)));
    } catch (IOException e) {
      throw new UserError("--numpy: cannot run python3: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("--numpy: interrupted");
    }
  }

  /** What the process printed, once it exited 0. */
  private static String output(Process process) throws IOException, InterruptedException {
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new UserError("--numpy: python3 with numpy failed: " + out.strip());
    }
    return out;
  }

  /** The script's last line: wall and CPU seconds. */
  private static ScoringBench.Sample sample(String out) {
    String[] parts = out.strip().split("\\s+");
    return new ScoringBench.Sample(
        Double.parseDouble(parts[parts.length - 2]), Double.parseDouble(parts[parts.length - 1]));
  }

  private static Process start(int repeats, int rows, int cols, int dims) throws IOException {
    return new ProcessBuilder(
            "python3",
            "-c",
            SCRIPT,
            String.valueOf(repeats),
            String.valueOf(rows),
            String.valueOf(cols),
            String.valueOf(dims))
        .redirectErrorStream(true)
        .start();
  }
}
