"""Writes the .npy fixtures for the NPY reader/writer tests (run with /usr/bin/python3)."""
import os
import numpy as np

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "npy")
os.makedirs(out, exist_ok=True)
# Values are (i * 7 % 11 - 5) scaled per type, so the C# test can recompute them.
def values(n, scale):
    return (np.arange(n) * 7 % 11 - 5) * scale

np.save(os.path.join(out, "f8_2x3x4.npy"), values(24, 0.25).reshape(2, 3, 4).astype("<f8"))
np.save(os.path.join(out, "f4_5.npy"), values(5, 0.5).astype("<f4"))
np.save(os.path.join(out, "i4_3x2.npy"), values(6, 3).reshape(3, 2).astype("<i4"))
np.save(os.path.join(out, "i8_4.npy"), (values(4, 1) * 10**12).astype("<i8"))
np.save(os.path.join(out, "u1_2x2.npy"), (values(4, 1) + 5).reshape(2, 2).astype("u1"))
np.save(os.path.join(out, "f8_scalar.npy"), np.array(3.5))
np.save(os.path.join(out, "f8_fortran_2x3x4.npy"), np.asfortranarray(values(24, 0.25).reshape(2, 3, 4)))
np.save(os.path.join(out, "f8_big_endian_3.npy"), values(3, 1.0).astype(">f8"))
np.save(os.path.join(out, "c16_2.npy"), np.zeros(2, dtype=np.complex128))
