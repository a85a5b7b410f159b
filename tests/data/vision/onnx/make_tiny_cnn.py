"""Writes tiny_cnn.onnx and tiny_cnn_reference.json for the ONNX feature-map backbone tests.

A fixed-seed 3 -> 4 channel 3x3 convolution (stride 2) + ReLU, then global average pooling and a linear layer: the
graph's only output is the pooled vector, so reading the ReLU map needs it added to the graph outputs. The reference
holds the ReLU map of a 8x8 input whose values are given as ImageNet-normalised pixels of a known RGB image.
Run with a Python that has torch: /usr/bin/python3 make_tiny_cnn.py
"""
import json
import torch

torch.manual_seed(7)


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3, stride=2, padding=1)
        self.fc = torch.nn.Linear(4, 2)

    def forward(self, x):
        m = torch.relu(self.conv(x))
        return self.fc(m.mean(dim=(2, 3)))


net = Tiny().eval()
# The test image: pixel (y, x) has RGB (16 y + 8 x, 255 - 20 x, 30 y) for an 8x8 image.
img = torch.zeros(3, 8, 8)
for y in range(8):
    for x in range(8):
        img[:, y, x] = torch.tensor([16 * y + 8 * x, 255 - 20 * x, 30 * y], dtype=torch.float32)
mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
x = ((img / 255.0 - mean) / std).unsqueeze(0)
names = {}
torch.onnx.export(net, x, "tiny_cnn.onnx", input_names=["image"], output_names=["pooled"], opset_version=13)
with torch.no_grad():
    relu = torch.relu(net.conv(x))
json.dump({"relu": relu.flatten().tolist(), "shape": list(relu.shape)}, open("tiny_cnn_reference.json", "w"))
