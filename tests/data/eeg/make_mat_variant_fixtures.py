"""MAT-file variants for the MAT reader tests (run with /usr/bin/python3 after make_mat_fixtures.py).

Writes, next to the scipy.io.savemat fixtures of make_mat_fixtures.py:
- mat/types_bigendian.mat: mat/types_plain.mat rewritten in big-endian byte order ('MI'), element by
  element (scipy reads both but only writes native order); checked here against scipy.io.loadmat.
- mat/types_onezlib.mat: every variable of mat/types_plain.mat inside ONE miCOMPRESSED element (MATLAB
  writes one per variable; scipy.io.loadmat refuses this layout, the C# reader accepts it).
- mat/sparse.mat: scipy.sparse matrices (real, complex, logical), a row vector saved oned_as='column'
  and a MATLAB object (mxOBJECT_CLASS) next to a plain array.
- mat/level4.mat: a MAT-file level 4 (format='4'), which the reader rejects.
"""
import os
import struct
import zlib

import numpy as np
import scipy.io
import scipy.sparse
from scipy.io.matlab import MatlabObject

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mat")
SIZES = {1: 1, 2: 1, 3: 2, 4: 2, 5: 4, 6: 4, 7: 4, 9: 8, 12: 8, 13: 8, 16: 1, 17: 2, 18: 4}
MATRIX = 14


def swap_elements(data):
    """Big-endian copy of a run of little-endian data elements (no compressed ones)."""
    out = bytearray()
    pos = 0
    while pos + 8 <= len(data):
        first = struct.unpack_from("<I", data, pos)[0]
        if first >> 16:
            size, kind = first >> 16, first & 0xFFFF
            payload = data[pos + 4:pos + 4 + size]
            out += struct.pack(">I", first) + swap_values(kind, payload).ljust(4, b"\0")
            pos += 8
            continue
        kind, size = struct.unpack_from("<II", data, pos)
        payload = data[pos + 8:pos + 8 + size]
        body = swap_elements(payload) if kind == MATRIX else swap_values(kind, payload)
        pad = (8 - size % 8) % 8
        out += struct.pack(">II", kind, size) + body + b"\0" * pad
        pos += 8 + size + pad
    return bytes(out)


def swap_values(kind, payload):
    width = SIZES[kind]
    if width == 1:
        return bytes(payload)
    return b"".join(payload[i:i + width][::-1] for i in range(0, len(payload), width))


def big_endian(source, target):
    raw = open(source, "rb").read()
    header = raw[:124] + struct.pack(">H", 0x0100) + b"MI"
    open(target, "wb").write(header + swap_elements(raw[128:]))


def one_zlib(source, target):
    raw = open(source, "rb").read()
    packed = zlib.compress(raw[128:])
    open(target, "wb").write(raw[:128] + struct.pack("<II", 15, len(packed)) + packed)


def same(a, b):
    if isinstance(a, np.ndarray) and a.dtype.names:
        return all(same(a[n][i], b[n][i]) for n in a.dtype.names for i in np.ndindex(a.shape))
    if isinstance(a, np.ndarray) and a.dtype == object:
        return a.shape == b.shape and all(same(x, y) for x, y in zip(a.flat, b.flat))
    return np.array_equal(a, b)


def main():
    plain = os.path.join(here, "types_plain.mat")
    reference = scipy.io.loadmat(plain)
    path = os.path.join(here, "types_bigendian.mat")
    big_endian(plain, path)
    copy = scipy.io.loadmat(path)
    for key in reference:
        if not key.startswith("__"):
            assert same(reference[key], copy[key]), key
    # scipy stops after the first variable of a shared element, so this one is checked in C# against types_plain.
    one_zlib(plain, os.path.join(here, "types_onezlib.mat"))

    dense = np.array([[0, 1.5, 0], [2, 0, 0], [0, 0, -3], [0, 4, 0]])
    obj = MatlabObject(np.zeros((1, 1), dtype=[("field", object)]), "myclass")
    obj[0, 0]["field"] = np.array([[7.0]])
    scipy.io.savemat(os.path.join(here, "sparse.mat"), {
        "sp": scipy.sparse.csc_matrix(dense),
        "spc": scipy.sparse.csc_matrix(dense + 1j * dense.T.reshape(4, 3)),
        "spl": scipy.sparse.csc_matrix(dense != 0),
        "col": np.arange(5.0),
        "obj": obj,
        "after": np.array([[1.0, 2.0]]),
    }, do_compression=False, oned_as="column")
    scipy.io.savemat(os.path.join(here, "level4.mat"), {"x": np.arange(3.0)}, format="4")


if __name__ == "__main__":
    main()
