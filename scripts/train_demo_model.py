#!/usr/bin/python3
"""Trains the demo model and builds the random baseline (run by a developer, not by the build).

The demo model is a demo of the pipeline, not a real embedder: a bag-of-words text tower and a
four-layer CNN image tower (scripts/tiny_towers.py), trained contrastively (symmetric InfoNCE,
in-batch negatives) on the synthetic pairs of `bin/mmeb-eval data synth`, which show 30 concepts
(6 colours x 5 shapes) in the same prompts as the mmeb-mini tasks.

    bin/mmeb-eval data synth --out /tmp/synth --train-pairs 14000
    /usr/bin/python3 scripts/train_demo_model.py --data /tmp/synth

Writes models/demo/ (text.onnx, vision.onnx, tokenizer.json, spec.json, reference/) and
models/random-baseline/ (same shapes; fixed random features: a random projection followed by
sin(100 x), so even near-identical inputs point in unrelated directions and every task scores at
chance). reference/ holds a few training items and their embeddings computed here with torch, which
DemoModelTest reproduces from Java. Needs Debian's python3-torch, python3-pil, python3-numpy.
"""
import argparse
import json
import os
import random
import shutil

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from torch import nn

import tiny_towers as tt

IMAGE_TOKEN = "<|image_1|>"
MAX_LENGTH = 32
DIM = 64
IMAGE = {"resize": "exact", "size": 64, "rescale": 1 / 255, "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]}


def spec(name, image):
    return {
        "name": name,
        "architecture": "dual",
        "text_graph": {"file": "text.onnx", "input_ids": "input_ids", "attention_mask": "attention_mask",
                       "output": "text_embeds", "pooling": "pooled"},
        "vision_graph": {"file": "vision.onnx", "pixel_values": "pixel_values", "output": "image_embeds",
                         "pooling": "pooled"},
        "tokenizer": {"file": "tokenizer.json", "max_length": MAX_LENGTH, "pad_id": 0, "pad_side": "right"},
        "image": image,
        "instruction": {"mode": "strip"},
        "normalize": True,
    }


def side_text(text):
    return text.replace(IMAGE_TOKEN, "")


class Pairs:
    """Tokenised texts and preprocessed images of pairs.jsonl, held in memory."""

    def __init__(self, folder, vocab):
        self.rows = [json.loads(line) for line in open(f"{folder}/pairs.jsonl")]
        paths = sorted({r[k] for r in self.rows for k in ("qry_img_path", "tgt_img_path") if r[k]})
        index = {p: i for i, p in enumerate(paths)}
        self.pixels = torch.stack([tt.preprocess(Image.open(f"{folder}/{p}"), IMAGE) for p in paths])
        self.sides = []
        for side in ("qry", "tgt"):
            texts = [side_text(r[f"{side}_text"]) for r in self.rows]
            ids = [tt.encode_text(t, vocab, MAX_LENGTH) for t in texts]
            has_text = torch.tensor([bool(t.strip()) or not r[f"{side}_img_path"] for t, r in zip(texts, self.rows)])
            img = torch.tensor([index.get(r[f"{side}_img_path"], -1) for r in self.rows])
            keys = [r[f"{side}_text"] + "\0" + r[f"{side}_img_path"] for r in self.rows]
            self.sides.append((ids, has_text, img, keys))


def embed(model, pairs, side, batch):
    text, image = model
    ids_list, has_text, img, _ = pairs.sides[side]
    ids, mask = tt.pad_batch([ids_list[i] for i in batch])
    out = text(ids, mask) * has_text[batch].unsqueeze(1).float()
    idx = img[batch]
    with_image = (idx >= 0).nonzero().squeeze(1)
    if len(with_image):
        out = out.index_add(0, with_image, image(pairs.pixels[idx[with_image]]))
    return out


def train(pairs, vocab_size, epochs, seed):
    torch.manual_seed(seed)
    model = (tt.TextTower(vocab_size, 64, DIM), tt.ImageTower(DIM, channels=(24, 48, 96, 128)))
    params = list(model[0].parameters()) + list(model[1].parameters())
    opt = torch.optim.AdamW(params, lr=3e-3, weight_decay=1e-4)
    order = list(range(len(pairs.rows)))
    rng = random.Random(seed)
    steps = epochs * (len(order) // 256)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps)
    qkeys, tkeys = pairs.sides[0][3], pairs.sides[1][3]
    for epoch in range(epochs):
        rng.shuffle(order)
        total, correct, seen = 0.0, 0, 0
        for start in range(0, len(order) - 255, 256):
            batch = torch.tensor(order[start:start + 256])
            q = F.normalize(embed(model, pairs, 0, batch), dim=1)
            t = F.normalize(embed(model, pairs, 1, batch), dim=1)
            logits = q @ t.T / 0.05
            # identical targets (e.g. the answer "red") are not negatives of each other
            same_t = torch.tensor([[tkeys[i] == tkeys[j] for j in batch] for i in batch])
            same_q = torch.tensor([[qkeys[i] == qkeys[j] for j in batch] for i in batch])
            eye = torch.eye(len(batch), dtype=torch.bool)
            labels = torch.arange(len(batch))
            loss = (F.cross_entropy(logits.masked_fill(same_t & ~eye, -1e4), labels)
                    + F.cross_entropy(logits.T.masked_fill(same_q & ~eye, -1e4), labels)) / 2
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(batch)
            correct += (logits.masked_fill(same_t & ~eye, -1e4).argmax(1) == labels).sum().item()
            seen += len(batch)
        print(f"epoch {epoch + 1}/{epochs}: loss {total / seen:.4f}, in-batch q->t accuracy {correct / seen:.3f}")
    return model


class RandomText(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, DIM)
        self.proj = nn.Linear(DIM, DIM)

    def forward(self, input_ids, attention_mask):
        m = attention_mask.unsqueeze(-1).to(torch.float32)
        return torch.sin(100.0 * self.proj((self.embed(input_ids) * m).sum(1) / m.sum(1).clamp(min=1.0)))


class RandomImage(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(3 * 16 * 16, DIM)

    def forward(self, pixel_values):
        return torch.sin(100.0 * self.proj(pixel_values.flatten(1)))

    def both(self, pixel_values):
        features = self.forward(pixel_values)
        return features, features.unsqueeze(1)


def write_reference(model, folder, out, count_per_style=1):
    """A few training items (one per prompt style) with their embeddings, for the Java test."""
    rows = [json.loads(line) for line in open(f"{folder}/pairs.jsonl")]
    os.makedirs(f"{out}/reference/images", exist_ok=True)
    vocab = json.load(open(f"{out}/tokenizer.json"))["model"]["vocab"]
    text, image = model
    items = []
    for i, r in enumerate(rows[:7 * count_per_style]):
        for side in ("qry", "tgt"):
            path = r[f"{side}_img_path"]
            if path:
                shutil.copy(f"{folder}/{path}", f"{out}/reference/images/{os.path.basename(path)}")
            items.append({"key": f"{i}-{side}", "text": r[f"{side}_text"],
                          "images": [os.path.basename(path)] if path else []})
    embeddings = {}
    with torch.no_grad():
        for item in items:
            t = side_text(item["text"])
            v = 0
            if t.strip() or not item["images"]:
                ids, mask = tt.pad_batch([tt.encode_text(t, vocab, MAX_LENGTH)])
                v = text(ids, mask)[0]
            for p in item["images"]:
                v = v + image(tt.preprocess(Image.open(f"{out}/reference/images/{p}"), IMAGE).unsqueeze(0))[0]
            embeddings[item["key"]] = F.normalize(v, dim=0).tolist()
    tt.write_json(f"{out}/reference/reference.json", {"items": items, "embeddings": embeddings})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="output folder of `mmeb-eval data synth`")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--models", default="models")
    args = parser.parse_args()
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    folder = f"{args.data}/train"
    rows = [json.loads(line) for line in open(f"{folder}/pairs.jsonl")]
    words = sorted({w for r in rows for k in ("qry_text", "tgt_text") for w in tt.words(side_text(r[k]))})
    tokenizer = tt.tokenizer_json(words)
    vocab = tokenizer["model"]["vocab"]
    print(f"{len(rows)} pairs, vocabulary {len(vocab)} words")
    pairs = Pairs(folder, vocab)
    model = train(pairs, len(vocab), args.epochs, args.seed)

    demo = f"{args.models}/demo"
    os.makedirs(demo, exist_ok=True)
    tt.write_json(f"{demo}/tokenizer.json", tokenizer)
    tt.export(model[0], model[1], demo, 64)
    tt.write_json(f"{demo}/spec.json", spec("mmeb-eval-demo", IMAGE))
    write_reference(model, folder, demo)

    baseline = f"{args.models}/random-baseline"
    os.makedirs(baseline, exist_ok=True)
    torch.manual_seed(12345)
    random_model = (RandomText(len(vocab)), RandomImage())
    small = dict(IMAGE, size=16)
    tt.write_json(f"{baseline}/tokenizer.json", tokenizer)
    tt.export(random_model[0], random_model[1], baseline, 16)
    tt.write_json(f"{baseline}/spec.json", spec("random-baseline", small))
    print("wrote", demo, "and", baseline)


if __name__ == "__main__":
    main()
