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


def report(name, step, warmup=2, iterations=7):
    """Prints `<name> <median wall ms>`, `<name>_cpu <median process CPU ms>` and `<name>_cpu_min <least process
    CPU ms>` of `step()` after `warmup` untimed calls (CPU time of all threads; on a loaded machine it is the steadier
    figure)."""
    for _ in range(warmup):
        step()
    wall, cpu = [], []
    for _ in range(iterations):
        t, c = time.perf_counter(), time.process_time()
        step()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    print(f"{name} {sorted(wall)[iterations // 2]:.6f}")
    print(f"{name}_cpu {sorted(cpu)[iterations // 2]:.6f}")
    print(f"{name}_cpu_min {min(cpu):.6f}")


def load_safetensors(path):
    """Reads a safetensors file (u64 LE header size, JSON header, raw LE data) into (dict name -> tensor, metadata)
    without the `safetensors` package."""
    import json
    import struct

    import numpy as np

    dtypes = {"F32": np.float32, "F64": np.float64, "I64": np.int64, "I32": np.int32, "U8": np.uint8}
    with open(path, "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        data = f.read()
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=dtypes[info["dtype"]]).reshape(info["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors, meta
