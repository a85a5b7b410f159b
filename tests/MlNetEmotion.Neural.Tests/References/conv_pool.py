# Writes ../Data/conv_pool.json: PyTorch 1.13 forward outputs and gradients for conv / pooling cases.
# Inputs are deterministic (sin / cos of an index ramp) so the C# test rebuilds them without the file.
# Run: /usr/bin/python3 conv_pool.py
import json, os, torch
F = torch.nn.functional

def ramp(shape, fn, scale, mult):
    n = 1
    for s in shape: n *= s
    return (fn(torch.arange(n, dtype=torch.float64) * scale) * mult).float().reshape(shape)

def case(name, fn, inputs):
    ts = [t.clone().requires_grad_(True) for t in inputs]
    y = fn(*ts)
    up = ramp(list(y.shape), torch.cos, 0.7, 1.0)
    (y * up).sum().backward()
    out[name] = {"shape": list(y.shape), "y": y.detach().flatten().tolist(),
                 "grads": [t.grad.flatten().tolist() for t in ts]}

out = {}
x = ramp([2, 4, 5, 6], torch.sin, 0.37, 1.0)
case("conv2d_grouped", lambda x, w, b: F.conv2d(x, w, b, stride=(2, 1), padding=(1, 2), dilation=(1, 2), groups=2),
     [x, ramp([6, 2, 3, 2], torch.cos, 0.11, 0.3), ramp([6], torch.sin, 1.3, 0.5)])
case("conv2d_depthwise_same", lambda x, w: F.conv2d(x, w, None, padding="same", groups=4),
     [x, ramp([4, 1, 3, 3], torch.cos, 0.23, 0.4)])
case("conv2d_same_even", lambda x, w, b: F.conv2d(x, w, b, padding="same", dilation=(2, 1)),
     [x, ramp([3, 4, 2, 4], torch.sin, 0.19, 0.2), ramp([3], torch.cos, 0.5, 0.1)])
x1 = ramp([2, 3, 7], torch.sin, 0.29, 1.0)
case("conv1d_strided", lambda x, w, b: F.conv1d(x, w, b, stride=2, padding=1, dilation=2),
     [x1, ramp([4, 3, 3], torch.cos, 0.17, 0.3), ramp([4], torch.sin, 0.9, 0.2)])
case("conv1d_same_even", lambda x, w: F.conv1d(x, w, None, padding="same"),
     [x1, ramp([2, 3, 4], torch.cos, 0.31, 0.3)])
xp = ramp([1, 2, 7, 6], torch.sin, 0.53, 2.0)
case("max_pool2d", lambda x: F.max_pool2d(x, 3, stride=2, padding=1, ceil_mode=True), [xp])
case("max_pool2d_dilated", lambda x: F.max_pool2d(x, (2, 3), stride=(1, 2), dilation=(2, 1)), [xp])
case("avg_pool2d", lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True), [xp])
case("avg_pool2d_nopad", lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False), [xp])
case("adaptive_avg_pool2d", lambda x: F.adaptive_avg_pool2d(x, (3, 4)), [xp])
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "Data", "conv_pool.json"), "w") as f:
    json.dump(out, f)
