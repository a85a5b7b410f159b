#!/usr/bin/python3
"""Regenerates the MlNetEmotion.Signals reference fixtures from real EEG.

Input: PhysioNet EEG Motor Movement/Imagery S001R01.edf as shipped in the npm
package edf-parser@0.2.3 (package/sample/S001R01.edf). Run from this folder:

    npm pack edf-parser@0.2.3 && tar xzf edf-parser-0.2.3.tgz
    /usr/bin/python3 make_fixtures.py package/sample/S001R01.edf

Reference implementations: Debian python3-scipy 1.10, python3-pywt 1.1,
python3-mne 1.3, numpy 1.24. Outputs uncompressed .npz archives of float64 arrays.
"""
import sys

import mne
import numpy as np
import pywt
from scipy import signal

EDF = sys.argv[1] if len(sys.argv) > 1 else "package/sample/S001R01.edf"
CHANNELS = ["C3..", "Cz..", "O1..", "Fp1."]
SECONDS = 4.0

raw = mne.io.read_raw_edf(EDF, preload=True, verbose="error")
fs = float(raw.info["sfreq"])
n = int(SECONDS * fs)
eeg = raw.get_data(picks=CHANNELS)[:, :n] * 1e6  # volts -> microvolts
eeg = np.ascontiguousarray(eeg, dtype=np.float64)


def save(name, arrays):
    np.savez(name, **arrays)


# ---------------------------------------------------------------- filters
BUTTER = {
    "low4_30": (4, 30.0, "lowpass"),
    "low1_20": (1, 20.0, "lowpass"),
    "high2_1": (2, 1.0, "highpass"),
    "high5_0p5": (5, 0.5, "highpass"),
    "band4_4_45": (4, [4.0, 45.0], "bandpass"),
    "band3_8_13": (3, [8.0, 13.0], "bandpass"),
    "stop2_48_52": (2, [48.0, 52.0], "bandstop"),
    "stop3_45_55": (3, [45.0, 55.0], "bandstop"),
    "band8_1_70": (8, [1.0, 70.0], "bandpass"),
}
out = {"eeg": eeg, "fs": np.array([fs])}
for key, (order, wn, btype) in BUTTER.items():
    sos = signal.butter(order, wn, btype, fs=fs, output="sos")
    zi = signal.sosfilt_zi(sos)
    out[f"{key}_sos"] = sos
    out[f"{key}_zi"] = zi
    out[f"{key}_sosfilt"] = signal.sosfilt(sos, eeg[0])
    out[f"{key}_sosfilt_ic"] = signal.sosfilt(sos, eeg[0], zi=zi * eeg[0, 0])[0]
    out[f"{key}_sosfiltfilt"] = signal.sosfiltfilt(sos, eeg[:2], axis=-1)
sos = signal.butter(4, [4.0, 45.0], "bandpass", fs=fs, output="sos")
out["band4_4_45_sosfiltfilt_pad10"] = signal.sosfiltfilt(sos, eeg[0], padlen=10)
b, a = signal.iirnotch(50.0, 30.0, fs=fs)
out["notch50_b"], out["notch50_a"] = b, a
out["notch50_filtfilt"] = signal.filtfilt(b, a, eeg[:2], axis=-1)
out["notch50_lfilter"] = signal.lfilter(b, a, eeg[0])
b4, a4 = signal.butter(4, 20.0, "lowpass", fs=fs)
out["ba_low4_20_b"], out["ba_low4_20_a"] = b4, a4
out["ba_low4_20_filtfilt"] = signal.filtfilt(b4, a4, eeg[1])
out["ba_low4_20_lfilter_zi"] = signal.lfilter_zi(b4, a4)
save("filters.npz", out)

# ---------------------------------------------------------------- resampling
out = {"eeg": eeg}
for up, down in [(4, 5), (8, 5), (5, 8), (3, 1), (1, 2), (2, 4), (147, 160)]:
    out[f"resample_{up}_{down}"] = signal.resample_poly(eeg, up, down, axis=-1)
out["resample_4_5_beta8"] = signal.resample_poly(eeg[0], 4, 5, window=("kaiser", 8.0))
out["firwin_41_0p25_kaiser5"] = signal.firwin(41, 0.25, window=("kaiser", 5.0))
out["firwin_81_0p125_kaiser5"] = signal.firwin(81, 0.125, window=("kaiser", 5.0))
out["kaiser_31_5"] = signal.windows.kaiser(31, 5.0, sym=True)
out["upfirdn_h"] = signal.firwin(15, 0.3, window=("kaiser", 5.0))
out["upfirdn_3_2"] = signal.upfirdn(out["upfirdn_h"], eeg[0], 3, 2)
save("resample.npz", out)

# ---------------------------------------------------------------- Welch
out = {"eeg": eeg}
f, p = signal.welch(eeg, fs=fs)
out["welch_default_f"], out["welch_default_p"] = f, p
f, p = signal.welch(eeg, fs=fs, nperseg=128, noverlap=96)
out["welch_128_96_f"], out["welch_128_96_p"] = f, p
f, p = signal.welch(eeg, fs=fs, nperseg=160, average="median")
out["welch_160_median_f"], out["welch_160_median_p"] = f, p
f, p = signal.welch(eeg[:, :200], fs=fs)  # shorter than 256: nperseg = 200
out["welch_short_f"], out["welch_short_p"] = f, p
f, p = signal.welch(eeg, fs=fs, nperseg=255, scaling="spectrum")
out["welch_255_spectrum_f"], out["welch_255_spectrum_p"] = f, p
f, p = signal.welch(eeg, fs=fs, nperseg=128, window="hamming", detrend=False)
out["welch_128_hamming_nodetrend_f"], out["welch_128_hamming_nodetrend_p"] = f, p
f, p = out["welch_default_f"], out["welch_default_p"]
band = (f >= 8.0) & (f <= 13.0)  # alpha, edges inclusive
out["bandpower_alpha_trapz"] = np.trapz(p[:, band], f[band], axis=-1)
out["bandpower_alpha_rect"] = p[:, band].sum(axis=-1) * (f[1] - f[0])
save("welch.npz", out)

# ---------------------------------------------------------------- wavelets
x = eeg[2, :223].copy()  # odd length exercises PyWavelets' odd-length rules
out = {"x": x, "x640": eeg[0].copy()}
names = ["haar"] + [f"db{i}" for i in range(1, 21)] + [f"sym{i}" for i in range(2, 21)]
for name in names:
    w = pywt.Wavelet(name)
    out[f"maxlevel_{name}"] = np.array([pywt.dwt_max_level(len(x), w.dec_len)], dtype=np.float64)
    for mode in ["symmetric", "periodization"]:
        coeffs = pywt.wavedec(x, name, mode=mode)
        out[f"wavedec_{name}_{mode}"] = np.concatenate(coeffs)
        out[f"wavedec_{name}_{mode}_lengths"] = np.array([len(c) for c in coeffs], dtype=np.float64)
for name in ["db4", "sym8", "db20", "haar"]:
    for mode in ["symmetric", "periodization"]:
        coeffs = pywt.wavedec(eeg[0], name, mode=mode, level=3)
        out[f"wavedec640_{name}_{mode}"] = np.concatenate(coeffs)
        out[f"wavedec640_{name}_{mode}_lengths"] = np.array([len(c) for c in coeffs], dtype=np.float64)
        rec = pywt.waverec(pywt.wavedec(x, name, mode=mode), name, mode=mode)
        out[f"waverec_{name}_{mode}"] = rec
save("wavelets.npz", out)


# ---------------------------------------------------------------- denoising
def denoise(sig, wavelet, mode, level, thr_mode):
    coeffs = pywt.wavedec(sig, wavelet, mode=mode, level=level)
    sigma = np.median(np.abs(coeffs[-1])) / 0.6745
    thr = sigma * np.sqrt(2.0 * np.log(len(sig)))
    coeffs[1:] = [pywt.threshold(c, thr, mode=thr_mode) for c in coeffs[1:]]
    return pywt.waverec(coeffs, wavelet, mode=mode)[: len(sig)], thr


out = {"eeg": eeg}
for key, (wavelet, mode, level, thr_mode) in {
    "db4_sym_auto_soft": ("db4", "symmetric", None, "soft"),
    "db4_sym_4_soft": ("db4", "symmetric", 4, "soft"),
    "sym8_per_3_soft": ("sym8", "periodization", 3, "soft"),
    "db6_sym_5_hard": ("db6", "symmetric", 5, "hard"),
}.items():
    rows, thrs = zip(*[denoise(ch, wavelet, mode, level, thr_mode) for ch in eeg])
    out[f"denoise_{key}"] = np.array(rows)
    out[f"denoise_{key}_threshold"] = np.array(thrs)
save("denoise.npz", out)

# ---------------------------------------------------------------- wavelet filter bank source
if len(sys.argv) > 2:
    with open(sys.argv[2], "w") as fh:
        fh.write("// <auto-generated>\n")
        fh.write("// Generated by tests/data/signals/make_fixtures.py from PyWavelets %s\n" % pywt.__version__)
        fh.write("// (pywt.Wavelet(name).dec_lo); do not edit by hand.\n")
        fh.write("// </auto-generated>\n")
        fh.write("#nullable enable\n\n")
        fh.write("namespace MlNetEmotion.Signals.Wavelets;\n\n")
        fh.write("/// <summary>Decomposition low-pass filters of the built-in orthogonal wavelets, as PyWavelets stores them.</summary>\n")
        fh.write("internal static class WaveletFilterTable\n{\n")
        fh.write("    /// <summary>Looks up the decomposition low-pass filter of a wavelet by its PyWavelets name.</summary>\n")
        fh.write("    public static double[]? DecompositionLowPass(string name) => name switch\n    {\n")
        for name in names:
            w = pywt.Wavelet(name)
            dec_lo = np.array(w.dec_lo)
            f = len(dec_lo)
            # The other three filters follow from dec_lo exactly (sign flips and reversals).
            assert np.array_equal(np.array(w.rec_lo), dec_lo[::-1])
            assert np.array_equal(np.array(w.dec_hi), np.array([(-1) ** (j + 1) * dec_lo[f - 1 - j] for j in range(f)]))
            assert np.array_equal(np.array(w.rec_hi), np.array([(-1) ** j * dec_lo[j] for j in range(f)]))
            vals = ", ".join(repr(float(v)) for v in dec_lo)
            fh.write(f"        \"{name}\" => [{vals}],\n")
        fh.write("        _ => null,\n    };\n}\n")
