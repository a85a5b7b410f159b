"""Shared timing helper for the neural_*.py reference scripts (not a benchmark itself)."""
import sys
import time

import torch


def setup():
    """Sets torch's thread count from argv[1] and a fixed seed; returns the thread count."""
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    return threads


def median_ms(step, warmup=2, iterations=7):
    """Median wall time of `step()` in milliseconds after `warmup` untimed calls."""
    for _ in range(warmup):
        step()
    times = []
    for _ in range(iterations):
        t = time.perf_counter()
        step()
        times.append((time.perf_counter() - t) * 1000)
    return sorted(times)[iterations // 2]
