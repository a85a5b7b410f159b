using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Vision.Expression;

/// <summary>A TF.js-style convolution with "same" padding: parameters <c>filters</c> [Cout, Cin, k, k] (PyTorch
/// layout) and <c>bias</c> [Cout]. The first layer of face-api's <c>denseBlock4</c>.</summary>
internal sealed class TfConv2d : Module<Tensor, Tensor>
{
    private readonly Tensor filters;
    private readonly Tensor bias;
    private readonly int stride;

    public TfConv2d(int inChannels, int outChannels, int kernel, int stride) : base("TfConv2d")
    {
        this.stride = stride;
        filters = torch.zeros(outChannels, inChannels, kernel, kernel);
        bias = torch.zeros(outChannels);
        register_parameter("filters", filters);
        register_parameter("bias", bias);
    }

    public override Tensor forward(Tensor input) => TfSamePadding.Conv2d(input, filters, bias, stride);
}
