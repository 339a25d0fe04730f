#!/usr/bin/python3
"""Test fixture for memory tests: a vision graph that takes pixels of ANY height and width
(pixel_values [batch, 3, h, w] -> per-channel mean -> a fixed 3 x 16 projection -> image_embeds
[batch, 16], the width of the tiny text graph), so a test can make prepared batches as large as a
real model's 224^2 or 448^2 inputs without shipping a large model.

    /usr/bin/python3 scripts/make_any_size_vision_fixture.py      (from the repository root)
Writes mmeb-eval/src/test/resources/encode/any-size/vision.onnx.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = "mmeb-eval/src/test/resources/encode/any-size"


def main():
    rng = np.random.default_rng(9)
    projection = numpy_helper.from_array(rng.standard_normal((3, 16)).astype(np.float32), "projection")
    nodes = [
        helper.make_node("ReduceMean", ["pixel_values"], ["channel_means"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["channel_means", "projection"], ["image_embeds"]),
    ]
    graph = helper.make_graph(
        nodes,
        "any_size_vision",
        [helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch", 3, "height", "width"])],
        [helper.make_tensor_value_info("image_embeds", TensorProto.FLOAT, ["batch", 16])],
        [projection],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(OUT, exist_ok=True)
    onnx.save(model, os.path.join(OUT, "vision.onnx"))


if __name__ == "__main__":
    main()
