#!/usr/bin/python3
"""Tiny stand-in graphs with the inputs and outputs that the baseline templates name.

Run from the repository root with Debian's python3-onnx:
    /usr/bin/python3 scripts/make_baseline_template_fixtures.py
Writes mmeb-eval/src/test/resources/encode/baseline-templates/<name>/{text,vision}.onnx, one pair per
template under models/baselines/, each as scripts/export_baseline_towers.py exports the real model:
- text graph: int64 input_ids [batch, seq] (seq fixed at 77 for OpenCLIP, whose tokenizer pads to
  its context length), int64 attention_mask when the template feeds one, float32 text_features
  [batch, dim];
- vision graph: float32 pixel_values [batch, 3, side, side] at the template's resolution, float32
  image_features [batch, dim].
The embedding dims are the real models' (CLIP ViT-L/14 768, OpenCLIP ViT-B-16 512, SigLIP so400m
1152, BLIP-2 Q-Former 768). The maths is a stand-in (mean of the inputs times a fixed vector), so
the files stay a few kB: a test checks that each template opens against its graphs (names, ranks,
resolution, dims) and embeds, not what the real weights compute.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = "mmeb-eval/src/test/resources/encode/baseline-templates"

# name: (text seq length or None for dynamic, takes attention_mask, image side, dim)
TEMPLATES = {
    "clip": (None, True, 224, 768),
    "openclip": (77, False, 224, 512),
    "siglip": (None, True, 384, 1152),
    "blip2": (None, True, 224, 768),
}


def direction(dim, seed):
    rng = np.random.RandomState(seed)
    return numpy_helper.from_array(rng.randn(1, dim).astype(np.float32), "direction")


def save(graph, path):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, path)


def text_graph(seq, with_mask, dim, seed):
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", seq or "seq"])]
    nodes = [helper.make_node("Cast", ["input_ids"], ["ids_f"], to=TensorProto.FLOAT)]
    mean_of = "ids_f"
    if with_mask:
        inputs.append(helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", seq or "seq"]))
        nodes += [
            helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
            helper.make_node("Mul", ["ids_f", "mask_f"], ["masked"]),
        ]
        mean_of = "masked"
    nodes += [
        helper.make_node("ReduceMean", [mean_of], ["mean"], axes=[1], keepdims=1),
        helper.make_node("Mul", ["mean", "direction"], ["text_features"]),
    ]
    out = [helper.make_tensor_value_info("text_features", TensorProto.FLOAT, ["batch", dim])]
    return helper.make_graph(nodes, "text", inputs, out, [direction(dim, seed)])


def vision_graph(side, dim, seed):
    inputs = [helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch", 3, side, side])]
    nodes = [
        helper.make_node("ReduceMean", ["pixel_values"], ["mean"], axes=[1, 2, 3], keepdims=0),
        helper.make_node("Unsqueeze", ["mean", "axis"], ["column"]),
        helper.make_node("Mul", ["column", "direction"], ["image_features"]),
    ]
    axis = numpy_helper.from_array(np.array([1], dtype=np.int64), "axis")
    out = [helper.make_tensor_value_info("image_features", TensorProto.FLOAT, ["batch", dim])]
    return helper.make_graph(nodes, "vision", inputs, out, [direction(dim, seed), axis])


def main():
    for i, (name, (seq, with_mask, side, dim)) in enumerate(sorted(TEMPLATES.items())):
        folder = os.path.join(OUT, name)
        os.makedirs(folder, exist_ok=True)
        save(text_graph(seq, with_mask, dim, 100 + i), os.path.join(folder, "text.onnx"))
        save(vision_graph(side, dim, 200 + i), os.path.join(folder, "vision.onnx"))


if __name__ == "__main__":
    main()
