"""Reference for models.vis-eeg-lstm-step and models.hierarchical-lstm-step: one training step of a video-EEG glimpse
network in PyTorch 1.13, replaying the glimpse sequences our trainer sampled.
argv: threads, twin (`vis` or `hier`), the safetensors file the C# case wrote (initial weights `weights.*`, inputs
`faces` [B, T, F] and `images` [B, T, 3, S, S], `classes` [B], per trial b and sequence m `run.b.m.frames` [1, N] and
`run.b.m.actions` [1, N-1]; metadata penalty, dropout, reward), and the path of tests/data/neural/make_model_fixtures.py
(the PyTorch twins of the networks, written from the papers).
Step, as MlNetEmotion.Models.GlimpseTraining.GlimpseTrainingNetwork: per trial, the band encoder runs once over all its
frames (batch T) and each of its M sequences runs the twin over its frames (batch 1), reading those band features; the loss is, per trial, the mean over its sequences of the paper's classification loss
(vis: eq. 3 with mu; hier: CE - lambda P) plus the REINFORCE surrogate -(1/M) sum_m sum_n log pi(a_mn) (R_m - b_mn)
with the baseline's mean squared error, b = Linear(readout.detach()); averaged over the batch; backward; Adam (lr 1e-3).
Prints `<vis_eeg_lstm|hierarchical_lstm>_step <wall ms>`, `..._cpu` and `..._cpu_min`."""
import importlib.util
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

from neural_common import load_safetensors, report, setup

setup()
twin_name, data_path, twins_path = sys.argv[2], sys.argv[3], sys.argv[4]
spec = importlib.util.spec_from_file_location("make_model_fixtures", twins_path)
tw = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tw)

data, meta = load_safetensors(data_path)
faces, images, classes = data["faces"], data["images"], data["classes"]
_, _, FACE = faces.shape
BANDS, SIZE = images.shape[2], images.shape[3]
FEATURES, GLIMPSE, BAND_FEATURES, CLASSES, SIGMA = 64, 64, 64, 3, 0.1
penalty, dropout = float(meta["penalty"]), float(meta["dropout"])
scale, correct, wrong, sparsity = (float(v) for v in meta["reward"].split(","))

if twin_name == "vis":
    core_hidden, readout = 128, 128
    encoder = tw.EegBandEncoder([tw.BandImageCnn(SIZE, 8, 16, BAND_FEATURES) for _ in range(BANDS)])
    core = tw.LstmCore(2 * GLIMPSE, core_hidden)

    def classification_loss(o, target):
        return tw.vis_eeg_lstm_loss(o["logits"], target) + tw.band_balance_penalty(o["band_weights"], penalty)
else:
    core_hidden, readout = 64, 128
    encoder = tw.EegBandEncoder([tw.BandImageFc(SIZE, 128, BAND_FEATURES) for _ in range(BANDS)])
    core = tw.LayerAttentiveLstm(2 * GLIMPSE, core_hidden, 3, 32)
    core.dropout = nn.Dropout(dropout)

    def classification_loss(o, target):
        return F.cross_entropy(o["logits"], target) - penalty * tw.layer_penalty(o["alpha"], o["beta"])

net = tw.GlimpseNetwork(FACE, FEATURES, GLIMPSE, encoder, BAND_FEATURES, core, core_hidden, readout, CLASSES, SIGMA)
net.dropout = nn.Dropout(dropout)
baseline = nn.Linear(readout, 1)
weights = {k[len("weights."):]: v for k, v in data.items() if k.startswith("weights.")}
net.load_state_dict({k[len("network."):]: v for k, v in weights.items() if k.startswith("network.")}, strict=True)
baseline.load_state_dict({k[len("baseline.fc."):]: v for k, v in weights.items() if k.startswith("baseline.")}, strict=True)
net.train()
runs = []
for b in range(faces.shape[0]):
    m = 0
    runs.append([])
    while f"run.{b}.{m}.frames" in data:
        runs[b].append((data[f"run.{b}.{m}.frames"], data[f"run.{b}.{m}.actions"]))
        m += 1
parameters = list(net.parameters()) + list(baseline.parameters())
opt = torch.optim.Adam(parameters, lr=1e-3)


def step():
    opt.zero_grad()
    total, logits = torch.zeros(()), []
    for b, trial_runs in enumerate(runs):
        target = classes[b:b + 1]
        bands = net.encode(images[b:b + 1])
        outputs = [net(faces[b:b + 1], None, frames, bands) for frames, _ in trial_runs]
        logits.append(torch.stack([o["logits"] for o in outputs]).mean(0))
        classification = sum(classification_loss(o, target) for o in outputs)
        policy, base_loss, actions = torch.zeros(()), torch.zeros(()), 0
        for o, (frames, chosen) in zip(outputs, trial_runs):
            n = frames.shape[1]
            if n < 2:
                continue
            log_prob = net.location.log_prob(o["location_means"][:, :n - 1], chosen).reshape(-1)
            base = baseline(o["readouts"][:, :n - 1].detach()).reshape(-1)
            hit = int(o["logits"].argmax(1)) == int(classes[b])
            reward = scale * (correct if hit else wrong) + sparsity * n
            policy = policy + (log_prob * (reward - base.detach())).sum()
            base_loss = base_loss + ((base - reward) ** 2).sum()
            actions += n - 1
        total = total + classification / len(trial_runs) - policy / len(trial_runs) + base_loss / max(actions, 1)
    torch.cat(logits, 0)
    (total / len(runs)).backward()
    opt.step()


report(("vis_eeg_lstm" if twin_name == "vis" else "hierarchical_lstm") + "_step", step, warmup=2, iterations=5)
