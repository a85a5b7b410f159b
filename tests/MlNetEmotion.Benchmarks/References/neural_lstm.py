"""Reference for neural.lstm: 2-layer LSTM (input 256, hidden 256, batch_first), batch 12, 30 steps;
one training step = forward + MSE loss against a fixed target + backward + Adam step.
argv[1] = threads. Prints `lstm_step <wall ms>` and `lstm_step_cpu <CPU ms>`."""
import torch
import torch.nn.functional as F

from neural_common import report, setup

setup()
BATCH, STEPS, INPUT, HIDDEN, LAYERS = 12, 30, 256, 256, 2
model = torch.nn.LSTM(INPUT, HIDDEN, num_layers=LAYERS, batch_first=True)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(BATCH, STEPS, INPUT)
target = torch.randn(BATCH, STEPS, HIDDEN)


def step():
    opt.zero_grad()
    out, _ = model(x)
    loss = F.mse_loss(out, target)
    loss.backward()
    opt.step()


report("lstm_step", step, warmup=10, iterations=11)
