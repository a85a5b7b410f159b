"""Reference for eeg.deap_bandpower_stream: SciPy per-trial cost of the DEAP band-power -> topomap chain.

argv[1]: threads (SciPy's filters are single-threaded; recorded only), argv[2]: trials to time (default 8).
Per trial (32 channels x 60 s x 128 Hz, synthesised): butter(4, [4, 45]) sosfiltfilt, then for theta/alpha/beta
butter(4, band) sosfiltfilt and the mean square of each 1/8 s window (16 samples) -> [480, 32, 3].
Then each of the 480 x 3 band-power maps is interpolated onto a 32 x 32 grid with a CloughTocher2DInterpolator on a
Delaunay triangulation built once (32 electrodes on four rings inside the unit head circle, plus 8 border points).
Prints "per_trial <ms>" (mean over the timed trials, after one warm-up trial).
"""
import sys
import time

import numpy as np
from scipy import signal
from scipy.interpolate import CloughTocher2DInterpolator
from scipy.spatial import Delaunay

fs, channels, samples = 128.0, 32, 60 * 128
trials = int(sys.argv[2]) if len(sys.argv) > 2 else 2
bandpass = signal.butter(4, [4, 45], btype="bandpass", fs=fs, output="sos")
bands = [signal.butter(4, b, btype="bandpass", fs=fs, output="sos") for b in ([4, 8], [8, 13], [13, 30])]
t = np.arange(samples) / fs
rings = [(0.0, 1), (0.3, 7), (0.6, 12), (0.85, 12)]
points = np.array([(r * np.cos(2 * np.pi * k / n + r), r * np.sin(2 * np.pi * k / n + r)) for r, n in rings for k in range(n)])
border = np.array([(1.2 * np.cos(2 * np.pi * k / 8), 1.2 * np.sin(2 * np.pi * k / 8)) for k in range(8)])
triangulation = Delaunay(np.vstack([points, border]))
gx, gy = np.meshgrid(np.linspace(-1, 1, 32), np.linspace(-1, 1, 32))


def trial(k):
    rng = np.random.default_rng(k)
    x = 10 * np.sin(2 * np.pi * (6 + k % 5) * t)[None, :] + 5 * np.sin(2 * np.pi * 10.5 * t)[None, :] \
        + rng.standard_normal((channels, samples)) * 4
    y = signal.sosfiltfilt(bandpass, x, axis=-1)
    out = np.empty((480, channels, 3))
    for b, sos in enumerate(bands):
        z = signal.sosfiltfilt(sos, y, axis=-1)
        out[:, :, b] = (z.reshape(channels, 480, 16) ** 2).mean(axis=-1).T
    total = 0.0
    for f in range(480):
        for b in range(3):
            values = np.concatenate([out[f, :, b], np.full(8, out[f, :, b].mean())])
            total += np.nansum(CloughTocher2DInterpolator(triangulation, values)(gx, gy))
    return total


trial(0)
start = time.perf_counter()
for k in range(trials):
    trial(k + 1)
print("per_trial", (time.perf_counter() - start) * 1000 / trials)
