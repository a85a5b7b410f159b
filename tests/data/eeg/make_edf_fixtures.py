"""Reference values for the EDF/BDF reader tests, from MNE (run with /usr/bin/python3; MNE 1.3).

Writes:
  edf/S001R01_mne.json   channel names, sfreq, sample count, a few samples per channel in microvolts,
                         annotations, start time, read from S001R01.edf by mne.io.read_raw_edf.
  bdf/synthetic.bdf      a small BDF written byte by byte here (3 EEG channels in uV/mV/V + Status,
                         24-bit samples spanning the whole range, 3 records of 1 s at 64 Hz),
  bdf/synthetic_mne.json what mne.io.read_raw_bdf reads from it (microvolts; Status raw).
"""
import json
import os
import struct

import mne
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, "edf"), exist_ok=True)
os.makedirs(os.path.join(here, "bdf"), exist_ok=True)
INDICES = [0, 1, 2, 159, 160, 4321, 9759]


def dump(raw, path, indices, stim=()):
    data = raw.get_data()
    rows = []
    for i, name in enumerate(raw.ch_names):
        scale = 1.0 if name in stim else 1e6
        rows.append([float(data[i, j] * scale) for j in indices])
    ann = [{"onset": float(a["onset"]), "duration": float(a["duration"]), "text": a["description"]}
           for a in raw.annotations]
    out = {
        "mne_version": mne.__version__,
        "ch_names": raw.ch_names,
        "sfreq": raw.info["sfreq"],
        "n_times": int(raw.n_times),
        "indices": indices,
        "samples": rows,
        "annotations": ann,
        "meas_date": raw.info["meas_date"].strftime("%Y-%m-%dT%H:%M:%S") if raw.info["meas_date"] else None,
    }
    with open(path, "w") as f:
        json.dump(out, f, indent=1)


raw = mne.io.read_raw_edf(os.path.join(here, "S001R01.edf"), preload=True, verbose=False)
dump(raw, os.path.join(here, "edf", "S001R01_mne.json"), INDICES)

# --- a synthetic BDF, written field by field ---------------------------------------------------
fs, records = 64, 3
names = ["Fp1", "Cz", "O2", "Status"]
units = ["uV", "mV", "V", "Boo"]
pmin = [-262144.0, -262.144, -0.262144, -8388608.0]
pmax = [262143.0, 262.143, 0.262143, 8388607.0]
dmin, dmax = -8388608, 8388607
rng = np.random.default_rng(7)
digital = [rng.integers(dmin, dmax + 1, size=fs * records) for _ in range(3)]
digital[0][:4] = [dmin, dmax, 0, -1]
status = np.zeros(fs * records, dtype=np.int64)
status[10:20] = 5
status[100:101] = 3
digital.append(status | 0xFF0000)  # high byte: BioSemi system bits, ignored by the trigger mask


def field(text, width):
    return text.ljust(width)[:width].encode("latin-1")


header = b"\xffBIOSEMI" + field("X X X X", 80) + field("Startdate 01-JAN-2020 X X synthetic", 80)
header += field("01.01.20", 8) + field("12.34.56", 8) + field(str(256 * (len(names) + 1)), 8)
header += field("24BIT", 44) + field(str(records), 8) + field("1", 8) + field(str(len(names)), 4)
header += b"".join(field(n, 16) for n in names)
header += b"".join(field("AgAgCl electrode" if n != "Status" else "Triggers and Status", 80) for n in names)
header += b"".join(field(u, 8) for u in units)
header += b"".join(field(repr(v), 8) for v in pmin)
header += b"".join(field(repr(v), 8) for v in pmax)
header += b"".join(field(str(dmin), 8) for _ in names)
header += b"".join(field(str(dmax), 8) for _ in names)
header += b"".join(field("HP:DC; LP:417 Hz" if n != "Status" else "No filtering", 80) for n in names)
header += b"".join(field(str(fs), 8) for _ in names)
header += b"".join(field("", 32) for _ in names)
body = bytearray()
for r in range(records):
    for d in digital:
        for v in d[r * fs:(r + 1) * fs]:
            body += struct.pack("<i", int(v))[:3]
bdf_path = os.path.join(here, "bdf", "synthetic.bdf")
with open(bdf_path, "wb") as f:
    f.write(header + bytes(body))
raw = mne.io.read_raw_bdf(bdf_path, preload=True, verbose=False)
out = os.path.join(here, "bdf", "synthetic_mne.json")
dump(raw, out, list(range(fs * records)), stim=("Status",))
with open(out) as f:
    obj = json.load(f)
obj["digital"] = [[int(v) for v in d] for d in digital]
with open(out, "w") as f:
    json.dump(obj, f)
