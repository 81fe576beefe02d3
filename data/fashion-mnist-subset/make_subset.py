#!/usr/bin/python3
"""Cut the committed Fashion-MNIST subset from the Debian package dataset-fashion-mnist.

Writes the first 6,000 training and the first 1,000 test examples as gzipped IDX files
(same format as the originals, counts in the headers changed) next to this script.
Deterministic: gzip header mtime 0 and no file name, so re-running gives identical bytes.

    apt-get install dataset-fashion-mnist && /usr/bin/python3 data/fashion-mnist-subset/make_subset.py
"""
import gzip
import hashlib
import struct
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist")
TARGET = Path(__file__).resolve().parent
COUNTS = {"train": 6000, "t10k": 1000}


def cut(name: str, count: int) -> None:
    raw = gzip.decompress((SOURCE / f"{name}.gz").read_bytes())
    magic, total = struct.unpack(">II", raw[:8])
    dims = magic & 0xFF
    header = 4 + 4 * dims
    shape = struct.unpack(f">{dims}I", raw[4:header])
    assert magic >> 8 == 0x08 and total >= count, f"{name}: unexpected header {magic:#x} {shape}"
    row = 1
    for d in shape[1:]:
        row *= d
    body = raw[header:header + count * row]
    data = struct.pack(">I", magic) + struct.pack(f">{dims}I", count, *shape[1:]) + body
    out = TARGET / f"{name}.gz"
    with open(out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as z:
            z.write(data)
    print(f"{out.name}: {count} of {total}, {out.stat().st_size} bytes, sha256 {hashlib.sha256(out.read_bytes()).hexdigest()}")


for split, n in COUNTS.items():
    for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
        cut(f"{split}-{kind}", n)
