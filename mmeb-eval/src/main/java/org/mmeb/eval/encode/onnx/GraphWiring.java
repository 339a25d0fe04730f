package org.mmeb.eval.encode.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How an ONNX graph's nodes are wired, and the shapes of its initializers: read from the model
 * protobuf by field number (onnx.proto's ModelProto, GraphProto, NodeProto, TensorProto), skipping
 * every tensor's data so that a large model is not read into memory beside the session's copy.
 * Subgraphs (If, Loop) are not followed.
 *
 * @param nodes the top-level graph's nodes, in file order
 * @param initializerDims each initializer's shape, by name
 */
record GraphWiring(List<Node> nodes, Map<String, long[]> initializerDims) {
  /** One node: its operator, the names it reads and writes, and its {@code axis} attribute. */
  record Node(String opType, List<String> inputs, List<String> outputs, long axis) {}

  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int NODE_INPUT = 1;
  private static final int NODE_OUTPUT = 2;
  private static final int NODE_OP_TYPE = 4;
  private static final int NODE_ATTRIBUTE = 5;
  private static final int ATTRIBUTE_NAME = 1;
  private static final int ATTRIBUTE_INT = 3;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_NAME = 8;

  /** Reads the wiring of {@code file}; an IOException for a file that is not an ONNX model. */
  static GraphWiring read(Path file) throws IOException {
    GraphWiring wiring = new GraphWiring(new ArrayList<>(), new HashMap<>());
    try (InputStream in = new FileInputStream(file.toFile())) {
      readFields(
          CodedInputStream.newInstance(in),
          (tag, stream) -> tag == message(MODEL_GRAPH) && readMessage(stream, wiring::readGraph));
    }
    return wiring;
  }

  private boolean readGraph(int tag, CodedInputStream in) throws IOException {
    if (tag == message(GRAPH_NODE)) {
      nodes.add(readNode(in));
      return true;
    }
    if (tag == message(GRAPH_INITIALIZER)) {
      readInitializer(in);
      return true;
    }
    return false;
  }

  private static Node readNode(CodedInputStream in) throws IOException {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String[] opType = {""};
    long[] axis = {0};
    readMessage(
        in,
        (tag, stream) -> {
          if (tag == message(NODE_INPUT)) {
            return inputs.add(stream.readString());
          } else if (tag == message(NODE_OUTPUT)) {
            return outputs.add(stream.readString());
          } else if (tag == message(NODE_OP_TYPE)) {
            opType[0] = stream.readString();
            return true;
          }
          return tag == message(NODE_ATTRIBUTE) && readAxis(stream, axis);
        });
    return new Node(opType[0], inputs, outputs, axis[0]);
  }

  /** Reads one attribute into {@code axis} when it is named {@code axis}. */
  private static boolean readAxis(CodedInputStream in, long[] axis) throws IOException {
    String[] name = {""};
    long[] value = {0};
    readMessage(
        in,
        (tag, stream) -> {
          if (tag == message(ATTRIBUTE_NAME)) {
            name[0] = stream.readString();
            return true;
          }
          if (tag == varint(ATTRIBUTE_INT)) {
            value[0] = stream.readInt64();
            return true;
          }
          return false;
        });
    if (name[0].equals("axis")) {
      axis[0] = value[0];
    }
    return true;
  }

  private void readInitializer(CodedInputStream in) throws IOException {
    List<Long> dims = new ArrayList<>();
    String[] name = {""};
    readMessage(
        in,
        (tag, stream) -> {
          if (tag == message(TENSOR_NAME)) {
            name[0] = stream.readString();
            return true;
          }
          return readDims(tag, stream, dims);
        });
    initializerDims.put(name[0], dims.stream().mapToLong(Long::longValue).toArray());
  }

  /** Dims come one varint per field (onnx.proto is proto2) or packed, as some writers do. */
  private static boolean readDims(int tag, CodedInputStream in, List<Long> dims)
      throws IOException {
    if (tag == varint(TENSOR_DIMS)) {
      return dims.add(in.readInt64());
    }
    if (tag != message(TENSOR_DIMS)) {
      return false;
    }
    int limit = in.pushLimit(in.readRawVarint32());
    while (in.getBytesUntilLimit() > 0) {
      dims.add(in.readInt64());
    }
    in.popLimit(limit);
    return true;
  }

  /** Reads one field of a message; false = not wanted here, skip it. */
  @FunctionalInterface
  private interface FieldReader {
    boolean read(int tag, CodedInputStream in) throws IOException;
  }

  private static void readFields(CodedInputStream in, FieldReader reader) throws IOException {
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (!reader.read(tag, in)) {
        in.skipField(tag);
      }
    }
  }

  /** Reads a length-delimited embedded message field by field. */
  private static boolean readMessage(CodedInputStream in, FieldReader reader) throws IOException {
    int limit = in.pushLimit(in.readRawVarint32());
    readFields(in, reader);
    in.popLimit(limit);
    return true;
  }

  /** The tag of a length-delimited field: an embedded message, a string or a packed list. */
  private static int message(int field) {
    return field << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  private static int varint(int field) {
    return field << 3 | WireFormat.WIRETYPE_VARINT;
  }
}
