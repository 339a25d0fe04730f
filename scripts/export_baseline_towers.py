#!/usr/bin/env python3
"""Export a MMEB-V1 baseline's text and vision towers to ONNX, as models/baselines/<name>/spec.json
names them (inputs input_ids [, attention_mask] / pixel_values; outputs text_features /
image_features), with the features VLM2Vec's V1 scripts (commit b1dc1e6, evaluation/eval_*.py) sum:

    clip      transformers CLIPModel.get_text_features(ids, mask) / get_image_features(pixels)
    openclip  open_clip encode_text(ids) / encode_image(pixels), hf-hub:laion/CLIP-ViT-B-16-laion2B-s34B-b88K
    siglip    transformers get_text_features(ids, mask) / get_image_features(pixels),
              google/siglip-so400m-patch14-384
    blip2     LAVIS blip2_feature_extractor: text CLS of the Q-Former (text_embeds[:, 0]) and the
              first query token (image_embeds[:, 0]), both before the projection heads

Usage (a machine with the hub and the model's own library: torch, onnx, and transformers /
open_clip_torch / salesforce-lavis):
    python3 scripts/export_baseline_towers.py clip OUT [--model openai/clip-vit-large-patch14]
    python3 scripts/export_baseline_towers.py openclip OUT
    python3 scripts/export_baseline_towers.py siglip OUT
    python3 scripts/export_baseline_towers.py blip2 OUT [--model-type pretrain]
    cp models/baselines/<name>/spec.json OUT/

Also writes OUT/tokenizer.json. For SigLIP it converts the sentencepiece model and then checks it:
every sample text, put through the spec's "siglip" normaliser, must give the slow SiglipTokenizer's
ids (a mismatch is printed and the exit code is 1).
This script was written without network access: it has not been run against the real weights.
Graphs over 2 GB are saved with their weights in one OUT/<graph>.onnx_data file, which the
harness's fingerprint covers.
"""
import argparse
import os
import re
import string
import sys

import onnx
import torch

SAMPLE_TEXTS = [
    "<|image_1|>\nRepresent the given image for classification",
    "<|image_1|>\nFind a caption for the news in the given photo.",
    "Find me an everyday image that matches the given caption: A man rides a horse.",
    "<|image_1|>\nSelect the portion of the image that isolates the object labeled as \"cat\"",
    "",
]


def export(module, args, input_names, output_name, path, fixed_seq=False):
    axes = {name: {0: "batch"} for name in input_names + [output_name]}
    if not fixed_seq:
        for name in input_names:
            if name != "pixel_values":
                axes[name][1] = "seq"
    with torch.no_grad():
        torch.onnx.export(module.eval(), args, path, input_names=input_names,
                          output_names=[output_name], dynamic_axes=axes, opset_version=17)
    # torch writes the weights of a graph over 2 GB as one file per tensor; gather them into
    # <graph>.onnx_data, the one external-data file name the harness fingerprints.
    model = onnx.load(path)
    if sum(t.ByteSize() for t in model.graph.initializer) > 1_800_000_000:
        onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location=os.path.basename(path) + "_data")


class Fn(torch.nn.Module):
    """One tower as a module: the model is registered (so tracing sees its weights as parameters)
    and fn(model, *inputs) computes the features."""

    def __init__(self, model, fn):
        super().__init__()
        self.model = model
        self.fn = fn

    def forward(self, *args):
        return self.fn(self.model, *args)


def ids_and_mask(length=8):
    """Example inputs for tracing; one row padded, so that no all-ones shortcut is traced in."""
    ids = torch.ones(2, length, dtype=torch.int64)
    mask = torch.ones_like(ids)
    mask[1, -3:] = 0
    return ids, mask


def clip(out, name):
    from transformers import AutoTokenizer, CLIPModel
    model = CLIPModel.from_pretrained(name).eval()
    side = model.config.vision_config.image_size
    export(Fn(model, lambda mo, i, m: mo.get_text_features(input_ids=i, attention_mask=m)), ids_and_mask(),
           ["input_ids", "attention_mask"], "text_features", os.path.join(out, "text.onnx"))
    export(Fn(model, lambda mo, p: mo.get_image_features(pixel_values=p)), (torch.zeros(2, 3, side, side),),
           ["pixel_values"], "image_features", os.path.join(out, "vision.onnx"))
    AutoTokenizer.from_pretrained(name).backend_tokenizer.save(os.path.join(out, "tokenizer.json"))
    if side != 224:
        print(f"note: {name} takes {side} px images: set image.size and image.crop to {side}")


def openclip(out, name):
    import open_clip
    from transformers import AutoTokenizer
    model, _ = open_clip.create_model_from_pretrained(name)
    model.eval()
    export(Fn(model, lambda mo, i: mo.encode_text(i)), (torch.ones(2, 77, dtype=torch.int64),), ["input_ids"],
           "text_features", os.path.join(out, "text.onnx"), fixed_seq=True)
    export(Fn(model, lambda mo, p: mo.encode_image(p)), (torch.zeros(2, 3, 224, 224),), ["pixel_values"],
           "image_features", os.path.join(out, "vision.onnx"))
    # open_clip's SimpleTokenizer uses OpenAI CLIP's BPE vocabulary; its ftfy/HTML cleaning is not
    # in tokenizer.json (see README "Reproducing Table 6").
    AutoTokenizer.from_pretrained("openai/clip-vit-base-patch16").backend_tokenizer.save(
        os.path.join(out, "tokenizer.json"))


def siglip_normalised(text):
    text = text.lower().translate(str.maketrans("", "", string.punctuation))
    return re.sub(r"\s+", " ", text).strip()


def siglip(out, name):
    from transformers import AutoModel, SiglipTokenizer, T5TokenizerFast
    model = AutoModel.from_pretrained(name).eval()
    side = model.config.vision_config.image_size
    export(Fn(model, lambda mo, i, m: mo.get_text_features(input_ids=i, attention_mask=m)), ids_and_mask(),
           ["input_ids", "attention_mask"], "text_features", os.path.join(out, "text.onnx"))
    export(Fn(model, lambda mo, p: mo.get_image_features(pixel_values=p)), (torch.zeros(2, 3, side, side),),
           ["pixel_values"], "image_features", os.path.join(out, "vision.onnx"))
    slow = SiglipTokenizer.from_pretrained(name)
    fast = T5TokenizerFast(vocab_file=slow.vocab_file, eos_token="</s>", unk_token="<unk>",
                           pad_token="</s>", extra_ids=0)
    fast.backend_tokenizer.save(os.path.join(out, "tokenizer.json"))
    bad = 0
    for text in SAMPLE_TEXTS:
        want = slow(text).input_ids
        got = fast.backend_tokenizer.encode(siglip_normalised(text)).ids
        if want != got:
            bad += 1
            print(f"tokenizer.json differs from SiglipTokenizer on {text!r}: {got} vs {want}")
    if bad:
        sys.exit(1)


def blip2(out, model_type):
    from lavis.models import load_model_and_preprocess
    from transformers import BertTokenizerFast
    model, _, _ = load_model_and_preprocess("blip2_feature_extractor", model_type, is_eval=True,
                                            device="cpu")
    model = model.float().eval()

    def text(mo, ids, mask):
        return mo.Qformer.bert(ids, attention_mask=mask, return_dict=True).last_hidden_state[:, 0, :]

    def image(mo, pixels):
        embeds = mo.ln_vision(mo.visual_encoder(pixels)).float()
        atts = torch.ones(embeds.size()[:-1], dtype=torch.long)
        queries = mo.query_tokens.expand(embeds.shape[0], -1, -1)
        out = mo.Qformer.bert(query_embeds=queries, encoder_hidden_states=embeds,
                              encoder_attention_mask=atts, return_dict=True)
        return out.last_hidden_state[:, 0, :]

    export(Fn(model, text), ids_and_mask(), ["input_ids", "attention_mask"], "text_features",
           os.path.join(out, "text.onnx"))
    export(Fn(model, image), (torch.zeros(2, 3, 224, 224),), ["pixel_values"], "image_features",
           os.path.join(out, "vision.onnx"))
    tokenizer = BertTokenizerFast.from_pretrained("bert-base-uncased")
    tokenizer.add_special_tokens({"bos_token": "[DEC]"})  # as LAVIS's init_tokenizer
    tokenizer.backend_tokenizer.save(os.path.join(out, "tokenizer.json"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("baseline", choices=["clip", "openclip", "siglip", "blip2"])
    parser.add_argument("out")
    parser.add_argument("--model", help="checkpoint (defaults: the one the V1 script names)")
    parser.add_argument("--model-type", default="pretrain", help="LAVIS model type (blip2)")
    a = parser.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if a.baseline == "clip":
        clip(a.out, a.model or "openai/clip-vit-large-patch14")
    elif a.baseline == "openclip":
        openclip(a.out, a.model or "hf-hub:laion/CLIP-ViT-B-16-laion2B-s34B-b88K")
    elif a.baseline == "siglip":
        siglip(a.out, a.model or "google/siglip-so400m-patch14-384")
    else:
        blip2(a.out, a.model_type)
    print(f"wrote {a.out}/text.onnx, vision.onnx, tokenizer.json; now: cp models/baselines/{a.baseline}/spec.json {a.out}/")


if __name__ == "__main__":
    main()
