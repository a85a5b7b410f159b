"""Reference for neural.convlstm: 3 stacked ConvLSTM layers with 32/16/8 filters, 7x7 kernels (padding 3), over
10 steps of 64x14x14 inputs, batch 4; forward + MSE loss of the last layer's outputs against a fixed target + backward.
Cell (Shi et al. 2015, paper 001 eq. 6-10, peephole Hadamard terms):
  i = sigmoid(W_xi*x + W_hi*h + w_ci.c + b_i),  f = sigmoid(W_xf*x + W_hf*h + w_cf.c + b_f),
  c' = f.c + i.tanh(W_xc*x + W_hc*h + b_c),     o = sigmoid(W_xo*x + W_ho*h + w_co.c' + b_o),  h' = o.tanh(c'),
with the four gate convolutions done as one Conv2d over cat(x, h) (gate order i, f, g, o), peepholes
starting at zero, exactly as MlNetEmotion.Neural.Modules.Recurrent.ConvLSTMCell.
argv[1] = threads. Prints `convlstm_step <wall ms>` and `convlstm_step_cpu <CPU ms>`."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from neural_common import report, setup

setup()
BATCH, STEPS, CHANNELS, SIZE, KERNEL = 4, 10, 64, 14, 7
FILTERS = [32, 16, 8]


class ConvLSTMCell(nn.Module):
    def __init__(self, inputs, hidden):
        super().__init__()
        self.hidden = hidden
        self.conv = nn.Conv2d(inputs + hidden, 4 * hidden, KERNEL, padding=KERNEL // 2)
        self.w_ci = nn.Parameter(torch.zeros(hidden, SIZE, SIZE))
        self.w_cf = nn.Parameter(torch.zeros(hidden, SIZE, SIZE))
        self.w_co = nn.Parameter(torch.zeros(hidden, SIZE, SIZE))

    def forward(self, x, h, c):
        zi, zf, zg, zo = torch.chunk(self.conv(torch.cat([x, h], dim=1)), 4, dim=1)
        i = torch.sigmoid(zi + self.w_ci * c)
        f = torch.sigmoid(zf + self.w_cf * c)
        c = f * c + i * torch.tanh(zg)
        o = torch.sigmoid(zo + self.w_co * c)
        return o * torch.tanh(c), c


cells = nn.ModuleList()
inputs = CHANNELS
for hidden in FILTERS:
    cells.append(ConvLSTMCell(inputs, hidden))
    inputs = hidden
x = torch.randn(BATCH, STEPS, CHANNELS, SIZE, SIZE)
target = torch.randn(BATCH, STEPS, FILTERS[-1], SIZE, SIZE)


def step():
    cells.zero_grad()
    seq = [x[:, t] for t in range(STEPS)]
    for cell in cells:
        h = torch.zeros(BATCH, cell.hidden, SIZE, SIZE)
        c = torch.zeros_like(h)
        out = []
        for t in range(STEPS):
            h, c = cell(seq[t], h, c)
            out.append(h)
        seq = out
    loss = F.mse_loss(torch.stack(seq, dim=1), target)
    loss.backward()


report("convlstm_step", step, warmup=5, iterations=5)
