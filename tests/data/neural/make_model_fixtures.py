#!/usr/bin/python3
"""Writes the PyTorch 1.13 parity fixtures for the video-EEG networks of MlNetEmotion.Models.

Run with Debian's interpreter (python3-torch 1.13):  /usr/bin/python3 tests/data/neural/make_model_fixtures.py

The modules below are PyTorch twins written from the papers, not from the C# code:
  seed 000  Liu et al., "Video-EEG based collaborative emotion recognition using LSTM and attention" (vis-EEG-LSTM)
  seed 002  Wu et al., "Multimodal fused emotion recognition about expression-EEG interaction and collaboration
            using deep learning", IEEE Access 2020 (hierarchical LSTM with layer attention)
Parameter names are the C# modules' state-dict names. File format, key convention and the float64 reference
arithmetic are those of make_fixtures.py in this folder (its helpers are reused); files are named seed000_* / seed002_*.
"""
import importlib.util
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("make_fixtures", os.path.join(HERE, "make_fixtures.py"))
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)
rnd, module_case = fx.rnd, fx.module_case
# scalar outputs are stored with shape [1]


# ---------------------------------------------------------------- shared parts
class BandAttention(nn.Module):
    """Eq. 1-2 (both papers): theta_i = softmax_i(W_h,i h_(n-1) + b_i); e'_n = sum_i theta_i e_i,n; x_e,n = relu(FC(e'_n))."""

    def __init__(self, bands, band_features, hidden, out_features):
        super().__init__()
        self.score = nn.Linear(hidden, bands)            # rows W_h,i, b_i
        self.projection = nn.Linear(band_features, out_features)

    def forward(self, e, h_prev):
        theta = torch.softmax(self.score(h_prev), dim=1)                           # (2)
        e_prime = torch.einsum("bi,bif->bf", theta, e)                              # (1)
        return F.relu(self.projection(e_prime)), theta


def band_balance_penalty(theta, mu):
    """Seed 000 eq. 3 regulariser: mu * sum_j (1/J - mean_n theta_n,j)^2 (batch mean)."""
    return mu * ((1.0 / theta.shape[2] - theta.mean(dim=1)) ** 2).sum(dim=1).mean()


def vis_eeg_lstm_loss(logits, target):
    """Seed 000 eq. 3 first term: -sum_k (y_k log p_k + (1 - y_k) log(1 - p_k)), p = softmax, batch mean
    (probabilities floored at 1e-12 inside the logs, as in the C# loss)."""
    p = torch.softmax(logits, dim=1)
    y = F.one_hot(target, logits.shape[1]).double()
    return -(y * p.clamp_min(1e-12).log() + (1 - y) * (1 - p).clamp_min(1e-12).log()).sum(dim=1).mean()


class LayerAttention(nn.Module):
    """Seed 002 eq. 3-7: u_t = v^T tanh(W_s X_t + b); a_t = softmax(u_t) over layers; Y_t = a_t X_t."""

    def __init__(self, r, d_a):
        super().__init__()
        self.projection = nn.Linear(r, d_a)                 # W_s, b
        self.context = nn.Linear(d_a, 1, bias=False)        # v^T

    def forward(self, x):                                   # x [B, L, r]
        u = self.context(torch.tanh(self.projection(x)))[..., 0]   # (3)
        a = torch.softmax(u, dim=1)                                  # (4)
        return torch.bmm(a.unsqueeze(1), x)[:, 0], a                 # (7)


def layer_penalty(alpha, beta):
    """Seed 002 eq. 8-9: (1/T) sum_t sum_l ((alpha_tl - mu_t)^2 + (beta_tl - eta_t)^2), batch mean."""
    def part(w):
        return ((w - w.mean(dim=2, keepdim=True)) ** 2).sum(dim=2).mean()
    return part(alpha) + part(beta)


class LocationHead(nn.Module):
    """Gaussian policy over the next frame's position: mean sigmoid(W h + b), sigma = exp(log_std) (learned)."""

    def __init__(self, state, sigma):
        super().__init__()
        self.mean = nn.Linear(state, 1)
        self.log_std = nn.Parameter(torch.full((1,), math.log(sigma)))

    def forward(self, h):
        return torch.sigmoid(self.mean(h))[:, 0]

    def log_prob(self, means, actions):
        return torch.distributions.Normal(means, self.log_std.exp()).log_prob(actions)


class Glimpse(nn.Module):
    """Layer 1: two LSTMs with shared parameters over x_v,n and x_e,n; glimpse vector = [h_v; h_e]."""

    def __init__(self, features, hidden):
        super().__init__()
        self.cell = nn.LSTMCell(features, hidden)

    def forward(self, xv, xe, sv, se):
        sv = self.cell(xv, sv)
        se = self.cell(xe, se)
        return sv, se


class EegBandEncoder(nn.Module):
    def __init__(self, encoders):
        super().__init__()
        self.bands = nn.ModuleList(encoders)

    def forward(self, images):                              # [B, bands, S, S]
        return torch.stack([enc(images[:, i:i + 1]) for i, enc in enumerate(self.bands)], dim=1)


class BandImageCnn(nn.Module):
    """Seed 000 per-band CNN + FC: (conv3x3 same, relu, maxpool2) x2, flatten, FC, relu."""

    def __init__(self, size, c1, c2, features):
        super().__init__()
        self.conv1 = nn.Conv2d(1, c1, 3, padding=1)
        self.conv2 = nn.Conv2d(c1, c2, 3, padding=1)
        self.fc = nn.Linear(c2 * (size // 4) ** 2, features)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return F.relu(self.fc(x.flatten(1)))


class BandImageFc(nn.Module):
    """Seed 002 per-band fully connected network: flatten, FC, relu, FC, relu."""

    def __init__(self, size, hidden, features):
        super().__init__()
        self.fc1 = nn.Linear(size * size, hidden)
        self.fc2 = nn.Linear(hidden, features)

    def forward(self, x):
        return F.relu(self.fc2(F.relu(self.fc1(x.flatten(1)))))


class LstmCore(nn.Module):
    """Seed 000 layer 2 ("core"): one LSTM; h_n is what band attention, the location head and the classifier read."""

    def __init__(self, inp, hidden):
        super().__init__()
        self.hidden = hidden
        self.cell = nn.LSTMCell(inp, hidden)

    def initial(self, b, dtype):
        z = torch.zeros(b, self.hidden, dtype=dtype)
        return {"layers": [(z, z)], "hidden": z, "readout": z}

    def forward(self, g, st):
        h, c = self.cell(g, st["layers"][0])
        return {"layers": [(h, c)], "hidden": h, "readout": h}


class LayerAttentiveLstm(nn.Module):
    """Seed 002 core: L stacked LSTM cells (dropout between layers, p = 0 in the fixtures); layer attention over H_t
    (eq. 5) and C_t (eq. 6) each step; band attention reads H'_t, the heads read [H'_t; C'_t]."""

    def __init__(self, inp, r, layers, d_a):
        super().__init__()
        self.r = r
        self.layers = nn.ModuleList([nn.LSTMCell(inp if l == 0 else r, r) for l in range(layers)])
        self.hidden_attention = LayerAttention(r, d_a)
        self.cell_attention = LayerAttention(r, d_a)
        self.dropout = nn.Dropout(0.0)

    def initial(self, b, dtype):
        z = torch.zeros(b, self.r, dtype=dtype)
        return {"layers": [(z, z)] * len(self.layers), "hidden": z, "readout": torch.cat([z, z], 1)}

    def forward(self, g, st):
        x, new = g, []
        for l, (cell, s) in enumerate(zip(self.layers, st["layers"])):
            h, c = cell(self.dropout(x) if l > 0 else x, s)
            new.append((h, c))
            x = h
        hp, alpha = self.hidden_attention(torch.stack([h for h, _ in new], 1))
        cp, beta = self.cell_attention(torch.stack([c for _, c in new], 1))
        return {"layers": new, "hidden": hp, "readout": torch.cat([hp, cp], 1), "alpha": alpha, "beta": beta}


class GlimpseNetwork(nn.Module):
    """Both papers' glimpse network over given frames f_1..f_N: face FC (relu) -> x_v; band encoder -> band attention
    with the core's previous hidden state -> x_e; glimpse; core; location mean; classifier on the last readout.
    `bands` (from encode) supplies the band features of every frame instead of encoding the glimpsed ones."""

    def __init__(self, faces, features, glimpse_hidden, band_encoder, band_features, core, core_hidden, readout, classes, sigma):
        super().__init__()
        self.face = nn.Linear(faces, features)
        self.band_encoder = band_encoder
        self.band_attention = BandAttention(len(band_encoder.bands), band_features, core_hidden, features)
        self.glimpse = Glimpse(features, glimpse_hidden)
        self.core = core
        self.location = LocationHead(readout, sigma)
        self.dropout = nn.Dropout(0.0)
        self.classifier = nn.Linear(readout, classes)
        self.glimpse_hidden = glimpse_hidden

    def encode(self, images):
        """Band features of every frame, [B, T, bands, E] (what forward reads when given them as `bands`)."""
        return self.band_encoder(images.flatten(0, 1)).unflatten(0, images.shape[:2])

    def forward(self, faces, images, frames, bands=None):
        b = faces.shape[0]
        rows = torch.arange(b)
        z = torch.zeros(b, self.glimpse_hidden, dtype=faces.dtype)
        sv, se, st = (z, z), (z, z), self.core.initial(b, faces.dtype)
        out = {"band_weights": [], "location_means": [], "readouts": [], "alpha": [], "beta": []}
        for n in range(frames.shape[1]):
            f = frames[:, n]
            xv = F.relu(self.face(faces[rows, f]))
            e = self.band_encoder(images[rows, f]) if bands is None else bands[rows, f]
            xe, theta = self.band_attention(e, st["hidden"])
            sv, se = self.glimpse(xv, xe, sv, se)
            st = self.core(torch.cat([sv[0], se[0]], 1), st)
            out["band_weights"].append(theta)
            out["location_means"].append(self.location(st["readout"]))
            out["readouts"].append(st["readout"])
            if "alpha" in st:
                out["alpha"].append(st["alpha"])
                out["beta"].append(st["beta"])
        result = {k: torch.stack(v, 1) for k, v in out.items() if v}
        result["logits"] = self.classifier(self.dropout(st["readout"]))
        return result


# ---------------------------------------------------------------- cases
def part_cases():
    B = 2
    module_case("seed000_band_attention", BandAttention(3, 5, 4, 6), {"e": rnd(B, 3, 5), "h": rnd(B, 4)},
                lambda m, v: dict(zip(("x", "theta"), m(v["e"], v["h"]))),
                {"bands": 3, "band_features": 5, "hidden": 4, "out_features": 6, "paper": "000/002 eq. 1-2"})
    module_case("seed002_layer_attention", LayerAttention(5, 4), {"x": rnd(B, 3, 5)},
                lambda m, v: dict(zip(("y", "a"), m(v["x"]))), {"r": 5, "d_a": 4, "layers": 3, "paper": "002 eq. 3-7"})
    head = LocationHead(4, 0.2)
    h = rnd(3, 4)
    with torch.no_grad():
        actions = head.double()(h) + 0.3 * rnd(3)
    module_case("seed000_location_head", head, {"h": h, "actions": actions},
                lambda m, v: {"mean": m(v["h"]), "log_prob": m.log_prob(m(v["h"]), v["actions"])},
                {"state": 4, "sigma0": 0.2, "learned_std": True})
    module_case("seed000_glimpse", Glimpse(5, 4),
                {"xv": rnd(B, 5), "xe": rnd(B, 5), "hv": rnd(B, 4), "cv": rnd(B, 4), "he": rnd(B, 4), "ce": rnd(B, 4)},
                lambda m, v: dict(zip(("hv", "cv", "he", "ce"),
                                      sum(m(v["xv"], v["xe"], (v["hv"], v["cv"]), (v["he"], v["ce"])), ()))),
                {"features": 5, "hidden": 4})
    module_case("seed000_band_image_cnn", BandImageCnn(8, 2, 3, 5), {"x": rnd(B, 1, 8, 8)},
                lambda m, v: {"y": m(v["x"])}, {"size": 8, "channels": (2, 3), "features": 5})
    module_case("seed002_band_image_fc", BandImageFc(8, 9, 5), {"x": rnd(B, 1, 8, 8)},
                lambda m, v: {"y": m(v["x"])}, {"size": 8, "hidden": 9, "features": 5})

    def penalty_fwd(m, v):
        return {"penalty": layer_penalty(torch.softmax(v["u_alpha"], 2), torch.softmax(v["u_beta"], 2)).reshape(1),
                "band_penalty": band_balance_penalty(torch.softmax(v["u_theta"], 2), 0.02).reshape(1)}
    module_case("seed002_penalties", nn.Module(), {"u_alpha": rnd(B, 4, 3), "u_beta": rnd(B, 4, 3), "u_theta": rnd(B, 4, 3)},
                penalty_fwd, {"weights": "softmax over the last axis of the inputs", "mu": 0.02})


SIZES = dict(B=2, T=6, DV=7, S=8, BANDS=3, E=5, X=6, G=4, CLASSES=3, SIGMA=0.2)
FRAMES = torch.tensor([[0, 2, 5, 3], [0, 1, 1, 4]])


def network_inputs():
    s = SIZES
    return {"faces": rnd(s["B"], s["T"], s["DV"]), "images": rnd(s["B"], s["T"], s["BANDS"], s["S"], s["S"]),
            "frames": FRAMES.clone(), "actions": rnd(s["B"], FRAMES.shape[1] - 1) * 0.3 + 0.5,
            "target": torch.tensor([2, 0])}


def network_cases():
    s = SIZES
    core_hidden = 5
    net = GlimpseNetwork(s["DV"], s["X"], s["G"],
                         EegBandEncoder([BandImageCnn(s["S"], 2, 3, s["E"]) for _ in range(s["BANDS"])]), s["E"],
                         LstmCore(2 * s["G"], core_hidden), core_hidden, core_hidden, s["CLASSES"], s["SIGMA"])

    def fwd000(m, v):
        o = m(v["faces"], v["images"], v["frames"])
        o["band_penalty"] = band_balance_penalty(o["band_weights"], 0.02).reshape(1)
        o["loss"] = (vis_eeg_lstm_loss(o["logits"], v["target"]) + o["band_penalty"][0]).reshape(1)   # eq. 3
        o["log_prob"] = m.location.log_prob(o["location_means"][:, :-1], v["actions"])
        return o

    module_case("seed000_network", net, network_inputs(), fwd000,
                dict(SIZES, conv_channels=(2, 3), core_hidden=core_hidden, frames="input.frames [B, N]", mu=0.02))

    r, layers, d_a = 5, 3, 4
    net = GlimpseNetwork(s["DV"], s["X"], s["G"],
                         EegBandEncoder([BandImageFc(s["S"], 9, s["E"]) for _ in range(s["BANDS"])]), s["E"],
                         LayerAttentiveLstm(2 * s["G"], r, layers, d_a), r, 2 * r, s["CLASSES"], s["SIGMA"])

    def fwd002(m, v):
        o = m(v["faces"], v["images"], v["frames"])
        o["penalty"] = layer_penalty(o["alpha"], o["beta"]).reshape(1)
        o["loss"] = F.cross_entropy(o["logits"], v["target"]).reshape(1) - 1.0 * o["penalty"]   # eq. 10, lambda = 1
        o["log_prob"] = m.location.log_prob(o["location_means"][:, :-1], v["actions"])
        return o

    module_case("seed002_network", net, network_inputs(), fwd002,
                dict(SIZES, band_hidden=9, core_hidden=r, layers=layers, attention_size=d_a, lambda_=1.0))


if __name__ == "__main__":
    assert torch.__version__.startswith("1.13"), torch.__version__
    torch.manual_seed(20261207)
    part_cases()
    network_cases()
    print("fixtures written to", fx.OUT)
