#!/usr/bin/python3
"""Reference timings for the audio benchmark cases (torchaudio 0.13).

argv: threads, path of a raw float32 mono 16 kHz file (60 s of speech), path of an mp4 with that speech as its
audio track. Prints "name milliseconds" lines (median of 7 runs after 2 warm-ups; process CPU time: median and
minimum of 15 runs).
"""
import subprocess
import sys
import time

import numpy as np
import torch
import torchaudio.transforms as T

threads = int(sys.argv[1])
torch.set_num_threads(threads)
signal = torch.from_numpy(np.fromfile(sys.argv[2], dtype=np.float32))
mfcc = T.MFCC(sample_rate=16000, n_mfcc=40, melkwargs=dict(n_fft=512, hop_length=160, n_mels=40))


def times_ms(action, warmup, iterations, clock):
    for _ in range(warmup):
        action()
    times = []
    for _ in range(iterations):
        start = clock()
        action()
        times.append((clock() - start) * 1000)
    return sorted(times)


def median_ms(action, warmup=2, iterations=7, clock=time.perf_counter):
    return times_ms(action, warmup, iterations, clock)[iterations // 2]


print("mfcc60s", median_ms(lambda: mfcc(signal)))
# CPU time of the process (all threads): less sensitive to other load on a shared machine.
cpu = times_ms(lambda: mfcc(signal), 2, 15, time.process_time)
print("mfcc60s_cpu", cpu[len(cpu) // 2])
print("mfcc60s_cpu_min", cpu[0])


def decode_and_mfcc():
    raw = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-i", sys.argv[3], "-map", "0:a:0",
                          "-f", "f32le", "-acodec", "pcm_f32le", "-ac", "1", "pipe:1"],
                         check=True, stdout=subprocess.PIPE).stdout
    return mfcc(torch.from_numpy(np.frombuffer(raw, dtype=np.float32).copy()))


print("video60s", median_ms(decode_and_mfcc, warmup=1, iterations=5))
