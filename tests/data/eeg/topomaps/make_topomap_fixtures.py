"""Writes the topomap fixtures in this folder from MNE-Python 1.3 and SciPy 1.10 (Debian packages).

Run with Debian's interpreter from the repository root:
    /usr/bin/python3 tests/data/eeg/topomaps/make_topomap_fixtures.py PATH/TO/S001R01.edf

S001R01.edf is PhysioNet's EEG Motor Movement/Imagery recording (64 channels, 160 Hz, ODC-BY),
shipped in the npm package edf-parser@0.2.3 as package/sample/S001R01.edf.

Outputs (all arrays raw little-endian float64 `.f64` or int32 `.i32`, C order; shapes in cases.txt):
  band_power_64      [frames=2, bands=3, 64] theta 4-8, alpha 8-13, beta 13-30 Hz band power in uV^2
                     (Welch, 1 s Hann segments, 50 % overlap, on 2 s windows; sum of PSD bins in
                     [lo, hi) times the bin width), channels in the file's order.
  mne64_*            the 64 channels on standard_1020 in head coordinates, projected as MNE's
                     _find_topomap_coords (default sphere (0, 0, 0, 0.095)), interpolated as MNE's
                     plot_topomap does (_setup_interp / _GridData, border='mean', res=32).
  bashivan32_*       the 32 DEAP channels on biosemi32 in head coordinates, projected with Bashivan's
                     azim_proj, interpolated with scipy.interpolate.griddata on his bounding-box grid
                     np.mgrid[min:max:32j] (images stored [x, y] exactly as his gen_images does).
  biosemi32_mne_pos  MNE's 2-D topomap coordinates of the 32 biosemi32 electrodes.
"""
import os
import sys

import mne
import numpy as np
from mne.channels.layout import _find_topomap_coords
from mne.viz.topomap import _get_extra_points, _make_head_outlines, _setup_interp
from scipy.interpolate import CloughTocher2DInterpolator, LinearNDInterpolator, griddata
from scipy.signal import welch
from scipy.spatial import Delaunay

HERE = os.path.dirname(os.path.abspath(__file__))
BANDS = [(4.0, 8.0), (8.0, 13.0), (13.0, 30.0)]
DEAP = ["Fp1", "AF3", "F3", "F7", "FC5", "FC1", "C3", "T7", "CP5", "CP1", "P3", "P7", "PO3", "O1",
        "Oz", "Pz", "Fp2", "AF4", "Fz", "F4", "F8", "FC6", "FC2", "Cz", "C4", "T8", "CP6", "CP2",
        "P4", "P8", "PO4", "O2"]
SPHERE = np.array([0.0, 0.0, 0.0, 0.095])
cases = []


def save(name, array):
    array = np.ascontiguousarray(array)
    if array.dtype.kind in "iu":
        array.astype("<i4").tofile(os.path.join(HERE, name + ".i32"))
        cases.append(f"{name}.i32 int32 {' '.join(map(str, array.shape))}")
    else:
        array.astype("<f8").tofile(os.path.join(HERE, name + ".f64"))
        cases.append(f"{name}.f64 float64 {' '.join(map(str, array.shape))}")


def head_positions(montage_name, names):
    montage = mne.channels.make_standard_montage(montage_name)
    lower = {n.lower(): n for n in montage.ch_names}
    canon = [lower[n.strip(".").lower()] for n in names]
    info = mne.create_info(canon, 160.0, "eeg")
    info.set_montage(montage)
    return info


def band_powers(edf):
    raw = mne.io.read_raw_edf(edf, preload=True, verbose="error")
    data = raw.get_data() * 1e6  # volts -> microvolts
    fs = raw.info["sfreq"]
    frames = []
    for f in range(2):
        seg = data[:, int(f * 2 * fs):int((f + 1) * 2 * fs)]
        freqs, psd = welch(seg, fs=fs, nperseg=int(fs))
        df = freqs[1] - freqs[0]
        frames.append([psd[:, (freqs >= lo) & (freqs < hi)].sum(axis=1) * df for lo, hi in BANDS])
    return raw.ch_names, np.array(frames)


def mne_case(info, power):
    pos = _find_topomap_coords(info, None, sphere=SPHERE)
    save("mne64_pos", pos)
    # MNE measures the median inter-electrode distance on this triangulation, reading edges in Qhull's vertex order
    save("mne64_electrode_simplices", Delaunay(pos, incremental=True).simplices.astype(np.int32))
    outlines = _make_head_outlines(SPHERE, pos, "head", (0.0, 0.0))
    for extrapolate in ("head", "local", "box"):
        for method in ("cubic", "linear"):
            extent, xi, yi, interp = _setup_interp(pos, 32, method, extrapolate, outlines, "mean")
            images = np.array([[interp.set_values(v).set_locations(xi, yi)() for v in frame]
                               for frame in power])
            save(f"mne64_{extrapolate}_{method}", images)
            if method == "cubic":
                save(f"mne64_{extrapolate}_extra", np.asarray(interp.tri.points[len(pos):]))
                save(f"mne64_{extrapolate}_simplices", interp.tri.simplices.astype(np.int32))
                save(f"mne64_{extrapolate}_extent", np.array(extent))
                # converged gradients: the limit our precomputed matrix reproduces
                tight = []
                for frame in power:
                    row = []
                    for v in frame:
                        interp.set_values(v)
                        values = interp.interpolator.values[:, 0]
                        ct = CloughTocher2DInterpolator(interp.tri, values, tol=1e-14, maxiter=100000)
                        row.append(ct(xi, yi))
                    tight.append(row)
                save(f"mne64_{extrapolate}_cubic_tight", np.array(tight))


def azim_proj(pos):
    x, y, z = pos
    r = np.sqrt(x * x + y * y + z * z)
    elev = np.arctan2(z, np.sqrt(x * x + y * y))
    az = np.arctan2(y, x)
    rho = np.pi / 2 - elev
    return rho * np.cos(az), rho * np.sin(az)


def bashivan_case(info, power):
    locs3d = np.array([ch["loc"][:3] for ch in info["chs"]])
    locs = np.array([azim_proj(p) for p in locs3d])
    save("bashivan32_pos", locs)
    save("bashivan32_simplices", Delaunay(locs).simplices.astype(np.int32))
    grid_x, grid_y = np.mgrid[min(locs[:, 0]):max(locs[:, 0]):32j, min(locs[:, 1]):max(locs[:, 1]):32j]
    for method in ("cubic", "linear", "nearest"):
        images = np.array([[griddata(locs, v, (grid_x, grid_y), method=method, fill_value=np.nan)
                            for v in frame] for frame in power])
        save(f"bashivan32_{method}", images)
    tight = np.array([[CloughTocher2DInterpolator(locs, v, tol=1e-14, maxiter=100000)(grid_x, grid_y)
                       for v in frame] for frame in power])
    save("bashivan32_cubic_tight", tight)


def main():
    names, power = band_powers(sys.argv[1])
    save("band_power_64", power)
    mne_case(head_positions("standard_1020", names), power)
    lower = [n.strip(".").lower() for n in names]
    deap_idx = [lower.index(n.lower()) for n in DEAP]
    save("deap_indices_in_64", np.array(deap_idx, dtype=np.int32))
    bashivan_case(head_positions("biosemi32", DEAP), power[:, :, deap_idx])
    save("biosemi32_mne_pos", _find_topomap_coords(head_positions("biosemi32", DEAP), None, sphere=SPHERE))
    with open(os.path.join(HERE, "cases.txt"), "w") as f:
        f.write("# file dtype shape... (written by make_topomap_fixtures.py)\n")
        f.write("\n".join(cases) + "\n")


if __name__ == "__main__":
    main()
