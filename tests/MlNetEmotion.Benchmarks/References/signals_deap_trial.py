"""Reference per-trial DSP timings with SciPy 1.10 / PyWavelets 1.1 on one DEAP-sized trial.

argv[1] = threads (SciPy's filters and Welch are single-threaded; the value is ignored). Prints `name milliseconds`
for one trial of 32 channels x 60 s x 128 Hz (7,680 samples), best of 15 runs after warm-up (shared machine):
  bandpass_sosfiltfilt  butter(4, [4, 45], 'bandpass', fs=128, output='sos') + sosfiltfilt over all channels
  notch_filtfilt        iirnotch(50, 30, fs=128) + filtfilt over all channels
  welch                 welch(x, fs=128) (nperseg 256, Hann, 50 % overlap) over all channels
  wavelet_denoise       db4 symmetric wavedec at the maximum level, universal soft threshold, waverec, per channel
  resample_poly_2_1     resample_poly(x, 2, 1) over all channels (upsampling 128 -> 256 Hz)
"""
import sys
import time

import numpy as np
import pywt
from scipy import signal

FS = 128.0
rng = np.random.default_rng(7)
x = rng.standard_normal((32, 60 * 128)) * 20.0


def best_ms(f):
    for _ in range(2):
        f()
    times = []
    for _ in range(15):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1000)
    return min(times)


def denoise(ch):
    c = pywt.wavedec(ch, "db4", mode="symmetric")
    thr = np.median(np.abs(c[-1])) / 0.6745 * np.sqrt(2 * np.log(len(ch)))
    c[1:] = [pywt.threshold(d, thr, "soft") for d in c[1:]]
    return pywt.waverec(c, "db4", mode="symmetric")[: len(ch)]


sos = signal.butter(4, [4.0, 45.0], "bandpass", fs=FS, output="sos")
b, a = signal.iirnotch(50.0, 30.0, fs=FS)
print("bandpass_sosfiltfilt", best_ms(lambda: signal.sosfiltfilt(sos, x, axis=-1)))
print("notch_filtfilt", best_ms(lambda: signal.filtfilt(b, a, x, axis=-1)))
print("welch", best_ms(lambda: signal.welch(x, fs=FS, axis=-1)))
print("wavelet_denoise", best_ms(lambda: [denoise(ch) for ch in x]))
print("resample_poly_2_1", best_ms(lambda: signal.resample_poly(x, 2, 1, axis=-1)))
