package org.mmeb.eval.result.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmeb.eval.UserError;

/**
 * A 2-D little-endian float32 matrix in numpy's {@code .npy} format (what {@code np.save(path,
 * x.astype('<f4'))} writes): rows are vectors. Only {@code descr '<f4'}, C order, and a 2-D shape
 * are accepted; anything else is a one-line error naming the file.
 */
public final class NpyFloatMatrix {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyFloatMatrix() {}

  public static float[][] read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] prefix = in.readNBytes(10);
      if (prefix.length < 10 || !startsWithMagic(prefix)) {
        throw bad(file, "not a .npy file (no \\x93NUMPY magic)");
      }
      int major = prefix[6];
      int headerLength;
      if (major == 1) {
        headerLength =
            ByteBuffer.wrap(prefix, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
      } else {
        byte[] more = in.readNBytes(2);
        headerLength =
            ByteBuffer.wrap(new byte[] {prefix[8], prefix[9], more[0], more[1]})
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
      }
      String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
      int[] shape = checkHeader(file, header);
      return readRows(file, in, shape[0], shape[1]);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  public static void write(Path file, float[][] rows, int dims) throws IOException {
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
            rows.length,
            dims);
    int unpadded = MAGIC.length + 4 + dict.length() + 1;
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(MAGIC);
      out.write(new byte[] {1, 0});
      out.write(
          ByteBuffer.allocate(2)
              .order(ByteOrder.LITTLE_ENDIAN)
              .putShort((short) header.length())
              .array());
      out.write(header.getBytes(StandardCharsets.ISO_8859_1));
      ByteBuffer row = ByteBuffer.allocate(4 * dims).order(ByteOrder.LITTLE_ENDIAN);
      for (float[] vector : rows) {
        if (vector.length != dims) {
          throw new IllegalArgumentException(
              "vector of " + vector.length + " dims, expected " + dims);
        }
        row.clear();
        row.asFloatBuffer().put(vector);
        out.write(row.array());
      }
    }
  }

  private static boolean startsWithMagic(byte[] prefix) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (prefix[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static int[] checkHeader(Path file, String header) {
    Matcher descr = DESCR.matcher(header);
    if (!descr.find() || !descr.group(1).equals("<f4")) {
      throw bad(
          file,
          "dtype '"
              + (descr.find(0) ? descr.group(1) : "?")
              + "', expected '<f4' (little-endian float32)");
    }
    Matcher fortran = FORTRAN.matcher(header);
    if (fortran.find() && fortran.group(1).equals("True")) {
      throw bad(file, "Fortran order, expected C order (np.ascontiguousarray)");
    }
    Matcher shape = SHAPE.matcher(header);
    String[] dims = shape.find() ? shape.group(1).split(",") : new String[0];
    java.util.List<Integer> sizes = new java.util.ArrayList<>();
    for (String d : dims) {
      if (!d.isBlank()) {
        sizes.add(Integer.parseInt(d.strip()));
      }
    }
    if (sizes.size() != 2) {
      throw bad(file, "shape " + sizes + ", expected 2 dimensions (vectors x dims)");
    }
    return new int[] {sizes.get(0), sizes.get(1)};
  }

  private static float[][] readRows(Path file, InputStream in, int rows, int dims)
      throws IOException {
    float[][] matrix = new float[rows][dims];
    byte[] bytes = new byte[4 * dims];
    for (int r = 0; r < rows; r++) {
      if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
        throw bad(file, "ends at row " + r + " of " + rows + " (truncated)");
      }
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(matrix[r]);
    }
    return matrix;
  }

  private static UserError bad(Path file, String what) {
    return new UserError(file + ": " + what);
  }
}
