"""Reference EEG features on S001R01.edf from SciPy/NumPy (run with /usr/bin/python3).

Data: mne.io.read_raw_edf, in microvolts, channels CHANNELS below. Writes features/*.npy:
  welch_abs_1s.npy      [61, 8, 4] band power, 1 s windows (160 samples, no overlap), scipy.signal.welch
                        defaults (nperseg = 160 here), sum of PSD over bins lo <= f < hi times the bin width
  welch_rel_1s.npy      the same divided by the sum over the four bands
  welch_log_1s.npy      natural log of welch_abs_1s
  faa_1s.npy            [61, 1] ln(alpha F4) - ln(alpha F3) from welch_abs_1s
  filterbank_abs_8fps.npy  [W/5, 8, 4] 8 fps windows (20 samples) with 50 % overlap (hop 10): butter(4, band,
                        'bandpass', output='sos') + sosfiltfilt on the whole channel, mean square per window;
                        every 5th window kept (windows 0, 5, 10, ...) to keep the file small
  de_8fps.npy           [W/5, 8, 4] 0.5 * ln(2 pi e var) of the same band-passed windows (np.var, ddof 0)
  baseline_mean.npy     [8, 400] first 400 trial samples minus the mean of the first 3 s
  baseline_persecond.npy [8, 400] the same with the per-second average of the 3 one-second baseline segments
  normalizer.npy        [2, 8] per-channel mean and population std over the first 30 s
"""
import os

import mne
import numpy as np
from scipy import signal

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "features")
os.makedirs(out, exist_ok=True)
CHANNELS = ["Fc5.", "C3..", "Cz..", "F3..", "F4..", "Pz..", "O1..", "T8.."]
BANDS = [(4, 8), (8, 13), (13, 30), (30, 45)]

raw = mne.io.read_raw_edf(os.path.join(here, "S001R01.edf"), preload=True, verbose=False)
fs = raw.info["sfreq"]
x = raw.get_data(picks=CHANNELS) * 1e6
n = x.shape[1]

# Welch band power over 1 s windows
win = int(fs)
W = n // win
absolute = np.zeros((W, len(CHANNELS), len(BANDS)))
for w in range(W):
    f, p = signal.welch(x[:, w * win:(w + 1) * win], fs=fs, nperseg=win, axis=-1)
    df = f[1] - f[0]
    for b, (lo, hi) in enumerate(BANDS):
        mask = (f >= lo) & (f < hi)
        absolute[w, :, b] = p[:, mask].sum(axis=-1) * df
np.save(os.path.join(out, "welch_abs_1s.npy"), absolute)
np.save(os.path.join(out, "welch_rel_1s.npy"), absolute / absolute.sum(axis=-1, keepdims=True))
np.save(os.path.join(out, "welch_log_1s.npy"), np.log(absolute))
np.save(os.path.join(out, "faa_1s.npy"), (np.log(absolute[:, 4, 1]) - np.log(absolute[:, 3, 1]))[:, None])

# Filter bank at 8 fps, 50 % overlap
length, hop = 20, 10
starts = [k * hop for k in range((n - length) // hop + 1)]
power = np.zeros((len(starts), len(CHANNELS), len(BANDS)))
de = np.zeros_like(power)
for b, (lo, hi) in enumerate(BANDS):
    sos = signal.butter(4, [lo, hi], btype="bandpass", fs=fs, output="sos")
    y = signal.sosfiltfilt(sos, x, axis=-1)
    for k, s in enumerate(starts):
        seg = y[:, s:s + length]
        power[k, :, b] = np.mean(seg ** 2, axis=-1)
        de[k, :, b] = 0.5 * np.log(2 * np.pi * np.e * np.var(seg, axis=-1))
np.save(os.path.join(out, "filterbank_abs_8fps.npy"), power[::5])
np.save(os.path.join(out, "de_8fps.npy"), de[::5])

# Baseline removal, 3 s
base = int(3 * fs)
np.save(os.path.join(out, "baseline_mean.npy"), (x[:, base:] - x[:, :base].mean(axis=-1, keepdims=True))[:, :400])
template = x[:, :base].reshape(len(CHANNELS), 3, int(fs)).mean(axis=1)
trial = x[:, base:].copy()
for s in range(0, trial.shape[1], int(fs)):
    m = min(int(fs), trial.shape[1] - s)
    trial[:, s:s + m] -= template[:, :m]
np.save(os.path.join(out, "baseline_persecond.npy"), trial[:, :400])

train = x[:, :30 * int(fs)]
np.save(os.path.join(out, "normalizer.npy"), np.stack([train.mean(axis=-1), train.std(axis=-1)]))
