#!/usr/bin/python3
"""Golden tensors for PillowBicubicResize / ImagePreprocessor, made with Pillow and numpy.

Run from the repository root with Debian's python3 (python3-pil, python3-numpy):
    /usr/bin/python3 scripts/make_preprocess_goldens.py
Writes mmeb-eval/src/test/resources/encode/preprocess/: per case the input (PNG or JPEG), the 8-bit image
after Pillow's resize + centre crop (PNG, lossless) and the normalised CHW float32 tensor
(little-endian .f32), plus cases.json with each case's preprocessing parameters.
The maths follows Hugging Face image processors: convert("RGB"), PIL bicubic resize (shortest side
int(size * long / short), or exact), centre crop with (dim - crop) // 2, rescale in float64 then
float32, (x - mean) / std in float32.
"""
import json
import os

import numpy as np
from PIL import Image

OUT = "mmeb-eval/src/test/resources/encode/preprocess"
CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]

# name, input (w, h), source mode, spec
CASES = [
    ("wide_shortest_crop", (61, 23), "RGB", dict(resize="shortest_side", size=16, crop=16, mean=CLIP_MEAN, std=CLIP_STD)),
    ("tall_shortest_crop", (23, 57), "RGB", dict(resize="shortest_side", size=15, crop=14, mean=CLIP_MEAN, std=CLIP_STD)),
    ("square_exact_down", (50, 50), "RGB", dict(resize="exact", size=24, mean=[0.5] * 3, std=[0.5] * 3)),
    ("exact_non_square", (37, 29), "RGB", dict(resize="exact", size=0, width=20, height=13, mean=[0.5] * 3, std=[0.5] * 3)),
    ("upscale_exact", (9, 7), "RGB", dict(resize="exact", size=32, mean=[0.5] * 3, std=[0.5] * 3)),
    ("upscale_shortest_crop", (12, 17), "RGB", dict(resize="shortest_side", size=30, crop=28, mean=CLIP_MEAN, std=CLIP_STD)),
    ("large_ratio_down", (160, 40), "RGB", dict(resize="shortest_side", size=9, crop=9, mean=CLIP_MEAN, std=CLIP_STD)),
    ("same_size", (20, 20), "RGB", dict(resize="exact", size=20, mean=[0.5] * 3, std=[0.5] * 3)),
    ("one_axis_only", (40, 18), "RGB", dict(resize="exact", size=0, width=25, height=18, mean=[0.5] * 3, std=[0.5] * 3)),
    ("grey_png", (33, 21), "L", dict(resize="exact", size=16, mean=[0.5] * 3, std=[0.5] * 3)),
    ("rgba_png", (21, 33), "RGBA", dict(resize="shortest_side", size=12, crop=12, mean=CLIP_MEAN, std=CLIP_STD)),
    ("palette_png", (30, 30), "P", dict(resize="exact", size=11, mean=[0.5] * 3, std=[0.5] * 3)),
    ("jpeg_420", (131, 97), "RGB.jpg", dict(resize="shortest_side", size=24, crop=24, mean=CLIP_MEAN, std=CLIP_STD)),
    ("jpeg_444_progressive", (64, 90), "RGB.progressive.jpg", dict(resize="exact", size=20, mean=[0.5] * 3, std=[0.5] * 3)),
    ("jpeg_grey", (50, 41), "L.jpg", dict(resize="exact", size=16, mean=[0.5] * 3, std=[0.5] * 3)),
    ("jpeg_cmyk", (45, 60), "CMYK.jpg", dict(resize="shortest_side", size=20, crop=20, mean=CLIP_MEAN, std=CLIP_STD)),
]
# JPEG inputs are decoded by both sides (Pillow's libjpeg-turbo here, Java's ImageIO in the test).


def save_source(img, mode, path):
    if not mode.endswith(".jpg"):
        img.save(path)
    elif ".progressive" in mode:
        img.save(path, quality=85, subsampling=0, progressive=True)
    else:
        img.save(path, quality=90, subsampling=2)


def source_image(w, h, mode, seed):
    mode = mode.split(".")[0]
    rng = np.random.RandomState(seed)
    yy, xx = np.mgrid[0:h, 0:w]
    base = np.stack([xx * 255.0 / max(w - 1, 1), yy * 255.0 / max(h - 1, 1), (xx + yy) * 7 % 256], -1)
    noise = rng.randint(0, 256, size=(h, w, 3))
    mix = np.where(rng.rand(h, w, 1) < 0.4, noise, base)  # sharp edges exercise clipping
    rgb = Image.fromarray(mix.astype(np.uint8), "RGB")
    if mode == "L":
        return rgb.convert("L")
    if mode == "RGBA":
        alpha = Image.fromarray(rng.randint(0, 256, size=(h, w)).astype(np.uint8), "L")
        rgba = rgb.copy()
        rgba.putalpha(alpha)
        return rgba
    if mode == "P":
        return rgb.quantize(colors=37)
    if mode == "CMYK":
        return rgb.convert("CMYK")
    return rgb


def preprocess(img, spec):
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
    arr = np.asarray(img)
    x = (arr.astype(np.float64) * (1 / 255)).astype(np.float32)
    mean = np.array(spec["mean"], dtype=np.float32)
    std = np.array(spec["std"], dtype=np.float32)
    x = (x - mean) / std
    return img, np.ascontiguousarray(x.transpose(2, 0, 1)).astype("<f4")


def main():
    os.makedirs(OUT, exist_ok=True)
    listing = []
    for seed, (name, (w, h), mode, spec) in enumerate(CASES):
        src = source_image(w, h, mode, seed)
        source = f"{name}_in.{'jpg' if mode.endswith('.jpg') else 'png'}"
        save_source(src, mode, f"{OUT}/{source}")
        # re-read like the harness does, so the golden starts from the decoded file
        resized, tensor = preprocess(Image.open(f"{OUT}/{source}"), spec)
        resized.save(f"{OUT}/{name}_resized.png")
        tensor.tofile(f"{OUT}/{name}_tensor.f32")
        listing.append({"name": name, "source": source, "image": dict(spec, rescale=1 / 255)})
    with open(f"{OUT}/cases.json", "w") as f:
        json.dump(listing, f, indent=1)
    print(f"{len(listing)} cases written to {OUT}")


if __name__ == "__main__":
    main()
