#!/usr/bin/python3
"""Writes the PyTorch 1.13 parity fixtures for MlNetEmotion.Neural.

Run with Debian's interpreter (python3-torch 1.13):  /usr/bin/python3 tests/data/neural/make_fixtures.py

Every fixture is one .safetensors file (written by hand below, no `safetensors` package needed).
Inputs and parameters are drawn in float32 from a fixed seed; every reference number is computed by
PyTorch in float64 from those float32 values and stored back as float32, so a float32 engine is compared
with the exact answer rather than with PyTorch's own float32 rounding.

Key convention inside a file:
  state.<name>          the module's state_dict before the forward pass, names exactly as PyTorch gives them
  input.<name>          forward inputs (float32; class targets int64; boolean masks as uint8 0/1)
  output.<name>         forward outputs
  upstream.<name>       the fixed random gradient fed into output.<name>; backward runs on
                        sum over outputs of (output * upstream)
  grad.input.<name>     gradient of that scalar with respect to an input
  grad.<param name>     gradient with respect to a parameter (state_dict name)
  after.<name>          state after the step (BatchNorm running statistics; optimizer parameters
                        as step<k>.<param name>; learning rates as lr)
The module configuration is written into the header's __metadata__ (string values) for the reader.
"""
import json
import math
import os
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(20261122)

DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64", torch.uint8: "U8"}


def save(name, tensors, meta):
    """Writes `tensors` (dict name -> tensor) as <name>.safetensors: u64 LE header size, JSON header, raw LE data."""
    header, blobs, offset = {}, [], 0
    for key in sorted(tensors):
        t = tensors[key].detach().contiguous()
        if t.dtype == torch.float64 and not key.startswith("after.lr"):
            t = t.float()
        if t.dtype == torch.bool:
            t = t.to(torch.uint8)  # masks: 1 = masked (PyTorch True); U8 is what every safetensors reader knows
        raw = t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        header[key] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
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


def rnd(*shape):
    """float32 draw promoted to float64, so references are exact for the stored float32 values."""
    return torch.randn(*shape, dtype=torch.float32).double()


def f32(v):
    """Rounds a floating tensor to float32 values (kept in float64); other dtypes unchanged."""
    return v.float().double() if v.is_floating_point() else v


def module_case(name, module, inputs, forward, meta, grad_inputs=True, after_state=False):
    """Generic case: stores state, inputs, outputs, upstream grads and all gradients."""
    module = module.double()
    with torch.no_grad():
        for v in module.state_dict().values():
            v.copy_(f32(v))
    state = {"state." + k: v.clone() for k, v in module.state_dict().items()}
    leaves = {k: f32(v).clone().requires_grad_(grad_inputs and v.is_floating_point()) for k, v in inputs.items()}
    outs = forward(module, leaves)
    tensors = dict(state)
    tensors.update({"input." + k: v for k, v in leaves.items()})
    total = 0
    for k, o in outs.items():
        up = rnd(*o.shape)
        tensors["output." + k] = o
        tensors["upstream." + k] = up
        total = total + (o * up).sum()
    total.backward()
    for k, p in module.named_parameters():
        tensors["grad." + k] = p.grad
    for k, v in leaves.items():
        if v.requires_grad:
            tensors["grad.input." + k] = v.grad
    if after_state:
        tensors.update({"after." + k: v for k, v in module.state_dict().items()})
    save(name, tensors, meta)


# ---------------------------------------------------------------- recurrent
def rnn_cases():
    B, T, I, H, L = 3, 4, 5, 6, 2
    for kind, cls in (("lstm", nn.LSTM), ("gru", nn.GRU)):
        for with_init in (True, False):
            m = cls(I, H, num_layers=L, batch_first=True)
            inputs = {"x": rnd(B, T, I), "h0": rnd(L, B, H)}
            if kind == "lstm":
                inputs["c0"] = rnd(L, B, H)

            def fwd(mod, v, kind=kind, with_init=with_init):
                if not with_init:
                    y, st = mod(v["x"])
                elif kind == "lstm":
                    y, st = mod(v["x"], (v["h0"], v["c0"]))
                else:
                    y, st = mod(v["x"], v["h0"])
                if kind == "lstm":
                    return {"y": y, "hn": st[0], "cn": st[1]}
                return {"y": y, "hn": st}

            if not with_init:
                inputs = {"x": inputs["x"]}
            module_case(f"{kind}_2layer_{'init' if with_init else 'noinit'}", m, inputs, fwd,
                        {"input_size": I, "hidden_size": H, "num_layers": L, "batch_first": True})
    cell = nn.LSTMCell(I, H)
    module_case("lstmcell", cell, {"x": rnd(B, I), "h0": rnd(B, H), "c0": rnd(B, H)},
                lambda m, v: dict(zip(("h", "c"), m(v["x"], (v["h0"], v["c0"])))),
                {"input_size": I, "hidden_size": H})
    cell = nn.GRUCell(I, H)
    module_case("grucell", cell, {"x": rnd(B, I), "h0": rnd(B, H)},
                lambda m, v: {"h": m(v["x"], v["h0"])}, {"input_size": I, "hidden_size": H})


class PeepholeConvLSTMCell(nn.Module):
    """Paper 001 eq. 6-10 (Shi et al. 2015) with the parameterisation of the C# ConvLSTMCell:
    conv.weight [4*hid, in+hid, k, k] and conv.bias [4*hid] act on cat(X_t, H_{t-1}) with "same" padding,
    gate blocks in order i, f, g (cell candidate), o (PyTorch LSTM order); so W_x* X + W_h* H is one conv.
    weight_ci, weight_cf, weight_co [hid, height, width] are the Hadamard peepholes:
      i = sigmoid(Zi + W_ci o C_{t-1})        (6)
      f = sigmoid(Zf + W_cf o C_{t-1})        (7)
      C_t = f o C_{t-1} + i o tanh(Zg)        (8)
      o = sigmoid(Zo + W_co o C_t)            (9, peephole on the new cell as in Shi et al.)
      H_t = o o tanh(C_t)                     (10)
    """

    def __init__(self, cin, hid, k, height, width):
        super().__init__()
        self.hid = hid
        self.conv = nn.Conv2d(cin + hid, 4 * hid, k, padding="same")
        self.weight_ci = nn.Parameter(torch.randn(hid, height, width) * 0.3)
        self.weight_cf = nn.Parameter(torch.randn(hid, height, width) * 0.3)
        self.weight_co = nn.Parameter(torch.randn(hid, height, width) * 0.3)

    def forward(self, x, h, c):
        z = self.conv(torch.cat([x, h], dim=1))
        zi, zf, zg, zo = z.chunk(4, dim=1)
        i = torch.sigmoid(zi + self.weight_ci * c)
        f = torch.sigmoid(zf + self.weight_cf * c)
        c = f * c + i * torch.tanh(zg)
        o = torch.sigmoid(zo + self.weight_co * c)
        return o * torch.tanh(c), c


def convlstm_case():
    B, T, CIN, HID, K, HH, WW = 2, 3, 3, 4, 3, 5, 6
    cell = PeepholeConvLSTMCell(CIN, HID, K, HH, WW)

    def fwd(m, v):
        h, c = v["h0"], v["c0"]
        hs = []
        for t in range(T):
            h, c = m(v["x"][:, t], h, c)
            hs.append(h)
        return {"y": torch.stack(hs, dim=1), "hn": h, "cn": c}

    module_case("convlstmcell", cell, {"x": rnd(B, T, CIN, HH, WW), "h0": rnd(B, HID, HH, WW), "c0": rnd(B, HID, HH, WW)},
                fwd, {"in_channels": CIN, "hidden_channels": HID, "kernel_size": K, "height": HH, "width": WW,
                      "steps": T, "y": "stack of H_t over t (dim 1)"})


def convlstm_k7_case():
    """Paper 001's 7x7 kernel (the spectral gate convolution of the C# cell), on small non-square maps. Drawn after
    every other case so their fixtures do not change."""
    B, T, CIN, HID, K, HH, WW = 2, 3, 5, 3, 7, 8, 9
    cell = PeepholeConvLSTMCell(CIN, HID, K, HH, WW)

    def fwd(m, v):
        h, c = v["h0"], v["c0"]
        hs = []
        for t in range(T):
            h, c = m(v["x"][:, t], h, c)
            hs.append(h)
        return {"y": torch.stack(hs, dim=1), "hn": h, "cn": c}

    module_case("convlstmcell_k7", cell, {"x": rnd(B, T, CIN, HH, WW), "h0": rnd(B, HID, HH, WW), "c0": rnd(B, HID, HH, WW)},
                fwd, {"in_channels": CIN, "hidden_channels": HID, "kernel_size": K, "height": HH, "width": WW,
                      "steps": T, "y": "stack of H_t over t (dim 1)"})


# ---------------------------------------------------------------- convolution, pooling, norms
def conv_cases():
    conv1d = {
        "conv1d_padded": dict(in_channels=4, out_channels=6, kernel_size=3, padding=1),
        "conv1d_grouped_strided_dilated": dict(in_channels=4, out_channels=6, kernel_size=3, stride=2, dilation=2, groups=2, padding=2),
        "conv1d_same": dict(in_channels=3, out_channels=5, kernel_size=4, padding="same", dilation=2),
        "conv1d_depthwise_nobias": dict(in_channels=4, out_channels=8, kernel_size=3, groups=4, bias=False),
    }
    for name, cfg in conv1d.items():
        module_case(name, nn.Conv1d(**cfg), {"x": rnd(2, cfg["in_channels"], 11)},
                    lambda m, v: {"y": m(v["x"])}, cfg)
    conv2d = {
        "conv2d_padded": dict(in_channels=3, out_channels=4, kernel_size=3, padding=1),
        "conv2d_strided": dict(in_channels=3, out_channels=4, kernel_size=(3, 2), stride=(2, 3), padding=(1, 0)),
        "conv2d_dilated": dict(in_channels=3, out_channels=4, kernel_size=3, dilation=2, padding=1),
        "conv2d_grouped": dict(in_channels=4, out_channels=6, kernel_size=3, groups=2, padding=1, stride=2),
        "conv2d_depthwise": dict(in_channels=4, out_channels=4, kernel_size=3, groups=4, padding=1),
        "conv2d_same": dict(in_channels=3, out_channels=4, kernel_size=(4, 3), padding="same"),
        "conv2d_same_dilated_nobias": dict(in_channels=2, out_channels=3, kernel_size=3, padding="same", dilation=2, bias=False),
    }
    for name, cfg in conv2d.items():
        module_case(name, nn.Conv2d(**cfg), {"x": rnd(2, cfg["in_channels"], 7, 8)},
                    lambda m, v: {"y": m(v["x"])}, cfg)


def pool_cases():
    cases = {
        "maxpool2d_k2": (nn.MaxPool2d(2), dict(kernel_size=2)),
        "maxpool2d_k3s2p1": (nn.MaxPool2d(3, stride=2, padding=1), dict(kernel_size=3, stride=2, padding=1)),
        "avgpool2d_k2": (nn.AvgPool2d(2), dict(kernel_size=2)),
        "avgpool2d_k3s2p1": (nn.AvgPool2d(3, stride=2, padding=1), dict(kernel_size=3, stride=2, padding=1, count_include_pad=True)),
        "adaptiveavgpool2d_3x2": (nn.AdaptiveAvgPool2d((3, 2)), dict(output_size=(3, 2))),
    }
    for name, (m, cfg) in cases.items():
        module_case(name, m, {"x": rnd(2, 3, 7, 5)}, lambda m, v: {"y": m(v["x"])}, cfg)


def norm_cases():
    def bn(name, m, shape, train):
        with torch.no_grad():
            m.weight.copy_(torch.rand(m.num_features) + 0.5)
            m.bias.copy_(torch.randn(m.num_features))
            m.running_mean.copy_(torch.randn(m.num_features))
            m.running_var.copy_(torch.rand(m.num_features) + 0.5)
        m.train(train)
        module_case(name, m, {"x": rnd(*shape)}, lambda m, v: {"y": m(v["x"])},
                    {"num_features": m.num_features, "training": train, "momentum": m.momentum, "eps": m.eps},
                    after_state=True)

    bn("batchnorm1d_train_2d", nn.BatchNorm1d(5), (6, 5), True)
    bn("batchnorm1d_train_3d", nn.BatchNorm1d(4), (3, 4, 7), True)
    bn("batchnorm1d_eval", nn.BatchNorm1d(4), (3, 4, 7), False)
    bn("batchnorm2d_train", nn.BatchNorm2d(3), (2, 3, 4, 5), True)
    bn("batchnorm2d_eval", nn.BatchNorm2d(3), (2, 3, 4, 5), False)
    ln = nn.LayerNorm(6)
    with torch.no_grad():
        ln.weight.copy_(torch.rand(6) + 0.5)
        ln.bias.copy_(torch.randn(6))
    module_case("layernorm", ln, {"x": rnd(3, 4, 6) * 2 + 1}, lambda m, v: {"y": m(v["x"])}, {"normalized_shape": 6})
    ln2 = nn.LayerNorm((4, 6))
    module_case("layernorm_2d", ln2, {"x": rnd(3, 4, 6)}, lambda m, v: {"y": m(v["x"])}, {"normalized_shape": (4, 6)})


# ---------------------------------------------------------------- attention
def attention_cases():
    B, T, E, NH = 2, 5, 8, 2
    mask = torch.tensor([[False, False, False, False, False], [False, False, False, True, True]])
    mha = nn.MultiheadAttention(E, NH, batch_first=True)
    with torch.no_grad():
        mha.in_proj_bias.copy_(torch.randn(3 * E) * 0.1)
        mha.out_proj.bias.copy_(torch.randn(E) * 0.1)
    mha.train()  # training mode (dropout 0) takes the standard path, not the 1.13 fast path
    module_case("mha_keypadding", mha, {"q": rnd(B, T, E), "k": rnd(B, T + 1, E), "v": rnd(B, T + 1, E),
                                        "key_padding_mask": torch.cat([mask, torch.tensor([[False], [False]])], 1)},
                lambda m, v: dict(zip(("y", "weights"), m(v["q"], v["k"], v["v"], key_padding_mask=v["key_padding_mask"]))),
                {"embed_dim": E, "num_heads": NH, "batch_first": True, "need_weights": True, "average_attn_weights": True,
                 "key_padding_mask": "True = ignore"})
    mha2 = nn.MultiheadAttention(E, NH, batch_first=True).train()
    causal = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
    module_case("mha_self_attnmask", mha2, {"x": rnd(B, T, E), "attn_mask": causal, "key_padding_mask": mask},
                lambda m, v: dict(zip(("y", "weights"), m(v["x"], v["x"], v["x"], attn_mask=v["attn_mask"],
                                                       key_padding_mask=v["key_padding_mask"]))),
                {"embed_dim": E, "num_heads": NH, "batch_first": True, "attn_mask": "bool, True = not allowed"})
    for name, act, norm_first in (("transformer_relu_postnorm", "relu", False), ("transformer_gelu_prenorm", "gelu", True)):
        layer = nn.TransformerEncoderLayer(E, NH, dim_feedforward=12, dropout=0.0, activation=act,
                                           norm_first=norm_first, batch_first=True).train()
        module_case(name, layer, {"x": rnd(B, T, E), "key_padding_mask": mask},
                    lambda m, v: {"y": m(v["x"], src_key_padding_mask=v["key_padding_mask"])},
                    {"d_model": E, "nhead": NH, "dim_feedforward": 12, "dropout": 0.0, "activation": act,
                     "norm_first": norm_first, "batch_first": True, "layer_norm_eps": 1e-5})


# ---------------------------------------------------------------- losses
def focal_loss(logits, target, alpha, gamma):
    """FL = mean_n( -alpha_n (1 - p_n)^gamma log p_n ), p_n = softmax(logits_n)[target_n] (paper 004, FLDW)."""
    logp = F.log_softmax(logits, dim=1).gather(1, target[:, None])[:, 0]
    return (-alpha * (1 - logp.exp()) ** gamma * logp).mean()


def loss_cases():
    N, C = 6, 4
    logits, target = rnd(N, C), torch.randint(0, C, (N,))
    weight = f32(torch.rand(C).double() + 0.5)
    cases = {
        "loss_cross_entropy": ({"logits": logits, "target": target},
                               lambda v: F.cross_entropy(v["logits"], v["target"]), {}),
        "loss_cross_entropy_weighted_smoothed": ({"logits": logits, "target": target, "weight": weight},
                                                 lambda v: F.cross_entropy(v["logits"], v["target"], weight=v["weight"], label_smoothing=0.1),
                                                 {"label_smoothing": 0.1, "reduction": "mean"}),
        "loss_nll": ({"logp": F.log_softmax(logits, 1), "target": target, "weight": weight},
                     lambda v: F.nll_loss(v["logp"], v["target"], weight=v["weight"]), {"reduction": "mean"}),
        "loss_mse": ({"pred": rnd(N, 2), "target": rnd(N, 2)}, lambda v: F.mse_loss(v["pred"], v["target"]), {}),
        "loss_l1": ({"pred": rnd(N, 2), "target": rnd(N, 2)}, lambda v: F.l1_loss(v["pred"], v["target"]), {}),
        "loss_bce_with_logits": ({"logits": rnd(N, 3) * 3, "target": torch.rand(N, 3).double()},
                                 lambda v: F.binary_cross_entropy_with_logits(v["logits"], v["target"]), {}),
        "loss_focal": ({"logits": logits, "target": target, "alpha": torch.rand(N).double() + 1.0},
                       lambda v: focal_loss(v["logits"], v["target"], v["alpha"], 2.0),
                       {"gamma": 2.0, "formula": "mean(-alpha_n (1-p_n)^gamma log p_n)"}),
    }
    for name, (inputs, fn, meta) in cases.items():
        leaves = {k: (f32(v).clone().requires_grad_(k in ("logits", "logp", "pred")) if v.is_floating_point() else v)
                  for k, v in inputs.items()}
        out = fn(leaves)
        out.backward()
        tensors = {"input." + k: v for k, v in leaves.items()}
        tensors["output.loss"] = out.reshape(1)
        for k, v in leaves.items():
            if v.is_floating_point() and v.requires_grad:
                tensors["grad.input." + k] = v.grad
        save(name, tensors, meta)


# ---------------------------------------------------------------- optimizers and schedules
def optimizer_cases():
    torch.manual_seed(7)
    base = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3)).double()
    with torch.no_grad():
        for p in base.parameters():
            p.copy_(p.float().double())
    x, y = rnd(6, 4), torch.randint(0, 3, (6,))
    configs = {
        "optim_adam": (torch.optim.Adam, dict(lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)),
        "optim_adamw": (torch.optim.AdamW, dict(lr=0.01, betas=(0.9, 0.99), eps=1e-8, weight_decay=0.1)),
        "optim_sgd_momentum": (torch.optim.SGD, dict(lr=0.1, momentum=0.9, dampening=0.0, weight_decay=0.0)),
        "optim_sgd_nesterov": (torch.optim.SGD, dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.001)),
        "optim_rmsprop": (torch.optim.RMSprop, dict(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0)),
        "optim_rmsprop_momentum_centered": (torch.optim.RMSprop, dict(lr=0.01, alpha=0.9, eps=1e-8, momentum=0.5,
                                                                      centered=True, weight_decay=0.01)),
        "optim_sgd_clipnorm": (torch.optim.SGD, dict(lr=0.5, momentum=0.0, weight_decay=0.0, clip_max_norm=0.5)),
    }
    for name, (cls, cfg) in configs.items():
        net = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3)).double()
        net.load_state_dict(base.state_dict())
        clip = cfg.get("clip_max_norm")
        opt = cls(net.parameters(), **{k: v for k, v in cfg.items() if k != "clip_max_norm"})
        tensors = {"state." + k: v.clone() for k, v in net.state_dict().items()}
        tensors["input.x"], tensors["input.target"] = x, y
        losses = []
        for step in range(1, 11):
            opt.zero_grad()
            loss = F.cross_entropy(net(x), y)
            loss.backward()
            if clip is not None:
                tensors[f"after.step{step}.total_norm"] = nn.utils.clip_grad_norm_(net.parameters(), clip).reshape(1)
            opt.step()
            losses.append(loss.item())
            for k, v in net.state_dict().items():
                tensors[f"after.step{step}.{k}"] = v.clone()
        tensors["output.losses"] = torch.tensor(losses, dtype=torch.float64)
        meta = {k: v for k, v in cfg.items()}
        meta.update({"model": "Sequential(Linear(4,8), Tanh(), Linear(8,3))", "loss": "cross_entropy mean", "steps": 10,
                     "output.losses": "loss before step k (k = 1..10)"})
        save(name, tensors, meta)


def schedule_cases():
    def run(name, make, meta, epochs=12):
        p = nn.Parameter(torch.zeros(1))
        opt = torch.optim.SGD([p], lr=0.1)
        sched = make(opt)
        lrs = []
        for _ in range(epochs):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step()
        save(name, {"after.lr": torch.tensor(lrs, dtype=torch.float64)}, dict(meta, base_lr=0.1, epochs=epochs,
                                                                              note="lr in use during epoch e"))

    run("sched_steplr", lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5), dict(step_size=3, gamma=0.5))
    run("sched_multisteplr", lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5, 9], gamma=0.3),
        dict(milestones=[2, 5, 9], gamma=0.3))
    run("sched_cosine", lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=8, eta_min=0.01),
        dict(T_max=8, eta_min=0.01), epochs=20)


if __name__ == "__main__":
    assert torch.__version__.startswith("1.13"), torch.__version__
    rnn_cases()
    convlstm_case()
    conv_cases()
    pool_cases()
    norm_cases()
    attention_cases()
    loss_cases()
    optimizer_cases()
    schedule_cases()
    convlstm_k7_case()
    print("fixtures written to", OUT)
