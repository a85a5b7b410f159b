"""Reference SGEMM timings with numpy (Debian's OpenBLAS). argv[1] = threads; prints `name milliseconds`.

Each name is `sgemm_<transA><transB>_<m>x<n>x<k>`; the time is the median of 7 runs of one product after warm-up,
each run repeating small products so it lasts at least ~20 ms.
"""
import sys
import time

import numpy as np

try:
    from threadpoolctl import threadpool_limits
except ImportError:  # OPENBLAS_NUM_THREADS from the harness already limits the threads
    threadpool_limits = None

SHAPES = [("N", "N", 1024, 1024, 1024), ("N", "T", 12, 1024, 256)]


def median_ms(f, reps):
    for _ in range(2):
        f()
    times = []
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(reps):
            f()
        times.append((time.perf_counter() - t) * 1000 / reps)
    return sorted(times)[3]


def main():
    rng = np.random.default_rng(1)
    for ta, tb, m, n, k in SHAPES:
        a = rng.random((k, m) if ta == "T" else (m, k), dtype=np.float32)
        b = rng.random((n, k) if tb == "T" else (k, n), dtype=np.float32)
        opa = a.T if ta == "T" else a
        opb = b.T if tb == "T" else b
        out = np.empty((m, n), dtype=np.float32)
        reps = max(1, int(4e8 / (2 * m * n * k)))
        ms = median_ms(lambda: np.matmul(opa, opb, out=out), reps)
        print(f"sgemm_{ta}{tb}_{m}x{n}x{k} {ms:.6f}")


if __name__ == "__main__":
    main()
