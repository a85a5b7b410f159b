"""GDF fixtures for the GDF reader tests (run with /usr/bin/python3; MNE 1.3, NumPy).

Writes small GDF 1.x and 2.x files byte by byte from Schloegl's GDF specification, then reads them
back with mne.io.read_raw_gdf and stores what MNE reads as JSON next to each file (<name>_mne.json):
channel names, per-channel sampling rates, every sample (microvolts for voltage channels, the
physical value otherwise), annotations (onset s, duration s, event type as a decimal string) and
the start time.

  v1_int16.gdf   GDF 1.25, int16 samples, 4 channels with unequal samples per record (a 16 Hz
                 respiration channel in mV, two 64 Hz EEG channels in uV, a 64 Hz temperature channel
                 in degC), record duration 1/4 s as a rational, event table mode 3.
  v2_int32.gdf   GDF 2.20, int32 samples, unequal samples per record, physical dimension codes
                 (uV 4275, mV 4274, dimensionless 512), filter fields, event table mode 1.
  v1_<type>.gdf  GDF 1.25, one sample type each: int8, uint8, uint16, uint32 (mode-1 event table
                 with no events).
  v2_<type>.gdf  GDF 2.20, one sample type each: int64, uint64, float32, float64 (no event table).
                 MNE 1.3 scales float32 samples in float32 arithmetic, so the float32 file keeps MNE
                 exact with an identity scaling and units MNE leaves alone (dimensionless, degC).
  v1_mixed.gdf   GDF 1.25 whose channels use different sample sizes (int8, int16, uint32, float32,
                 float64, int64) and odd samples per record. MNE 1.3 refuses mixed sample sizes, so its
                 reference (v1_mixed_numpy.json) is decoded here with NumPy, and checked against MNE's
                 reading of the same channels stored one type per file.

MNE conventions the references carry (and how they are turned into ours):
  * MNE resamples channels with fewer samples per record to the highest rate. For the low-rate channel
    (always channel 0 in these files) the reference is read with include=[channel 0], which MNE 1.3
    then reads at its own rate; the script checks the rate and length it gets.
  * MNE 1.x scales only units starting with 'uV' to volts and 2.x only codes 4275/4274; the references
    turn MNE's values back into microvolts (voltage channels) or physical values (others).
  * Event onsets are (position - 1) / rate: positions are 1-based. MNE gives mode-1 events (which have
    no duration) a duration of one sample; the tests expect 0 there and compare everything else exactly.
"""
import datetime
import json
import os
import struct

import mne
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)

NUMPY_TYPE = {1: np.int8, 2: np.uint8, 3: np.int16, 4: np.uint16, 5: np.int32, 6: np.uint32,
              7: np.int64, 8: np.uint64, 16: np.float32, 17: np.float64}
UNIT_CODE = {"uV": 4275, "mV": 4274, "-": 512}
TO_MICROVOLTS = {"uV": 1.0, "mV": 1e3}


def text(value, width):
    raw = value.encode("latin-1")
    assert len(raw) <= width
    return raw + b" " * (width - len(raw))


def digital_samples(code, count):
    """Random digital values over the type's whole range, the extremes first."""
    dtype = NUMPY_TYPE[code]
    if code >= 16:
        values = rng.uniform(-1000.0, 1000.0, size=count).astype(dtype)
        values[:2] = [-1000.0, 1000.0]
        return values
    info = np.iinfo(dtype)
    values = rng.integers(info.min, info.max, size=count, dtype=dtype, endpoint=True)
    values[:3] = [info.min, info.max, 0]
    return values


def digital_range(code):
    if code >= 16:
        return -1000.0, 1000.0
    info = np.iinfo(NUMPY_TYPE[code])
    return info.min, info.max


class Channel:
    def __init__(self, label, unit, code, spr, pmin, pmax, transducer="", prefilter="",
                 lowpass=float("nan"), highpass=float("nan"), notch=float("nan")):
        self.label, self.unit, self.code, self.spr = label, unit, code, spr
        self.pmin, self.pmax = pmin, pmax
        self.dmin, self.dmax = digital_range(code)
        self.transducer, self.prefilter = transducer, prefilter
        self.lowpass, self.highpass, self.notch = lowpass, highpass, notch
        self.digital = None

    def physical(self):
        """The physical values the digital samples stand for (no unit conversion)."""
        gain = (self.pmax - self.pmin) / (float(self.dmax) - float(self.dmin))
        return (self.digital.astype(np.float64) - float(self.dmin)) * gain + self.pmin


def data_block(channels, records):
    for ch in channels:
        ch.digital = digital_samples(ch.code, ch.spr * records)
    out = b""
    for r in range(records):
        for ch in channels:
            out += ch.digital[r * ch.spr:(r + 1) * ch.spr].astype(np.dtype(NUMPY_TYPE[ch.code]).newbyteorder("<")).tobytes()
    return out


def write_v1(name, channels, records, duration, events, mode, event_rate):
    ns = len(channels)
    fixed = text("GDF 1.25", 8) + text("P0042 Jane_Doe", 80) + text("Synthetic GDF 1.x fixture", 80)
    fixed += text("2023061514302550", 16)                      # YYYYMMDDhhmmsscc
    fixed += struct.pack("<q", 256 * (ns + 1))
    fixed += struct.pack("<QQQ", 1, 2, 3) + b"\0" * 20           # equipment, lab, technician, reserved
    fixed += struct.pack("<q", records) + struct.pack("<II", *duration) + struct.pack("<I", ns)
    assert len(fixed) == 256
    var = b"".join(text(c.label, 16) for c in channels)
    var += b"".join(text(c.transducer, 80) for c in channels)
    var += b"".join(text(c.unit, 8) for c in channels)
    var += b"".join(struct.pack("<d", c.pmin) for c in channels)
    var += b"".join(struct.pack("<d", c.pmax) for c in channels)
    var += b"".join(struct.pack("<q", int(c.dmin)) for c in channels)
    var += b"".join(struct.pack("<q", int(c.dmax)) for c in channels)
    var += b"".join(text(c.prefilter, 80) for c in channels)
    var += b"".join(struct.pack("<i", c.spr) for c in channels)
    var += b"".join(struct.pack("<i", c.code) for c in channels)
    var += b"\0" * (32 * ns)
    assert len(var) == 256 * ns
    table = bytes([mode]) + struct.pack("<I", event_rate)[:3] + struct.pack("<I", len(events))
    table += event_arrays(events, mode)
    with open(os.path.join(here, name), "wb") as f:
        f.write(fixed + var + data_block(channels, records) + table)


def write_v2(name, channels, records, duration, events, mode, event_rate, start):
    ns = len(channels)
    fixed = text("GDF 2.20", 8) + text("P0043 John_Roe", 66) + b"\0" * 10
    fixed += bytes([0b00010110, 70, 180, 0b00000101])            # smoking..., weight, height, sex/handedness
    fixed += text("Synthetic GDF 2.x fixture", 64) + b"\0" * 16  # recording id, location
    days = (start - datetime.datetime(1, 1, 1)).total_seconds() / 86400 + 367
    fixed += struct.pack("<Q", int(np.ceil(days * 2 ** 32))) + struct.pack("<Q", 0)
    fixed += struct.pack("<H", ns + 1) + b"\0" * 6
    fixed += b"\0" * 8 + b"\0" * 6 + b"\0" * 6 + b"\0" * 24     # equipment, IP, head size, ref/gnd positions
    fixed += struct.pack("<q", records) + struct.pack("<II", *duration) + struct.pack("<H", ns) + b"\0\0"
    assert len(fixed) == 256
    var = b"".join(text(c.label, 16) for c in channels)
    var += b"".join(text(c.transducer, 80) for c in channels)
    var += b"".join(text(c.unit, 6) for c in channels)
    var += b"".join(struct.pack("<H", UNIT_CODE.get(c.unit, 0)) for c in channels)
    var += b"".join(struct.pack("<d", c.pmin) for c in channels)
    var += b"".join(struct.pack("<d", c.pmax) for c in channels)
    var += b"".join(struct.pack("<d", float(c.dmin)) for c in channels)
    var += b"".join(struct.pack("<d", float(c.dmax)) for c in channels)
    var += b"\0" * (68 * ns)
    var += b"".join(struct.pack("<f", c.lowpass) for c in channels)
    var += b"".join(struct.pack("<f", c.highpass) for c in channels)
    var += b"".join(struct.pack("<f", c.notch) for c in channels)
    var += b"".join(struct.pack("<i", c.spr) for c in channels)
    var += b"".join(struct.pack("<i", c.code) for c in channels)
    var += b"\0" * (12 * ns) + b"\0" * (20 * ns)                 # electrode positions, impedances
    assert len(var) == 256 * ns
    table = b""
    if events is not None:
        table = bytes([mode]) + struct.pack("<I", len(events))[:3] + struct.pack("<f", event_rate)
        table += event_arrays(events, mode)
    with open(os.path.join(here, name), "wb") as f:
        f.write(fixed + var + data_block(channels, records) + table)


def event_arrays(events, mode):
    """events: (1-based position, type, channel, duration in samples)."""
    out = b"".join(struct.pack("<I", e[0]) for e in events)
    out += b"".join(struct.pack("<H", e[1]) for e in events)
    if mode == 3:
        out += b"".join(struct.pack("<H", e[2]) for e in events)
        out += b"".join(struct.pack("<I", e[3]) for e in events)
    return out


def to_ours(values, channel, version):
    """MNE's values (volts where MNE recognised the unit) → microvolts or physical values."""
    mne_volts = channel.unit[:2] == "uV" if version == 1 else channel.unit in ("uV", "mV")
    physical = values / 1e-6 if mne_volts and channel.unit == "uV" else values / 1e-3 if mne_volts else values
    return physical * TO_MICROVOLTS.get(channel.unit, 1.0)


def annotations_of(raw):
    return [{"onset": float(a["onset"]), "duration": float(a["duration"]), "text": str(a["description"])}
            for a in raw.annotations]


def save(name, channels, rates, data, annotations, meas_date, source):
    out = {
        "source": source,
        "ch_names": [c.label for c in channels],
        "rates": rates,
        "units": [c.unit for c in channels],
        "data": [[float(v) for v in row] for row in data],
        "annotations": annotations,
        "meas_date": meas_date.isoformat() if meas_date else None,
    }
    with open(os.path.join(here, name), "w") as f:
        json.dump(out, f, indent=0)


def reference_from_mne(name, channels, records, duration, version):
    path = os.path.join(here, name)
    raw = mne.io.read_raw_gdf(path, preload=True, verbose="error")
    assert raw.ch_names == [c.label for c in channels]
    full = raw.get_data()
    top = max(c.spr for c in channels)
    rates, data = [], []
    for i, ch in enumerate(channels):
        rate = ch.spr * duration[1] / duration[0]
        values = full[i]
        if ch.spr != top:
            assert i == 0, "the include trick below only reads channel 0 at its own rate"
            alone = mne.io.read_raw_gdf(path, include=[ch.label], preload=True, verbose="error")
            assert alone.info["sfreq"] == rate and alone.n_times == records * ch.spr
            values = alone.get_data()[0]
        ours = to_ours(values, ch, version)
        # The NumPy decoding of what was written must agree with MNE: a check on the script itself.
        expected = ch.physical() * TO_MICROVOLTS.get(ch.unit, 1.0)
        assert np.allclose(ours, expected, rtol=1e-12, atol=1e-9), (name, ch.label)
        rates.append(rate)
        data.append(ours)
    meas_date = raw.info["meas_date"]
    save(name.replace(".gdf", "_mne.json"), channels, rates, data, annotations_of(raw),
         meas_date.replace(tzinfo=None) if meas_date else None, f"mne {mne.__version__} read_raw_gdf")


# --- GDF 1.25, int16, unequal samples per record, event table mode 3 ------------------------------
records, duration = 6, (1, 4)
v1 = [Channel("Resp", "mV", 3, 4, -5.0, 5.0, transducer="Thermistor", prefilter="LP:10Hz"),
      Channel("Fp1", "uV", 3, 16, -3276.8, 3276.7, transducer="AgAgCl electrode", prefilter="HP:0.1Hz LP:100Hz"),
      Channel("Fp2", "uV", 3, 16, -1000.0, 1000.0, transducer="AgAgCl electrode", prefilter="HP:0.1Hz LP:100Hz"),
      Channel("Temp", "degC", 3, 16, 20.0, 45.0)]
v1_events = [(1, 0x0300, 0, 16), (20, 0x0301, 2, 3), (50, 0x7FFE, 0, 1), (70, 1, 1, 8)]
write_v1("v1_int16.gdf", v1, records, duration, v1_events, 3, 64)
reference_from_mne("v1_int16.gdf", v1, records, duration, 1)

# --- GDF 2.20, int32, unequal samples per record, dimension codes, event table mode 1 -------------
records, duration = 6, (1, 2)
v2 = [Channel("C3", "uV", 5, 8, -500.0, 500.0, lowpass=30.0, highpass=0.5, notch=50.0),
      Channel("C4", "mV", 5, 32, -0.25, 0.25, lowpass=100.0, highpass=0.1),
      Channel("Cz", "uV", 5, 32, -2000.0, 2000.0),
      Channel("GSR", "-", 5, 32, 0.0, 10.0, transducer="Skin conductance")]
v2_events = [(1, 0x0300, 0, 0), (33, 0x0301, 0, 0), (100, 0x8300, 0, 0), (150, 42, 0, 0)]
write_v2("v2_int32.gdf", v2, records, duration, v2_events, 1, 64.0, datetime.datetime(2021, 3, 4, 5, 6, 7))
reference_from_mne("v2_int32.gdf", v2, records, duration, 2)

# --- one sample type per file -------------------------------------------------------------------------
for code, version in [(1, 1), (2, 1), (4, 1), (6, 1), (7, 2), (8, 2), (16, 2), (17, 2)]:
    name = f"v{version}_{np.dtype(NUMPY_TYPE[code]).name}.gdf"
    channels = [Channel("A", "uV", code, 8, -100.0, 100.0), Channel("B", "mV", code, 8, 0.0, 2.0)]
    if code == 16:
        channels = [Channel("A", "-", code, 8, -1000.0, 1000.0), Channel("B", "degC", code, 8, -1000.0, 1000.0)]
    if version == 1:
        write_v1(name, channels, 3, (1, 1), [], 1, 8)
    else:
        write_v2(name, channels, 3, (1, 1), None, 1, 0.0, datetime.datetime(2020, 1, 1, 12, 0, 0))
    reference_from_mne(name, channels, 3, (1, 1), version)

# --- mixed sample sizes: MNE refuses, so the reference is the NumPy decoding above ------------------
mixed = [Channel("i8", "uV", 1, 3, -12.8, 12.7), Channel("i16", "uV", 3, 5, -3276.8, 3276.7),
         Channel("u32", "mV", 6, 7, 0.0, 1.0), Channel("f32", "uV", 16, 2, -1000.0, 1000.0),
         Channel("f64", "V", 17, 1, -1e-3, 1e-3), Channel("i64", "uV", 7, 3, -1.0, 1.0)]
mixed_events = [(1, 0x0300, 1, 1), (2, 0x0301, 0, 2)]
write_v1("v1_mixed.gdf", mixed, 4, (1, 1), mixed_events, 3, 7)
try:
    mne.io.read_raw_gdf(os.path.join(here, "v1_mixed.gdf"), verbose="error")
    raise AssertionError("MNE now reads mixed sample sizes: take the reference from MNE")
except RuntimeError:
    pass
save("v1_mixed_numpy.json", mixed, [float(c.spr) for c in mixed],
     [c.physical() * {"uV": 1.0, "mV": 1e3, "V": 1e6}[c.unit] for c in mixed],
     [{"onset": (p - 1) / 7, "duration": d / 7, "text": str(t)} for p, t, _, d in mixed_events],
     datetime.datetime(2023, 6, 15, 14, 30, 25, 500000), "numpy (MNE 1.3 cannot read mixed sample sizes)")
