#!/usr/bin/python3
"""Small ONNX graphs for the GPU path, written with onnx.helper (Debian python3-onnx; no torch).

    /usr/bin/python3 scripts/make_gpu_fixtures.py      (from the repository root)

Writes
- mmeb-eval/src/main/resources/org/mmeb/eval/encode/onnx/probe.onnx: one Add node, float32 [1, 4];
  the device probe opens it on every requested GPU, so a bad device fails before the model loads.
- mmeb-eval/src/test/resources/encode/half/: a dual model three times over, with the same weights:
  float32 (the reference), float16 and bfloat16 inputs and outputs (the towers compute in float32
  between Casts, so ONNX Runtime's CPU provider runs them); plus graphs with a wrong input dtype.
  The text tower returns token states [batch, tokens, 4] for mean pooling; the vision tower returns
  [batch, 4] from a per-channel mean of the pixels and a 3x4 matrix.
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MAIN = "mmeb-eval/src/main/resources/org/mmeb/eval/encode/onnx"
OUT = "mmeb-eval/src/test/resources/encode/half"
OPSET = [helper.make_opsetid("", 13)]
VOCAB = ["[PAD]", "[UNK]", "a", "red", "green", "blue", "circle", "square", "on", "background"]


def save(graph, path):
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="make_gpu_fixtures.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def probe():
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])
    save(helper.make_graph([helper.make_node("Add", ["x", "x"], ["y"])], "probe", [x], [y]),
         f"{MAIN}/probe.onnx")


def vision(dtype, weights, pixel_type=None):
    pixel_type = pixel_type or dtype
    pixels = helper.make_tensor_value_info("pixel_values", pixel_type, ["batch", 3, 8, 8])
    out = helper.make_tensor_value_info("image_embeds", dtype, ["batch", 4])
    nodes = [
        helper.make_node("Cast", ["pixel_values"], ["p32"], to=TensorProto.FLOAT),
        helper.make_node("ReduceMean", ["p32"], ["mean"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["mean", "W"], ["f32"]),
        helper.make_node("Cast", ["f32"], ["image_embeds"], to=dtype),
    ]
    return helper.make_graph(nodes, "vision", [pixels], [out],
                             [numpy_helper.from_array(weights, "W")])


def text(dtype, table, ids_type=TensorProto.INT64):
    ids = helper.make_tensor_value_info("input_ids", ids_type, ["batch", "tokens"])
    mask = helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"])
    out = helper.make_tensor_value_info("last_hidden_state", dtype, ["batch", "tokens", 4])
    nodes = [
        helper.make_node("Cast", ["input_ids"], ["ids"], to=TensorProto.INT64),
        helper.make_node("Gather", ["E", "ids"], ["states"]),
        helper.make_node("Cast", ["attention_mask"], ["m32"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["m32", "last_axis"], ["m3"]),
        helper.make_node("Mul", ["states", "m3"], ["masked"]),
        helper.make_node("Cast", ["masked"], ["last_hidden_state"], to=dtype),
    ]
    inits = [numpy_helper.from_array(table, "E"),
             numpy_helper.from_array(np.array([2], dtype=np.int64), "last_axis")]
    return helper.make_graph(nodes, "text", [ids, mask], [out], inits)


def tokenizer():
    vocab = {w: i for i, w in enumerate(VOCAB)}
    special = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                "normalized": False, "special": True} for i, t in enumerate(VOCAB[:2])]
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": special,
            "normalizer": {"type": "Lowercase"}, "pre_tokenizer": {"type": "Whitespace"},
            "post_processor": None, "decoder": None,
            "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "[UNK]"}}


def spec(name, suffix):
    return {
        "name": name, "architecture": "dual",
        "text_graph": {"file": f"text{suffix}.onnx", "input_ids": "input_ids",
                       "attention_mask": "attention_mask", "output": "last_hidden_state",
                       "pooling": "mean"},
        "vision_graph": {"file": f"vision{suffix}.onnx", "pixel_values": "pixel_values",
                         "output": "image_embeds", "pooling": "pooled"},
        "tokenizer": {"file": "tokenizer.json", "max_length": 16, "pad_id": 0, "pad_side": "right"},
        "image": {"resize": "exact", "size": 8, "rescale": 1 / 255, "mean": [0.5, 0.5, 0.5],
                  "std": [0.25, 0.25, 0.25]},
        "instruction": {"mode": "strip"}, "normalize": True}


def main():
    os.makedirs(MAIN, exist_ok=True)
    os.makedirs(OUT, exist_ok=True)
    probe()
    rng = np.random.RandomState(14)
    weights = rng.randn(3, 4).astype(np.float32)
    table = rng.randn(len(VOCAB), 4).astype(np.float32)
    for suffix, dtype in (("32", TensorProto.FLOAT), ("16", TensorProto.FLOAT16),
                          ("bf16", TensorProto.BFLOAT16)):
        save(vision(dtype, weights), f"{OUT}/vision{suffix}.onnx")
        save(text(dtype, table), f"{OUT}/text{suffix}.onnx")
        with open(f"{OUT}/spec{suffix}.json", "w") as f:
            json.dump(spec(f"half-{suffix}", suffix), f, indent=1)
    save(vision(TensorProto.FLOAT, weights, pixel_type=TensorProto.DOUBLE), f"{OUT}/vision-double.onnx")
    save(text(TensorProto.FLOAT, table, ids_type=TensorProto.FLOAT), f"{OUT}/text-float-ids.onnx")
    with open(f"{OUT}/tokenizer.json", "w") as f:
        json.dump(tokenizer(), f, indent=1)


if __name__ == "__main__":
    main()
