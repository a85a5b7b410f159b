#!/usr/bin/python3
"""PyTorch 1.13 twins of paper 001's networks (MlNetEmotion.Models.ConvLstm) and small parity fixtures for
tests/MlNetEmotion.Models.Tests/ConvLstm.

Run with Debian's interpreter:  /usr/bin/python3 tests/data/models/make_convlstm_fixtures.py

Same conventions as tests/data/neural/make_fixtures.py (whose writer and peephole cell are reused): state.<name>,
input.<name>, output.<name>, upstream.<name>, grad.<param>, grad.input.<name>; every reference is computed in float64
from float32 inputs and parameters and stored as float32, except the keys listed in `keep64` (the CCC values), which
stay F64 for the formula test at 1e-12.

Networks (paper 001, Mi et al.; SEEDS.md 001):
  ConvLstmRegressor: three peephole ConvLSTM layers (eq. 6-10, "same" padding), per frame 4x4 max pooling, fc1, ReLU,
                     fc2, tanh -> (valence, arousal) per frame.
  CnnLstmRegressor / CnnGruRegressor: per frame 4x4 max pooling and flatten, two-layer LSTM / GRU, fc, tanh.
  ConcordanceLoss: 1 - mean over outputs of CCC = 2 s_xy / (s_x^2 + s_y^2 + (mu_x - mu_y)^2), population moments.
"""
import json
import os
import struct
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "neural"))
import make_fixtures as mf  # noqa: E402  (seeds torch on import; reseeded below)
from make_fixtures import PeepholeConvLSTMCell, f32, rnd  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(20261207)


def save(name, tensors, meta, keep64=()):
    """mf.save with an output folder of its own and F64 kept for the keys in `keep64`."""
    header, blobs, offset = {}, [], 0
    for key in sorted(tensors):
        t = tensors[key].detach().contiguous()
        if t.dtype == torch.float64 and key not in keep64:
            t = t.float()
        raw = t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        header[key] = {"dtype": mf.DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    header["__metadata__"] = {k: str(v) for k, v in meta.items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(os.path.join(OUT, name + ".safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def module_case(name, module, inputs, forward, meta):
    """mf.module_case writing here."""
    saved = mf.OUT, mf.save
    mf.OUT, mf.save = OUT, lambda n, t, m: save(n, t, m)
    try:
        mf.module_case(name, module, inputs, forward, meta)
    finally:
        mf.OUT, mf.save = saved


class ConvLstmEncoder(nn.Module):
    def __init__(self, cin, height, width, filters, k):
        super().__init__()
        self.cells = nn.ModuleList()
        for hid in filters:
            self.cells.append(PeepholeConvLSTMCell(cin, hid, k, height, width))
            cin = hid

    def forward(self, x):  # [B, T, C, H, W]
        seq = [x[:, t] for t in range(x.shape[1])]
        for cell in self.cells:
            h = x.new_zeros(x.shape[0], cell.hid, x.shape[3], x.shape[4])
            c = torch.zeros_like(h)
            out = []
            for xt in seq:
                h, c = cell(xt, h, c)
                out.append(h)
            seq = out
        return torch.stack(seq, dim=1)


class ConvLstmRegressor(nn.Module):
    def __init__(self, cin, height, width, filters, k, pool, hidden, outputs=2):
        super().__init__()
        self.encoder = ConvLstmEncoder(cin, height, width, filters, k)
        self.pool = nn.MaxPool2d(pool)
        self.fc1 = nn.Linear(filters[-1] * (height // pool) * (width // pool), hidden)
        self.fc2 = nn.Linear(hidden, outputs)

    def forward(self, x):
        b, t = x.shape[:2]
        y = self.pool(self.encoder(x).flatten(0, 1)).flatten(1)
        y = torch.tanh(self.fc2(torch.relu(self.fc1(y))))
        return y.reshape(b, t, -1)


class CnnRnnRegressor(nn.Module):
    def __init__(self, rnn, cin, height, width, hidden, pool, outputs=2):
        super().__init__()
        self.pool = nn.MaxPool2d(pool)
        features = cin * (height // pool) * (width // pool)
        self.rnn_name = rnn
        setattr(self, rnn, (nn.LSTM if rnn == "lstm" else nn.GRU)(features, hidden, num_layers=2, batch_first=True))
        self.fc = nn.Linear(hidden, outputs)

    def forward(self, x):
        b, t = x.shape[:2]
        f = self.pool(x.flatten(0, 1)).reshape(b, t, -1)
        y, _ = getattr(self, self.rnn_name)(f)
        return torch.tanh(self.fc(y))


def ccc(x, y):
    """Per-output CCC of [N, D] series (population moments)."""
    mx, my = x.mean(0), y.mean(0)
    dx, dy = x - mx, y - my
    return 2 * (dx * dy).mean(0) / ((dx * dx).mean(0) + (dy * dy).mean(0) + (mx - my) ** 2)


def ccc_case():
    pred = f32(torch.tanh(rnd(3, 7, 2)))
    target = f32(0.6 * pred + 0.4 * torch.tanh(rnd(3, 7, 2)) + 0.1)
    p = pred.clone().requires_grad_()
    t = target.clone().requires_grad_()
    loss = 1 - ccc(p.reshape(-1, 2), t.reshape(-1, 2)).mean()
    loss.backward()
    values = ccc(pred.reshape(-1, 2), target.reshape(-1, 2)).detach()
    save("ccc_loss", {"input.x": pred, "input.y": target, "output.loss": loss.detach(), "output.ccc": values,
                      "grad.input.x": p.grad, "grad.input.y": t.grad},
         {"what": "1 - mean CCC over the 2 outputs of [3, 7, 2] series; output.ccc per output in F64"},
         keep64=("output.ccc",))


if __name__ == "__main__":
    assert torch.__version__.startswith("1.13"), torch.__version__
    B, T, C, H, W = 2, 3, 6, 8, 8
    module_case("convlstm_regressor", ConvLstmRegressor(C, H, W, [5, 4, 3], 7, 4, 6), {"x": rnd(B, T, C, H, W)},
                lambda m, v: {"y": m(v["x"])},
                {"in_channels": C, "height": H, "width": W, "filters": "5,4,3", "kernel_size": 7, "pool": 4, "hidden_units": 6})
    for rnn in ("lstm", "gru"):
        module_case(f"cnn_{rnn}_regressor", CnnRnnRegressor(rnn, C, H, W, 5, 4), {"x": rnd(B, T, C, H, W)},
                    lambda m, v: {"y": m(v["x"])},
                    {"in_channels": C, "height": H, "width": W, "hidden_size": 5, "num_layers": 2, "pool": 4})
    ccc_case()
    print("fixtures written to", OUT)
