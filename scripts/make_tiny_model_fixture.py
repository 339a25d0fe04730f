#!/usr/bin/python3
"""Test fixture for the ONNX encoders: a tiny randomly initialised text + vision model (not trained),
exported to ONNX as a dual model (text.onnx + vision.onnx) and as a single graph (single.onnx),
with fixture images and reference embeddings computed here with torch on Pillow-preprocessed
pixels. The Java encoders must reproduce them to 1e-4 (OnnxTinyModelTest).

    /usr/bin/python3 scripts/make_tiny_model_fixture.py      (from the repository root)
Writes mmeb-eval/src/test/resources/encode/tiny/.
"""
import os

import numpy as np
import torch
from PIL import Image

import tiny_towers as tt

OUT = "mmeb-eval/src/test/resources/encode/tiny"
CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]
IMAGE = {"resize": "shortest_side", "size": 32, "crop": 32, "rescale": 1 / 255, "mean": CLIP_MEAN, "std": CLIP_STD}
VOCAB = "a red green blue circle square on background represent the given image with question what colour short clip".split()
MAX_LENGTH = 16

IMAGES = {"wide.png": (40, 27, "RGB"), "tall.png": (26, 50, "RGB"), "frame1.png": (36, 36, "RGB"),
          "frame2.png": (45, 33, "L"), "exact.png": (32, 32, "RGB")}
ITEMS = [
    {"key": "text", "text": "A red circle on a blue background.", "images": []},
    {"key": "image", "text": "", "images": ["wide.png"]},
    {"key": "text+image", "text": "<|image_1|>\nRepresent the given image with the question: what colour?",
     "images": ["tall.png"]},
    {"key": "unknown-words", "text": "zzz unknown Tokens, red", "images": []},
    {"key": "exact-size", "text": "", "images": ["exact.png"]},
    {"key": "video", "text": "a short clip", "images": ["frame1.png", "frame2.png"]},
]


def spec(name, **graphs):
    return dict({"name": name, "architecture": "single" if "graph" in graphs else "dual"}, **graphs,
                tokenizer={"file": "tokenizer.json", "max_length": MAX_LENGTH, "pad_id": 0, "pad_side": "right"},
                image=IMAGE, instruction={"mode": "strip"}, normalize=True)


def make_images():
    os.makedirs(f"{OUT}/images", exist_ok=True)
    rng = np.random.RandomState(7)
    for name, (w, h, mode) in IMAGES.items():
        yy, xx = np.mgrid[0:h, 0:w]
        base = np.stack([xx * 6 % 256, yy * 5 % 256, (xx * yy) % 256], -1)
        noise = rng.randint(0, 256, size=(h, w, 3))
        arr = np.where(rng.rand(h, w, 1) < 0.3, noise, base).astype(np.uint8)
        Image.fromarray(arr, "RGB").convert(mode).save(f"{OUT}/images/{name}")


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(1234)
    tok = tt.tokenizer_json(VOCAB)
    vocab = tok["model"]["vocab"]
    text, image = tt.TextTower(len(vocab), 24, 16), tt.ImageTower(16, channels=(8, 12, 16))
    tt.write_json(f"{OUT}/tokenizer.json", tok)
    tt.export(text, image, OUT, 32, single=True)
    make_images()
    tt.write_json(f"{OUT}/dual.json", spec("tiny-dual", text_graph={
        "file": "text.onnx", "input_ids": "input_ids", "attention_mask": "attention_mask",
        "output": "text_embeds", "pooling": "pooled"}, vision_graph={
        "file": "vision.onnx", "pixel_values": "pixel_values", "output": "image_embeds", "pooling": "pooled"}))
    tt.write_json(f"{OUT}/single.json", spec("tiny-single", graph={
        "file": "single.onnx", "input_ids": "input_ids", "attention_mask": "attention_mask",
        "pixel_values": "pixel_values", "output": "embeddings", "pooling": "pooled"}))
    vision_mean = spec("tiny-vision-mean", vision_graph={
        "file": "vision.onnx", "pixel_values": "pixel_values", "output": "patch_tokens", "pooling": "mean"})
    del vision_mean["tokenizer"]
    vision_mean["normalize"] = False
    tt.write_json(f"{OUT}/vision-mean.json", vision_mean)

    def pixels(path):
        return tt.preprocess(Image.open(f"{OUT}/images/{path}"), IMAGE).unsqueeze(0)

    def text_features(t):
        ids, mask = tt.pad_batch([tt.encode_text(t.replace("<|image_1|>", ""), vocab, MAX_LENGTH)])
        return text(ids, mask)[0]

    def unit(v):
        return (v / v.norm()).tolist()

    reference = {"items": ITEMS, "dual": {}, "single": {}, "vision-mean": {}, "ids": {}}
    with torch.no_grad():
        for item in ITEMS:
            stripped = item["text"].replace("<|image_1|>", "")
            reference["ids"][item["key"]] = tt.encode_text(stripped, vocab, MAX_LENGTH)
            feats = [image(pixels(p))[0] for p in item["images"]]
            fused = torch.stack(feats).mean(0) if feats else 0
            if stripped.strip() or not feats:
                fused = fused + text_features(item["text"])
            reference["dual"][item["key"]] = unit(fused)
            if len(item["images"]) <= 1:
                px = pixels(item["images"][0]) if item["images"] else torch.zeros(1, 3, 32, 32)
                ids, mask = tt.pad_batch([tt.encode_text(stripped, vocab, MAX_LENGTH)])
                reference["single"][item["key"]] = unit(tt.SingleGraph(text, image)(ids, mask, px)[0])
            if item["images"] and not stripped.strip() and len(item["images"]) == 1:
                reference["vision-mean"][item["key"]] = image.patches(pixels(item["images"][0]))[0].mean(0).tolist()
    tt.write_json(f"{OUT}/reference.json", reference)
    print("fixture written to", OUT)


if __name__ == "__main__":
    main()
