"""Reference for neural.cnn: CNN on 3x32x32 EEG topomaps, batch 360; forward + cross-entropy + backward.
Architecture (same on our side): Conv2d(3,32,3,padding=1) ReLU, Conv2d(32,32,3,padding=1) ReLU, MaxPool2d(2),
Conv2d(32,64,3,padding=1) ReLU, MaxPool2d(2), Flatten, Linear(64*8*8,128) ReLU, Linear(128,4).
argv[1] = threads. Prints `cnn_step <wall ms>` and `cnn_step_cpu <CPU ms>`."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from neural_common import report, setup

setup()
model = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),
    nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * 8 * 8, 128), nn.ReLU(), nn.Linear(128, 4))
x = torch.randn(360, 3, 32, 32)
y = torch.randint(0, 4, (360,))


def step():
    model.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()


report("cnn_step", step, warmup=1, iterations=5)
