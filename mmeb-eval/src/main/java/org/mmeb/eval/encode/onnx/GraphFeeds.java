package org.mmeb.eval.encode.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.platform.Fp16Conversions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of one run, in the element types the graph declares: ids and masks as int64 or int32,
 * pixels as float32, float16 or bfloat16 (half-precision exports take half-precision pixels;
 * feeding them float32 fails on the first batch). Closes every tensor it made.
 */
final class GraphFeeds implements AutoCloseable {
  private final Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
  private final Map<String, OnnxJavaType> types;

  GraphFeeds(Map<String, OnnxJavaType> inputTypes) {
    this.types = inputTypes;
  }

  Map<String, OnnxTensor> tensors() {
    return tensors;
  }

  void putIds(String name, LongBuffer values, long[] shape) throws OrtException {
    if (name == null) {
      return;
    }
    if (types.get(name) != OnnxJavaType.INT32) {
      tensors.put(name, OnnxTensor.createTensor(SessionFactory.ENV, values.duplicate(), shape));
      return;
    }
    tensors.put(name, OnnxTensor.createTensor(SessionFactory.ENV, narrowed(values), shape));
  }

  /** int64 ids as the int32 a graph may take instead (ids and masks fit). */
  private static IntBuffer narrowed(LongBuffer values) {
    IntBuffer ints =
        ByteBuffer.allocateDirect(values.capacity() * Integer.BYTES)
            .order(ByteOrder.nativeOrder())
            .asIntBuffer();
    for (int i = 0; i < values.capacity(); i++) {
      ints.put(i, Math.toIntExact(values.get(i)));
    }
    return ints;
  }

  void putPixels(String name, FloatBuffer pixels, long[] shape) throws OrtException {
    OnnxJavaType type = types.get(name);
    if (type != OnnxJavaType.FLOAT16 && type != OnnxJavaType.BFLOAT16) {
      tensors.put(name, OnnxTensor.createTensor(SessionFactory.ENV, pixels.duplicate(), shape));
      return;
    }
    tensors.put(name, OnnxTensor.createTensor(SessionFactory.ENV, half(pixels, type), shape, type));
  }

  /** float32 to float16 or bfloat16, rounding to nearest even as ONNX Runtime's own Cast does. */
  static ShortBuffer half(FloatBuffer pixels, OnnxJavaType type) {
    FloatBuffer in = pixels.duplicate();
    int n = in.remaining();
    ShortBuffer out =
        ByteBuffer.allocateDirect(n * Short.BYTES).order(ByteOrder.nativeOrder()).asShortBuffer();
    boolean fp16 = type == OnnxJavaType.FLOAT16;
    for (int i = 0; i < n; i++) {
      float v = in.get(in.position() + i);
      out.put(i, fp16 ? Fp16Conversions.floatToFp16(v) : Fp16Conversions.floatToBf16(v));
    }
    return out;
  }

  /** Closes every tensor; later calls do nothing. */
  @Override
  public void close() {
    tensors.values().forEach(OnnxTensor::close);
    tensors.clear();
  }
}
