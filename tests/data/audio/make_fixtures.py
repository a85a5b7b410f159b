#!/usr/bin/python3
"""Regenerates the audio reference fixtures in this folder.

Run with Debian's interpreter (python3-torch 1.13, python3-torchaudio 0.13, python3-scipy, python3-numpy):
    /usr/bin/python3 tests/data/audio/make_fixtures.py
Input: speech_16k.wav (LibriVox speech, see README.md). Every output is a .npy file next to this script.
"""
import os

import numpy as np
import scipy.signal
import torch
import torchaudio
import torchaudio.compliance.kaldi as kaldi
import torchaudio.functional as F
import torchaudio.transforms as T

HERE = os.path.dirname(os.path.abspath(__file__))


def save(name, array):
    np.save(os.path.join(HERE, name), np.ascontiguousarray(array))


wave, rate = torchaudio.load(os.path.join(HERE, "speech_16k.wav"))  # float32 in [-1, 1), shape [1, n]
assert rate == 16000
x = wave[0]
x64 = x.double()

# FFT: numpy.fft on a seeded complex signal of a prime length and on a speech frame (real FFT, odd and even).
rng = np.random.default_rng(6)
z = rng.standard_normal(1031) + 1j * rng.standard_normal(1031)
save("fft_1031_input.npy", np.stack([z.real, z.imag]))
Z = np.fft.fft(z)
save("fft_1031_output.npy", np.stack([Z.real, Z.imag]))
for n in (400, 401):
    R = np.fft.rfft(x64.numpy()[8000:8000 + n])
    save(f"rfft_{n}.npy", np.stack([R.real, R.imag]))

# Windows, length 400, float64: rows hann/hamming/blackman periodic, then symmetric, then Kaldi's povey.
windows = []
for periodic in (True, False):
    windows.append(torch.hann_window(400, periodic=periodic, dtype=torch.float64))
    windows.append(torch.hamming_window(400, periodic=periodic, dtype=torch.float64))
    windows.append(torch.blackman_window(400, periodic=periodic, dtype=torch.float64))
windows.append(torch.hann_window(400, periodic=False, dtype=torch.float64).pow(0.85))
save("windows_400.npy", torch.stack(windows).numpy())

# STFT: first 0.5 s. (a) torch defaults with hann 400, hop 160, centre reflect, complex output.
seg = x64[:8000]
S = torch.stft(seg, n_fft=400, hop_length=160, window=torch.hann_window(400, dtype=torch.float64),
               center=True, pad_mode="reflect", return_complex=True)
save("stft_400_re.npy", S.real.numpy())
save("stft_400_im.npy", S.imag.numpy())
# (b) symmetric hamming of 320 centred in n_fft 512, hop 128, zero padding, two-sided power.
S = torch.stft(seg, n_fft=512, hop_length=128, win_length=320,
               window=torch.hamming_window(320, periodic=False, dtype=torch.float64),
               center=True, pad_mode="constant", onesided=False, return_complex=True)
save("stft_512_w320_power.npy", (S.abs() ** 2).numpy())

# Mel filter banks [n_freqs, n_mels] (torchaudio) and [n_mels, n_fft/2] (Kaldi).
save("fb_htk_201x40.npy", F.melscale_fbanks(201, 0.0, 8000.0, 40, 16000, None, "htk").numpy())
save("fb_slaney_257x64_norm.npy", F.melscale_fbanks(257, 0.0, 8000.0, 64, 16000, "slaney", "slaney").numpy())
save("fb_slaney_201x40.npy", F.melscale_fbanks(201, 300.0, 7000.0, 40, 16000, None, "slaney").numpy())
bins, _ = kaldi.get_mel_banks(23, 512, 16000.0, 20.0, 0.0, 100.0, -500.0, 1.0)
save("fb_kaldi_23x256.npy", bins.numpy())

# Presets on the whole 2.99 s of speech (float32 input, as torchaudio users feed it).
mel = T.MelSpectrogram(sample_rate=16000)(x)                      # [128, frames]
save("melspec_torchaudio.npy", mel.numpy())
save("logmel_torchaudio.npy", T.AmplitudeToDB("power", top_db=80.0)(mel).numpy())
mfcc = T.MFCC(sample_rate=16000)(x)                                # [40, frames]
save("mfcc_torchaudio.npy", mfcc.numpy())
save("deltas_w5.npy", F.compute_deltas(mfcc, win_length=5).numpy())
save("deltas_w9.npy", F.compute_deltas(mfcc, win_length=9).numpy())
save("mfcc_kaldi.npy", kaldi.mfcc(wave, sample_frequency=16000.0).numpy())     # [frames, 13]
save("fbank_kaldi.npy", kaldi.fbank(wave, sample_frequency=16000.0).numpy())   # [frames, 23]
librosa_like = T.MFCC(sample_rate=16000, n_mfcc=20,
                      melkwargs=dict(n_fft=2048, hop_length=512, n_mels=128, mel_scale="slaney",
                                     norm="slaney", center=True, pad_mode="reflect"))
save("mfcc_librosa.npy", librosa_like(x).numpy())                 # [20, frames]
# The benchmark setting: 40 coefficients, n_fft 512, hop 160, 40 mels.
bench = T.MFCC(sample_rate=16000, n_mfcc=40, melkwargs=dict(n_fft=512, hop_length=160, n_mels=40))
save("mfcc_bench.npy", bench(x).numpy())

# Polyphase resampling (scipy.signal.resample_poly, default Kaiser window) of the first second.
first = x64.numpy()[:16000]
save("resample_16k_to_8k.npy", scipy.signal.resample_poly(first, 1, 2).astype(np.float32))
save("resample_16k_to_22050.npy", scipy.signal.resample_poly(first, 441, 320).astype(np.float32))
print("fixtures written to", HERE)
