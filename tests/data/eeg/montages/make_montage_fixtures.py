"""Writes the montage fixtures in this folder from MNE-Python 1.3 (Debian python3-mne).

Run with Debian's interpreter from the repository root:
    /usr/bin/python3 tests/data/eeg/montages/make_montage_fixtures.py

For each built-in montage and each custom file it writes <name>.positions.txt with one line per
channel: `kind name x y z`, where kind is `file` (the montage's own coordinates, as
``montage.get_positions()['ch_pos']`` gives them), `head` (the position MNE stores in
``info['chs'][i]['loc'][:3]`` after ``info.set_montage(montage)``, i.e. in head coordinates) or
`fid` (nasion, lpa, rpa as ``get_positions()`` gives them). Numbers are printed with repr(), so
they round-trip exactly.
"""
import os

import mne
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
BUILT_IN = ["standard_1020", "standard_1005", "biosemi16", "biosemi32", "biosemi64"]
CUSTOM = ["custom/GSN-HydroCel-32.sfp", "custom/mgh60.elc", "custom/biosemi16.txt"]


def write(montage, out_name):
    pos = montage.get_positions()
    names = list(pos["ch_pos"].keys())
    info = mne.create_info(names, 100.0, "eeg")
    info.set_montage(montage, on_missing="ignore")
    lines = []
    for fid in ("nasion", "lpa", "rpa"):
        if pos[fid] is not None:
            x, y, z = (float(v) for v in pos[fid])  # float32 for some files: print the exact value
            lines.append(f"fid {fid} {x!r} {y!r} {z!r}")
    for name, p in pos["ch_pos"].items():
        lines.append(f"file {name} {p[0]!r} {p[1]!r} {p[2]!r}")
    for ch in info["chs"]:
        x, y, z = ch["loc"][:3]
        lines.append(f"head {ch['ch_name']} {x!r} {y!r} {z!r}")
    with open(os.path.join(HERE, out_name), "w") as f:
        f.write(f"# MNE {mne.__version__}; coord_frame {pos['coord_frame']}\n")
        f.write("\n".join(lines) + "\n")


def main():
    for name in BUILT_IN:
        write(mne.channels.make_standard_montage(name), f"{name}.positions.txt")
    for rel in CUSTOM:
        montage = mne.channels.read_custom_montage(os.path.join(HERE, rel))
        write(montage, os.path.basename(rel) + ".positions.txt")


if __name__ == "__main__":
    main()
