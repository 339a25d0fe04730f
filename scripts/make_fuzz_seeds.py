#!/usr/bin/python3
"""Seed inputs for the Jazzer `image` target (scripts/fuzz.sh), written by Pillow: one small PNG
of each colour type the plain PNG decoder reads itself (L, LA, RGB, RGBA, with rows that use every
filter), one it hands to ImageIO (palette; Pillow writes no interlaced PNG), and a JPEG. Without seeds the fuzzer
rarely gets past the PNG signature and IHDR checksum; with them it mutates real image streams.

Run: /usr/bin/python3 scripts/make_fuzz_image_seeds.py
"""
import io
import random
import zipfile
from pathlib import Path

from PIL import Image

INPUTS = (Path(__file__).resolve().parent.parent
          / "mmeb-eval/src/fuzz/resources/org/mmeb/eval/fuzz/UntrustedReadersFuzzTestInputs")
OUT = INPUTS / "image"


def noise(mode, side, seed):
    bands = len(Image.new(mode, (1, 1)).getbands())
    return Image.frombytes(mode, (side, side), random.Random(seed).randbytes(side * side * bands))


def write(name, image, **options):
    out = io.BytesIO()
    image.save(out, **options)
    (OUT / name).write_bytes(out.getvalue())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for seed, mode in enumerate(["L", "LA", "RGB", "RGBA"]):
        write(f"seed-{mode.lower()}.png", noise(mode, 8, seed), format="PNG", optimize=False)
    write("seed-palette.png", noise("RGB", 8, 7).convert("P"), format="PNG")
    write("seed.jpg", noise("RGB", 16, 9), format="JPEG", quality=90)
    zip_seeds((OUT / "seed-rgb.png").read_bytes())
    npy_seeds()


def zip_seeds(png):
    out = INPUTS / "zipArchive"
    out.mkdir(exist_ok=True)
    for name, method in [("seed-deflated.zip", zipfile.ZIP_DEFLATED), ("seed-stored.zip", zipfile.ZIP_STORED)]:
        with zipfile.ZipFile(out / name, "w", compression=method) as z:
            z.writestr("a.png", png)


def npy_seeds():
    try:
        import numpy
    except ImportError:
        print("numpy not found: npySubmission seeds not written")
        return
    out = INPUTS / "npySubmission"
    out.mkdir(exist_ok=True)
    matrix = numpy.arange(12, dtype=numpy.float32).reshape(3, 4) / 7
    numpy.save(out / "seed-c.npy", matrix)
    numpy.save(out / "seed-fortran.npy", numpy.asfortranarray(matrix))


if __name__ == "__main__":
    main()
