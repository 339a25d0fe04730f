#!/usr/bin/env python3
"""Splits a combined CLIP/SigLIP ONNX export into the two graphs of a `dual` model spec.

`optimum-cli export onnx --task feature-extraction` exports CLIPModel / SiglipModel as one graph that
needs text and pixels together (outputs text_embeds, image_embeds, logits). mmeb-eval runs the
towers separately, so this cuts out the text subgraph and the vision subgraph:

    python3 scripts/split_onnx_towers.py clip-onnx/model.onnx clip-onnx/
    python3 scripts/split_onnx_towers.py clip-onnx/model.onnx clip-onnx/ --list

writes text.onnx (the text inputs -> --text-output) and vision.onnx (pixel_values -> --vision-output).
text_embeds / image_embeds of CLIPModel and SiglipModel are already L2-normalised; the MMEB
CLIP-style baselines fuse *unnormalised* features, so pass the projection outputs instead (--list
prints the graph's tensors whose names mention a projection or head). Needs the `onnx` package.
"""
import argparse
import os

import onnx
from onnx import TensorProto, helper, shape_inference, utils

TEXT_INPUTS = ("input_ids", "attention_mask", "position_ids", "token_type_ids")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("model")
    p.add_argument("out")
    p.add_argument("--text-output", default="text_embeds")
    p.add_argument("--vision-output", default="image_embeds")
    p.add_argument("--list", action="store_true", help="list candidate feature tensors and stop")
    a = p.parse_args()
    model = onnx.load(a.model, load_external_data=False)
    if a.list:
        for node in model.graph.node:
            for out in node.output:
                if any(k in out.lower() for k in ("projection", "head", "pooler", "embeds")):
                    print(out)
        return
    inputs = [i.name for i in model.graph.input]
    text_inputs = [n for n in inputs if n in TEXT_INPUTS]
    os.makedirs(a.out, exist_ok=True)
    # extract_model needs shapes on the cut tensors; infer them into a temporary copy first
    inferred = os.path.join(a.out, ".inferred.onnx")
    shape_inference.infer_shapes_path(a.model, inferred)
    with_shapes = onnx.load(inferred)
    known = {v.name: v for v in with_shapes.graph.value_info}
    for name in (a.text_output, a.vision_output):
        if name not in known or not known[name].type.tensor_type.HasField("shape"):
            if name in known:
                with_shapes.graph.value_info.remove(known[name])
            # feature outputs are [batch, features]; shape inference may leave them unshaped
            with_shapes.graph.value_info.append(
                helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", "features"]))
    onnx.save(with_shapes, inferred)
    try:
        utils.extract_model(inferred, os.path.join(a.out, "text.onnx"), text_inputs, [a.text_output])
        utils.extract_model(inferred, os.path.join(a.out, "vision.onnx"), ["pixel_values"], [a.vision_output])
    finally:
        os.remove(inferred)
    print(f"text.onnx: {text_inputs} -> {a.text_output}; vision.onnx: ['pixel_values'] -> {a.vision_output}")


if __name__ == "__main__":
    main()
