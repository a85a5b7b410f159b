using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Vision.Expression;

/// <summary><c>tf.separableConv2d(x, depthwise, pointwise, stride, 'same') + bias</c>: a 3×3 depthwise convolution
/// (<c>depthwise_filter</c> [C, 1, 3, 3]) then a 1×1 pointwise one (<c>pointwise_filter</c> [Cout, C, 1, 1]) and
/// <c>bias</c> [Cout]; parameter names as in face-api's weight manifest. The depthwise step is the direct
/// <see cref="DepthwiseConv3x3"/> kernel, the pointwise one the engine's <c>conv2d</c> (a GEMM).</summary>
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

    public override Tensor forward(Tensor input) => F.conv2d(DepthwiseConv3x3.Forward(input, depthwise, stride), pointwise, bias);
}
