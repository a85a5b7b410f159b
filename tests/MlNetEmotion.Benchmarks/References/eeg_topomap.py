"""Reference timing for eeg.topomap: one 32x32 topomap from 32 electrode values with SciPy 1.10.

argv[1] = threads (SciPy's interpolators are single-threaded either way). Prints `name milliseconds` lines:
  topomap.griddata       per map, scipy.interpolate.griddata(method='cubic') (Delaunay + gradients + evaluation),
                         what Bashivan et al.'s gen_images calls for every map
  topomap.ct_pretriangulated  per map, CloughTocher2DInterpolator on a Delaunay built once (gradients + evaluation)
Electrodes: the 32 DEAP channels on biosemi32 (MNE 1.3) in azim_proj coordinates; grid: their bounding box, 32x32.
"""
import sys
import time

import mne
import numpy as np
from scipy.interpolate import CloughTocher2DInterpolator, griddata
from scipy.spatial import Delaunay

DEAP = ["Fp1", "AF3", "F3", "F7", "FC5", "FC1", "C3", "T7", "CP5", "CP1", "P3", "P7", "PO3", "O1", "Oz", "Pz",
        "Fp2", "AF4", "Fz", "F4", "F8", "FC6", "FC2", "Cz", "C4", "T8", "CP6", "CP2", "P4", "P8", "PO4", "O2"]


def positions():
    info = mne.create_info(DEAP, 128.0, "eeg")
    info.set_montage(mne.channels.make_standard_montage("biosemi32"))
    locs = []
    for ch in info["chs"]:
        x, y, z = ch["loc"][:3]
        elev = np.arctan2(z, np.sqrt(x * x + y * y))
        az = np.arctan2(y, x)
        rho = np.pi / 2 - elev
        locs.append((rho * np.cos(az), rho * np.sin(az)))
    return np.array(locs)


def best_ms(fn, maps, repeats=5):
    fn(maps[:8])
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        fn(maps)
        best = min(best, (time.perf_counter() - t) * 1e3 / len(maps))
    return best


def main():
    locs = positions()
    gx, gy = np.mgrid[locs[:, 0].min():locs[:, 0].max():32j, locs[:, 1].min():locs[:, 1].max():32j]
    maps = np.random.default_rng(0).standard_normal((200, 32))
    tri = Delaunay(locs)

    def griddata_all(ms):
        for v in ms:
            griddata(locs, v, (gx, gy), method="cubic", fill_value=np.nan)

    def pretri_all(ms):
        for v in ms:
            CloughTocher2DInterpolator(tri, v)(gx, gy)

    print(f"topomap.griddata {best_ms(griddata_all, maps):.6f}")
    print(f"topomap.ct_pretriangulated {best_ms(pretri_all, maps):.6f}")


if __name__ == "__main__":
    main()
