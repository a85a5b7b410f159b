using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Vision.Expression;

/// <summary><c>tf.separableConv2d(x, depthwise, pointwise, stride, 'same') + bias</c>: a 3×3 depthwise convolution
/// (<c>depthwise_filter</c> [C, 1, 3, 3]) then a 1×1 pointwise one (<c>pointwise_filter</c> [Cout, C, 1, 1]) and
/// <c>bias</c> [Cout]; parameter names as in face-api's weight manifest. Stride 1 runs the direct
/// <see cref="DepthwiseConv3x3"/> kernel, stride 2 the engine's grouped convolution.</summary>
internal sealed class SeparableConv2d : Module<Tensor, Tensor>
{
    private readonly Tensor depthwise;
    private readonly Tensor pointwise;
    private readonly Tensor bias;
    private readonly int stride;

    public SeparableConv2d(int inChannels, int outChannels, int stride) : base("SeparableConv2d")
    {
        this.stride = stride;
        depthwise = torch.zeros(inChannels, 1, 3, 3);
        pointwise = torch.zeros(outChannels, inChannels, 1, 1);
        bias = torch.zeros(outChannels);
        register_parameter("depthwise_filter", depthwise);
        register_parameter("pointwise_filter", pointwise);
        register_parameter("bias", bias);
    }

    public override Tensor forward(Tensor input)
    {
        var spatial = stride == 1
            ? DepthwiseConv3x3.Forward(input, depthwise)
            : TfSamePadding.Conv2d(input, depthwise, null, stride, groups: depthwise.size(0));
        return F.conv2d(spatial, pointwise, bias);
    }
}
