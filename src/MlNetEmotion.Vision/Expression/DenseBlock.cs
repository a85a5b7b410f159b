using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Vision.Expression;

/// <summary>face-api's <c>denseBlock4</c>: a stride-2 convolution (plain in the first block, separable after) and three
/// separable convolutions, each fed the ReLU of the sum of all earlier outputs of the block:
/// <c>o1 = relu(conv0(x))</c>, <c>o2 = conv1(o1)</c>, <c>o3 = conv2(relu(o1 + o2))</c>, <c>o4 = conv3(relu(o1 + o2 + o3))</c>,
/// output <c>relu(o1 + o2 + o3 + o4)</c>.</summary>
internal sealed class DenseBlock : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv0;
    private readonly SeparableConv2d conv1, conv2, conv3;

    public DenseBlock(int inChannels, int outChannels, bool isFirstLayer) : base("DenseBlock")
    {
        conv0 = isFirstLayer ? new TfConv2d(inChannels, outChannels, 3, stride: 2) : new SeparableConv2d(inChannels, outChannels, stride: 2);
        conv1 = new SeparableConv2d(outChannels, outChannels, 1);
        conv2 = new SeparableConv2d(outChannels, outChannels, 1);
        conv3 = new SeparableConv2d(outChannels, outChannels, 1);
        register_module("conv0", conv0);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        register_module("conv3", conv3);
    }

    public override Tensor forward(Tensor input)
    {
        var out1 = conv0.forward(input).relu();
        var out2 = conv1.forward(out1);
        var sum12 = out1 + out2;
        var out3 = conv2.forward(sum12.relu());
        var sum123 = sum12 + out3;
        var out4 = conv3.forward(sum123.relu());
        return (sum123 + out4).relu();
    }
}
