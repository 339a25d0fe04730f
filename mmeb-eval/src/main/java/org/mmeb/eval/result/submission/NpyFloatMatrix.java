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

  /** numpy writes headers of a few hundred bytes and its readers refuse more than 10,000. */
  private static final int MAX_HEADER_BYTES = 1 << 16;

  /** A checked header: the shape it declares and where the data starts. */
  record Header(int rows, int dims, long dataOffset) {}

  /** Reads a matrix whose shape is whatever its (checked) header says. */
  public static float[][] read(Path file) {
    return read(file, -1, -1);
  }

  /**
   * Reads a matrix after checking, before allocating anything, that the header's shape is {@code
   * expectedRows x expectedDims} (-1: any) and that the file holds exactly that many bytes.
   */
  public static float[][] read(Path file, int expectedRows, int expectedDims) {
    if (!Files.isRegularFile(file)) {
      throw bad(file, "not a regular file");
    }
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      Header header = readHeader(file, in, Files.size(file));
      checkExpectedShape(file, header, expectedRows, expectedDims);
      return readRows(file, in, header.rows(), header.dims());
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void checkExpectedShape(
      Path file, Header header, int expectedRows, int expectedDims) {
    if (expectedRows >= 0 && header.rows() != expectedRows) {
      throw bad(file, header.rows() + " vectors, manifest.json says " + expectedRows);
    }
    if (expectedDims >= 0 && header.dims() != expectedDims) {
      throw bad(file, "vectors of " + header.dims() + " dims, manifest.json says " + expectedDims);
    }
  }

  static Header readHeader(Path file, InputStream in, long fileSize) throws IOException {
    byte[] prefix = in.readNBytes(10);
    if (prefix.length < 10 || !startsWithMagic(prefix)) {
      throw bad(file, "not a .npy file (no \\x93NUMPY magic)");
    }
    Prefix sizes = prefixSizes(file, in, prefix);
    long[] shape = checkHeader(file, headerText(file, in, sizes.headerLength()));
    long dataOffset = sizes.prefixLength() + sizes.headerLength();
    checkDataSize(file, shape, fileSize - dataOffset);
    requireArraySized(file, shape);
    return new Header((int) shape[0], (int) shape[1], dataOffset);
  }

  private static String headerText(Path file, InputStream in, long length) throws IOException {
    if (length > MAX_HEADER_BYTES) {
      throw bad(file, "header of " + length + " bytes (at most " + MAX_HEADER_BYTES + ")");
    }
    byte[] bytes = in.readNBytes((int) length);
    if (bytes.length != length) {
      throw bad(file, "ends inside its header");
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** The lengths of the fixed prefix (magic, version, header length) and of the header. */
  private record Prefix(int prefixLength, long headerLength) {}

  /** Version 1 stores the header length in 2 bytes, versions 2 and 3 in 4. */
  private static Prefix prefixSizes(Path file, InputStream in, byte[] prefix) throws IOException {
    int major = prefix[6];
    if (major == 1) {
      return new Prefix(
          10, ByteBuffer.wrap(prefix, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff);
    }
    if (major != 2 && major != 3) {
      throw bad(file, "format version " + major + ", expected 1, 2 or 3");
    }
    return new Prefix(12, fourByteHeaderLength(file, in, prefix));
  }

  /** The prefix's last two bytes and the next two, little-endian, unsigned. */
  private static long fourByteHeaderLength(Path file, InputStream in, byte[] prefix)
      throws IOException {
    byte[] more = in.readNBytes(2);
    if (more.length < 2) {
      throw bad(file, "ends inside its header");
    }
    byte[] length = {prefix[8], prefix[9], more[0], more[1]};
    return ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
  }

  private static long dataBytes(Path file, long[] shape) {
    try {
      return Math.multiplyExact(Math.multiplyExact(shape[0], shape[1]), 4L);
    } catch (ArithmeticException e) {
      throw bad(file, "shape (" + shape[0] + ", " + shape[1] + ") overflows");
    }
  }

  /** The data must be exactly the declared shape's float32 bytes. */
  private static void checkDataSize(Path file, long[] shape, long fileDataBytes) {
    long dataBytes = dataBytes(file, shape);
    if (fileDataBytes != dataBytes) {
      throw bad(
          file,
          String.format(
              Locale.ROOT,
              "shape (%d, %d) needs %d bytes of float32 data, the file holds %d",
              shape[0],
              shape[1],
              dataBytes,
              fileDataBytes));
    }
  }

  private static void requireArraySized(Path file, long[] shape) {
    if (shape[0] > Integer.MAX_VALUE || shape[1] > Integer.MAX_VALUE / 4) {
      throw bad(file, "shape (" + shape[0] + ", " + shape[1] + ") is too large");
    }
  }

  public static void write(Path file, float[][] rows, int dims) throws IOException {
    String header = header(rows.length, dims);
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
      writeRows(out, rows, dims);
    }
  }

  /** A version 1 header, padded with spaces so the data starts on a 64-byte boundary. */
  private static String header(int rows, int dims) {
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
            rows,
            dims);
    int unpadded = MAGIC.length + 4 + dict.length() + 1;
    return dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
  }

  private static void writeRows(OutputStream out, float[][] rows, int dims) throws IOException {
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

  private static boolean startsWithMagic(byte[] prefix) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (prefix[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static long[] checkHeader(Path file, String header) {
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
    return shape(file, header);
  }

  /** The header's shape, which must have two sizes (vectors x dims). */
  private static long[] shape(Path file, String header) {
    Matcher shape = SHAPE.matcher(header);
    String[] dims = shape.find() ? shape.group(1).split(",") : new String[0];
    java.util.List<Long> sizes = new java.util.ArrayList<>();
    for (String d : dims) {
      if (!d.isBlank()) {
        sizes.add(size(file, d.strip()));
      }
    }
    if (sizes.size() != 2) {
      throw bad(file, "shape " + sizes + ", expected 2 dimensions (vectors x dims)");
    }
    return new long[] {sizes.get(0), sizes.get(1)};
  }

  private static long size(Path file, String text) {
    try {
      long size = Long.parseLong(text.endsWith("L") ? text.substring(0, text.length() - 1) : text);
      if (size < 0) {
        throw bad(file, "negative size " + size + " in its shape");
      }
      return size;
    } catch (NumberFormatException e) {
      throw bad(file, "shape entry '" + text + "' is not a size");
    }
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
