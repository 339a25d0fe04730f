#!/usr/bin/python3
"""A text graph whose ids are reshaped before the token embedding lookup, as real CLIP and SigLIP
text towers export.

transformers' CLIPTextTransformer and SiglipTextTransformer (and GPT-2, BART, T5) start with
    input_shape = input_ids.size()
    input_ids = input_ids.view(-1, input_shape[-1])
before `token_embedding(input_ids)`, so the graphs that scripts/export_baseline_towers.py writes for
the clip and siglip templates gather their token embeddings at a Reshape of input_ids, not at the
input itself. This tiny tower (random weights, a few kB) keeps those lines and CLIP's pooling at the
largest id, and is exported with the same torch.onnx.export call; the script checks that the export
has the Reshape between input_ids and the Gather. TokenEmbeddingTableTest reads it.

    /usr/bin/python3 scripts/make_reshaped_ids_fixture.py      (from the repository root)
Writes mmeb-eval/src/test/resources/encode/reshaped-ids/text.onnx.
"""
import os

import onnx
import torch
from torch import nn

OUT = "mmeb-eval/src/test/resources/encode/reshaped-ids"
VOCAB, POSITIONS, WIDTH, DIM = 49, 16, 8, 4


class ClipStyleTextTower(nn.Module):
    def __init__(self):
        super().__init__()
        self.token_embedding = nn.Embedding(VOCAB, WIDTH)
        self.position_embedding = nn.Embedding(POSITIONS, WIDTH)
        self.register_buffer("position_ids", torch.arange(POSITIONS).expand((1, -1)), persistent=False)
        self.text_projection = nn.Linear(WIDTH, DIM, bias=False)

    def forward(self, input_ids, attention_mask):
        input_shape = input_ids.size()
        input_ids = input_ids.view(-1, input_shape[-1])
        position_ids = self.position_ids[:, : input_shape[-1]]
        states = self.token_embedding(input_ids) + self.position_embedding(position_ids)
        states = states * attention_mask.unsqueeze(-1).to(states.dtype)
        # CLIP pools at the end-of-text token, the largest id of the row.
        pooled = states[torch.arange(states.shape[0]), input_ids.argmax(dim=-1)]
        return self.text_projection(pooled)


def ids_path_ops(model, ids_input, table):
    """The op types from the ids input to the Gather that reads `table`, following input 0."""
    producer = {out: node for node in model.graph.node for out in node.output}
    gather = next(n for n in model.graph.node if n.op_type == "Gather" and n.input[0] == table)
    ops, name = [], gather.input[1]
    while name != ids_input:
        node = producer[name]
        ops.append(node.op_type)
        name = node.input[0]
    return list(reversed(ops))


def main():
    torch.manual_seed(0)
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "text.onnx")
    ids = torch.ones(2, 8, dtype=torch.int64)
    mask = torch.ones_like(ids)
    mask[1, -3:] = 0
    axes = {name: {0: "batch", 1: "seq"} for name in ("input_ids", "attention_mask")}
    axes["text_features"] = {0: "batch"}
    with torch.no_grad():
        torch.onnx.export(ClipStyleTextTower().eval(), (ids, mask), path,
                          input_names=["input_ids", "attention_mask"], output_names=["text_features"],
                          dynamic_axes=axes, opset_version=17)
    model = onnx.load(path)
    onnx.checker.check_model(model)
    dims = {t.name: list(t.dims) for t in model.graph.initializer}
    assert dims["token_embedding.weight"] == [VOCAB, WIDTH], dims
    ops = ids_path_ops(model, "input_ids", "token_embedding.weight")
    assert "Reshape" in ops, ops
    print(f"{path}: {os.path.getsize(path)} bytes; input_ids -> {' -> '.join(ops)} -> Gather "
          f"of token_embedding.weight {dims['token_embedding.weight']}")


if __name__ == "__main__":
    main()
