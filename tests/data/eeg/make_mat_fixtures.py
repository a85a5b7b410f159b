"""MAT-file fixtures for the MAT reader tests, written by scipy.io.savemat (run with /usr/bin/python3).

Values follow v(i) = (i * 7 % 11) - 5 over the C-order flat index, so the C# tests recompute them.
Writes mat/types_compressed.mat and mat/types_plain.mat (same content; every numeric class, logical,
complex, char, cell, struct, nested struct and struct array) and mat/deap_like.mat (DEAP's
data_preprocessed_matlab layout at toy size: data 2 x 3 x 10, labels 2 x 4).
"""
import os

import numpy as np
import scipy.io

here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, "mat"), exist_ok=True)


def v(shape, dtype=np.float64):
    n = int(np.prod(shape))
    return ((np.arange(n) * 7 % 11) - 5).reshape(shape).astype(dtype)


cell = np.empty((1, 3), dtype=object)
cell[0, 0] = 1.5
cell[0, 1] = "txt"
cell[0, 2] = v((1, 3))
starr = np.zeros((1, 2), dtype=[("x", object), ("y", object)])
starr[0, 0] = (1.0, "one")
starr[0, 1] = (2.0, "two")
content = {
    "d3": v((3, 4, 5)),
    "single": v((2, 3), np.float32),
    "i8": v((1, 5), np.int8),
    "u8": v((1, 5), np.int16) + 5,
    "i16": v((2, 2), np.int16) * 1000,
    "u16": (v((2, 2), np.int32) + 5).astype(np.uint16) * 1000,
    "i32": v((3, 1), np.int32) * 100000,
    "u32": (v((3, 1), np.int64) + 5).astype(np.uint32) * 100000,
    "i64": v((1, 2), np.int64) * 10**12,
    "u64": (v((1, 2), np.int64) + 5).astype(np.uint64) * 10**12,
    "flags": np.array([[True, False, True]]),
    "cplx": v((2, 2)) + 1j * v((2, 2)) * 2,
    "name": "hello world",
    "cellv": cell,
    "st": {"a": v((2, 3)), "b": "text", "c": {"inner": 42.0}},
    "starr": starr,
    "empty": np.zeros((0, 0)),
}
content["u8"] = content["u8"].astype(np.uint8)
scipy.io.savemat(os.path.join(here, "mat", "types_compressed.mat"), content, do_compression=True)
scipy.io.savemat(os.path.join(here, "mat", "types_plain.mat"), content, do_compression=False)
scipy.io.savemat(os.path.join(here, "mat", "deap_like.mat"),
                 {"data": v((2, 3, 10)) * 0.5, "labels": v((2, 4)) * 0.25 + 5}, do_compression=False)
