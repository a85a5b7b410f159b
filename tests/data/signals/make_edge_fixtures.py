#!/usr/bin/python3
"""Reference outputs for settings at the edges of the Signals API (edges.npz).

Picked from a wider SciPy/PyWavelets parity sweep as the settings the EEG-based fixtures do not reach:
resampling ratios with a large or coprime factor and inputs shorter than the anti-aliasing filter, Welch with
nperseg above the signal length / odd segments / median of an even number of segments / no detrend, zero-phase
filtering one sample above the default padding, and wavelet transforms deeper than dwt_max_level.
The input is a seeded synthetic signal stored in the archive, so the script needs no data file:

    /usr/bin/python3 make_edge_fixtures.py

Reference implementations: Debian python3-scipy 1.10, python3-pywt 1.1, numpy 1.24.
"""
import warnings

import numpy as np
import pywt
from scipy import signal

warnings.simplefilter("ignore")  # welch warns when nperseg > len(x), wavedec when level > dwt_max_level
rng = np.random.default_rng(20240611)
t = np.arange(301)
x = np.sin(2 * np.pi * 0.013 * t) + 0.5 * np.sin(2 * np.pi * 0.21 * t) + 0.3 * rng.standard_normal(t.size) + 0.7
out = {"x": x}
FS = 250.0

for up, down in [(1, 3), (2, 3), (3, 2), (160, 128), (128, 160), (7, 1), (1, 7), (97, 89)]:
    out[f"resample_{up}_{down}"] = signal.resample_poly(x[:50], up, down)
    out[f"resample_{up}_{down}_short"] = signal.resample_poly(x[:3], up, down)

WELCH = {
    "long_nperseg": dict(nperseg=400),
    "odd_overlap": dict(nperseg=33, noverlap=5),
    "median_even": dict(nperseg=64, noverlap=0, average="median"),
    "nodetrend_spectrum_median": dict(nperseg=51, detrend=False, scaling="spectrum", average="median"),
}
for key, kw in WELCH.items():
    f, p = signal.welch(x, FS, **kw)
    out[f"welch_{key}_f"] = f
    out[f"welch_{key}"] = p

sos = signal.butter(5, [8.0, 13.0], "bandpass", fs=FS, output="sos")
pad = 3 * (2 * len(sos) + 1)
out["sosfiltfilt_bp5_padplus1"] = signal.sosfiltfilt(sos, x[: pad + 1])

for name, mode, n in [("db10", "symmetric", 39), ("sym5", "periodization", 101), ("db2", "periodization", 7)]:
    level = pywt.dwt_max_level(n, pywt.Wavelet(name).dec_len) + 2
    c = pywt.wavedec(x[:n], name, mode=mode, level=level)
    key = f"{name}_{mode}_{n}"
    out[f"wavedec_{key}"] = np.concatenate(c)
    out[f"wavedec_{key}_lengths"] = np.array([len(a) for a in c], dtype=np.float64)
    out[f"waverec_{key}"] = pywt.waverec(c, name, mode=mode)

np.savez("edges.npz", **out)
