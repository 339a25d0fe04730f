#!/usr/bin/python3
"""Goldens for the V1 baseline spec rules (issue 16), made by the libraries the reference used.

Run from the repository root with Debian's python3 (python3-pil, python3-torchvision):
    /usr/bin/python3 scripts/make_baseline_rule_goldens.py
Writes mmeb-eval/src/test/resources/encode/baseline-rules/:
- crops: per case an input PNG and the 8-bit image after torchvision's
  Compose([Resize(size, BICUBIC), CenterCrop(crop)]) on the PIL image -- open_clip's eval transform,
  whose centre crop starts at int(round(margin / 2.0)) (Python's round, halves to even), where
  Hugging Face image processors start at margin // 2. crops.json lists the cases.
- texts.json: inputs and outputs of the two text normalisers, computed with Python's own str and re
  exactly as the reference code calls them: transformers' slow SiglipTokenizer (do_lower_case,
  then canonicalize_text: str.translate removing string.punctuation, re.sub(r"\\s+", " "), strip)
  and LAVIS's BlipCaptionProcessor.pre_caption with max_words=50 (lower, re.sub of [.!"()*#:;~]
  by a space, re.sub(r"\\s{2,}", " "), rstrip("\\n"), strip(" "), first 50 of split(" ")), and
  open_clip's SimpleTokenizer cleaning without its first step ftfy.fix_text (html.unescape twice,
  strip, " ".join(split()), lower). None of transformers, LAVIS, open_clip or ftfy is packaged by
  Debian, so these lines are the audited reference lines, run by the Python the reference runs on.
"""
import html
import json
import os
import re
import string

import numpy as np
import torchvision
from PIL import Image
from torchvision import transforms

OUT = "mmeb-eval/src/test/resources/encode/baseline-rules"

# name, input (w, h), Resize size, CenterCrop size; margins chosen around the rounding cases
CROPS = [
    ("wide_margin7", (23, 16), 16, 16),  # 7 -> round(3.5) = 4, floor 3
    ("square_margin3", (30, 30), 19, 16),  # 3 -> round(1.5) = 2, floor 1
    ("tall_margin5_and_73", (20, 26), 17, 12),  # 17x22: 5 -> round(2.5) = 2 = floor; 10 -> 5
    ("wide_margin11", (27, 16), 16, 16),  # 11 -> round(5.5) = 6, floor 5
    ("even_margins", (40, 24), 16, 12),  # 26x16: 14 -> 7, 4 -> 2 (no rounding at all)
]

TEXTS = [
    "<|image_1|>\nRepresent the given image for classification",
    "<|image_1|>\nFind a caption for the news in the given photo.",
    "Find me an everyday image that matches the given caption: A man (left) rides a horse; \"wow\"!",
    "<|image_1|> Select the portion of the image that isolates the object labeled as \"the red car\"",
    "",
    "   ",
    "Tabs\tand\t\tnewlines\n\nand a single\nnewline",
    "trailing newline\n",
    "trailing newlines and spaces \n\n",
    "no-break\u00a0space, figure\u2007space, narrow\u202fspace, NEL\u0085here, ideographic\u3000space",
    "file\x1cseparator and unit\x1fseparator",
    "ΟΔΟΣ İstanbul ÄÖÜ straße ǅ",
    "Q: what's 2+2? A: 4 -- [sure] {x} @home #tag $5 %50 ^_^ `code` |pipe| ~tilde~ <b>",
    "underscores_and-hyphens/slashes\\backslash",
    " ".join("w%d" % i for i in range(60)),
    " ".join("W%d." % i for i in range(55)),
    "a \n b",
    "AT&amp;T &quot;quoted&quot; it&#39;s &lt;b&gt; &amp;amp; double &AMP;lt; &copy2024 &notit; &notin;",
    "&#x1F600; &#128; &#0; &#xD800; &#99999999999; &#1; &#x7f; &bogus; &ampx &#65 &#x41z & ;",
]


def siglip_slow(text):
    text = text.lower()  # PreTrainedTokenizer.tokenize with do_lower_case=True
    text = text.translate(str.maketrans("", "", string.punctuation))
    text = re.sub(r"\s+", " ", text)
    return text.strip()


def lavis_caption(caption, max_words=50):
    caption = re.sub(r"([.!\"()*#:;~])", " ", caption.lower())
    caption = re.sub(r"\s{2,}", " ", caption)
    caption = caption.rstrip("\n")
    caption = caption.strip(" ")
    words = caption.split(" ")
    if len(words) > max_words:
        caption = " ".join(words[:max_words])
    return caption


def open_clip_without_ftfy(text):
    text = html.unescape(html.unescape(text)).strip()  # basic_clean after ftfy.fix_text
    return " ".join(text.split()).strip().lower()  # whitespace_clean, then lower


def source_image(w, h, seed):
    rng = np.random.RandomState(seed)
    return Image.fromarray(rng.randint(0, 256, size=(h, w, 3)).astype(np.uint8), "RGB")


def main():
    os.makedirs(OUT, exist_ok=True)
    crops = []
    for seed, (name, (w, h), size, crop) in enumerate(CROPS):
        img = source_image(w, h, 1600 + seed)
        img.save(os.path.join(OUT, name + "_in.png"))
        t = transforms.Compose([
            transforms.Resize(size, interpolation=transforms.InterpolationMode.BICUBIC),
            transforms.CenterCrop(crop),
        ])
        t(img).save(os.path.join(OUT, name + "_torchvision.png"))
        crops.append({"name": name, "source": name + "_in.png", "size": size, "crop": crop})
    with open(os.path.join(OUT, "crops.json"), "w") as f:
        json.dump({"torchvision": torchvision.__version__, "cases": crops}, f, indent=1)
    texts = [{"text": t, "siglip": siglip_slow(t), "lavis_caption": lavis_caption(t),
              "open_clip": open_clip_without_ftfy(t)} for t in TEXTS]
    with open(os.path.join(OUT, "texts.json"), "w", encoding="utf-8") as f:
        json.dump(texts, f, indent=1, ensure_ascii=True)


if __name__ == "__main__":
    main()
