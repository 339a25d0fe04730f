"""Tiny dual-tower model shared by the test fixture and the demo model (not a real embedder).

Text tower: word-level tokenizer (Hugging Face tokenizers JSON: Lowercase normaliser, Whitespace
pre-tokeniser, WordLevel model) -> embedding -> masked mean -> linear. Image tower: three strided
3x3 convolutions -> patch tokens -> mean -> linear. Both towers output unnormalised features of the
same size, so a text+image item is their sum (the MMEB CLIP-style fusion).
Also the Hugging Face-style image preprocessing done with Pillow, and the ONNX export.
"""
import json
import re

import numpy as np
import torch
from PIL import Image
from torch import nn

PAD, UNK = "[PAD]", "[UNK]"
WORD = re.compile(r"\w+|[^\w\s]+")


def words(text):
    return WORD.findall(text.lower())


def tokenizer_json(vocabulary):
    """A tokenizer.json DJL/HF tokenizers load: ids 0 = [PAD], 1 = [UNK], then the words."""
    vocab = {PAD: 0, UNK: 1}
    for w in vocabulary:
        vocab.setdefault(w, len(vocab))
    special = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                "normalized": False, "special": True} for t, i in ((PAD, 0), (UNK, 1))]
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": special,
            "normalizer": {"type": "Lowercase"}, "pre_tokenizer": {"type": "Whitespace"},
            "post_processor": None, "decoder": None,
            "model": {"type": "WordLevel", "vocab": vocab, "unk_token": UNK}}


def encode_text(text, vocab, max_length):
    ids = [vocab.get(w, 1) for w in words(text)][:max_length]
    return ids


def pad_batch(rows):
    length = max(1, max(len(r) for r in rows))
    ids = torch.zeros(len(rows), length, dtype=torch.int64)
    mask = torch.zeros(len(rows), length, dtype=torch.int64)
    for i, r in enumerate(rows):
        ids[i, :len(r)] = torch.tensor(r, dtype=torch.int64)
        mask[i, :len(r)] = 1
    return ids, mask


class TextTower(nn.Module):
    def __init__(self, vocab_size, width, dim):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, width)
        self.proj = nn.Linear(width, dim)

    def forward(self, input_ids, attention_mask):
        m = attention_mask.unsqueeze(-1).to(torch.float32)
        pooled = (self.embed(input_ids) * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.proj(torch.tanh(pooled))


class ImageTower(nn.Module):
    def __init__(self, dim, channels=(16, 32, 64)):
        super().__init__()
        layers, c_in = [], 3
        for c in channels:
            layers += [nn.Conv2d(c_in, c, 3, stride=2, padding=1), nn.ReLU()]
            c_in = c
        self.convs = nn.Sequential(*layers)
        self.proj = nn.Linear(c_in, dim)

    def patches(self, pixel_values):
        return self.convs(pixel_values).flatten(2).transpose(1, 2)

    def forward(self, pixel_values):
        return self.both(pixel_values)[0]

    def both(self, pixel_values):
        """Pooled features and patch tokens in one pass."""
        patches = self.patches(pixel_values)
        return self.proj(patches.mean(1)), patches


class VisionGraph(nn.Module):
    """What the vision ONNX graph computes: pooled features and the raw patch tokens."""

    def __init__(self, tower):
        super().__init__()
        self.tower = tower

    def forward(self, pixel_values):
        return self.tower.both(pixel_values)


class SingleGraph(nn.Module):
    """Both towers in one graph: ids, mask and pixels in, the fused features out."""

    def __init__(self, text, image):
        super().__init__()
        self.text, self.image = text, image

    def forward(self, input_ids, attention_mask, pixel_values):
        return self.text(input_ids, attention_mask) + self.image(pixel_values)


def preprocess(img, spec):
    """Hugging Face image-processor maths with Pillow: RGB, bicubic resize, centre crop, normalise."""
    img = img.convert("RGB")
    w, h = img.size
    if spec["resize"] == "exact":
        size = (spec.get("width") or spec["size"], spec.get("height") or spec["size"])
    else:
        short, long = (w, h) if w <= h else (h, w)
        new_long = int(spec["size"] * long / short)
        size = (spec["size"], new_long) if w <= h else (new_long, spec["size"])
    img = img.resize(size, resample=Image.BICUBIC, reducing_gap=None)
    crop = spec.get("crop")
    if crop:
        w, h = img.size
        top, left = (h - crop) // 2, (w - crop) // 2
        img = img.crop((left, top, left + crop, top + crop))
    x = (np.asarray(img).astype(np.float64) * spec.get("rescale", 1 / 255)).astype(np.float32)
    x = (x - np.array(spec["mean"], dtype=np.float32)) / np.array(spec["std"], dtype=np.float32)
    return torch.from_numpy(np.ascontiguousarray(x.transpose(2, 0, 1)))


def export(text, image, folder, side, single=False):
    """Writes text.onnx, vision.onnx (and single.onnx) under folder."""
    text.eval()
    image.eval()
    ids, mask = pad_batch([[2, 3], [4]])
    pixels = torch.zeros(2, 3, side, side)
    axes_text = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}}
    torch.onnx.export(text, (ids, mask), f"{folder}/text.onnx", input_names=["input_ids", "attention_mask"],
                      output_names=["text_embeds"], dynamic_axes=dict(axes_text, text_embeds={0: "batch"}),
                      opset_version=13)
    torch.onnx.export(VisionGraph(image), (pixels,), f"{folder}/vision.onnx", input_names=["pixel_values"],
                      output_names=["image_embeds", "patch_tokens"],
                      dynamic_axes={"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"},
                                    "patch_tokens": {0: "batch"}}, opset_version=13)
    if single:
        torch.onnx.export(SingleGraph(text, image), (ids, mask, pixels), f"{folder}/single.onnx",
                          input_names=["input_ids", "attention_mask", "pixel_values"],
                          output_names=["embeddings"],
                          dynamic_axes=dict(axes_text, pixel_values={0: "batch"}, embeddings={0: "batch"}),
                          opset_version=13)


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=1)
        f.write("\n")
