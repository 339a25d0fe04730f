#!/usr/bin/python3
"""Hostile image fixtures for HostileImagesTest and HostileImageRunTest, written by Pillow (Debian's
python3-pil), and Pillow's own verdict on each, asserted here so that the Java decoder is held to
what Pillow does:

- bomb-26000.png: a real 26000 x 26000 1-bit PNG, all black: 676,000,000 pixels, above
  2 * Image.MAX_IMAGE_PIXELS = 178,956,970, so Image.open raises DecompressionBombError from the
  header (about 80 KB on disk: deflate packs the zero rows ~1000:1).
- noise.jpg / noise-cut-60.jpg: a 96 x 96 JPEG of seeded noise, whole and cut to 60% of its bytes
  (Pillow opens it, then load() raises "image file is truncated").
- noise.png / noise-cut-60.png: the same for a 64 x 64 PNG (noise, so the cut falls inside IDAT).
- zip-bomb-257mb.zip: an archive as a publisher's tool writes it (Python's zipfile, deflate)
  holding one entry, MiniShapes/0003.png, of 257 MiB of zeros: past the harness's 256 MiB cap
  for one image, in about 250 KB. HostileImageRunTest copies the entry, compressed bytes and all,
  into a dataset's images.zip.
- zip-bomb-257mb-declared-1mb.zip: the same archive with the entry's size in its local header and
  central directory rewritten to 1 MiB, as a hostile publisher can: a reader that trusts the
  declared size reads 1 MiB and fails the CRC (Python's zipfile does: "Bad CRC-32"), one that
  inflates on must stop at its own cap. HostileImagesTest reads it.

Run: /usr/bin/python3 scripts/make_hostile_image_fixtures.py
"""
import io
import random
import struct
import zipfile
from pathlib import Path

from PIL import Image

OUT = Path(__file__).resolve().parent.parent / "mmeb-eval/src/test/resources/encode/hostile"
LIMIT = 2 * Image.MAX_IMAGE_PIXELS
ZIP_BOMB_ENTRY = "MiniShapes/0003.png"
ZIP_BOMB_MIB = 257  # ImageBytes.MAX_BYTES is 256 MiB
LYING_SIZE = 1 << 20


def noise(side, seed):
    return Image.frombytes("RGB", (side, side), random.Random(seed).randbytes(side * side * 3))


def encoded(image, **options):
    out = io.BytesIO()
    image.save(out, **options)
    return out.getvalue()


def write(name, data):
    (OUT / name).write_bytes(data)
    return OUT / name


def refused_as_bomb(path):
    try:
        Image.open(path)
    except Image.DecompressionBombError as e:
        return str(e)
    raise AssertionError(f"{path}: Pillow opened it")


def refused_as_truncated(path):
    with Image.open(path) as image:
        try:
            image.load()
        except OSError as e:
            assert str(e).startswith("image file is truncated"), e
            return str(e)
    raise AssertionError(f"{path}: Pillow decoded it")


def whole_and_cut(name, image, **options):
    data = encoded(image, **options)
    whole = write(name + "." + options["format"].lower().replace("jpeg", "jpg"), data)
    with Image.open(whole) as check:
        check.load()
        assert check.size == image.size
    cut = write(name + "-cut-60." + whole.suffix[1:], data[: len(data) * 6 // 10])
    print(f"{cut.name}: {len(data) * 6 // 10} of {len(data)} bytes; Pillow: {refused_as_truncated(cut)}")


def zip_bomb():
    """257 MiB of zeros as one deflated entry, streamed so that the zeros are never held in memory;
    a fixed timestamp keeps the file the same from run to run."""
    path = OUT / "zip-bomb-257mb.zip"
    entry = zipfile.ZipInfo(ZIP_BOMB_ENTRY, date_time=(2026, 1, 1, 0, 0, 0))
    entry.compress_type = zipfile.ZIP_DEFLATED  # at zlib's default level, as zip(1) writes
    zeros = bytes(1 << 20)
    with zipfile.ZipFile(path, "w") as archive, archive.open(entry, "w") as out:
        for _ in range(ZIP_BOMB_MIB):
            out.write(zeros)
    with zipfile.ZipFile(path) as archive:
        written = archive.getinfo(ZIP_BOMB_ENTRY)
        assert written.file_size == ZIP_BOMB_MIB << 20, written
        assert written.compress_type == zipfile.ZIP_DEFLATED, written
    print(f"{path.name}: {path.stat().st_size} bytes holding {written.file_size} bytes of zeros")
    return path


def lying_zip_bomb(bomb):
    """`bomb` with its one entry's uncompressed size rewritten to LYING_SIZE in both headers."""
    data = bytearray(bomb.read_bytes())
    end = data.rindex(b"PK\x05\x06")  # end of central directory (no archive comment)
    (entries,) = struct.unpack_from("<H", data, end + 10)
    (central,) = struct.unpack_from("<I", data, end + 16)
    assert entries == 1 and data[:4] == b"PK\x03\x04" and data[central:central + 4] == b"PK\x01\x02"
    struct.pack_into("<I", data, 22, LYING_SIZE)  # local file header: uncompressed size
    struct.pack_into("<I", data, central + 24, LYING_SIZE)  # central directory: uncompressed size
    path = write("zip-bomb-257mb-declared-1mb.zip", bytes(data))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(ZIP_BOMB_ENTRY).file_size == LYING_SIZE
        try:
            archive.read(ZIP_BOMB_ENTRY)
        except zipfile.BadZipFile as e:
            print(f"{path.name}: declares {LYING_SIZE} bytes; Python's zipfile: {e}")
            return
    raise AssertionError(f"{path}: Python's zipfile read it")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    side = 26000
    assert side * side > LIMIT
    Image.MAX_IMAGE_PIXELS = None  # only while writing it
    bomb = write("bomb-26000.png", encoded(Image.new("1", (side, side)), format="PNG", optimize=True))
    Image.MAX_IMAGE_PIXELS = LIMIT // 2
    print(f"{bomb.name}: {bomb.stat().st_size} bytes; Pillow: {refused_as_bomb(bomb)}")
    whole_and_cut("noise", noise(96, 3), format="JPEG", quality=90)
    whole_and_cut("noise", noise(64, 5), format="PNG")
    lying_zip_bomb(zip_bomb())


if __name__ == "__main__":
    main()
