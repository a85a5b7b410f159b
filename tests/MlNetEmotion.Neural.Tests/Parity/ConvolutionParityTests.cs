using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>Conv1d / Conv2d (padded, strided, dilated, grouped, depthwise, "same", no bias) against PyTorch 1.13.</summary>
public sealed class ConvolutionParityTests
{
    public static TheoryData<string> Cases => new()
    {
        "conv1d_padded", "conv1d_grouped_strided_dilated", "conv1d_same", "conv1d_depthwise_nobias",
        "conv2d_padded", "conv2d_strided", "conv2d_dilated", "conv2d_grouped", "conv2d_depthwise", "conv2d_same",
        "conv2d_same_dilated_nobias",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Convolution_matches_pytorch(string name)
    {
        Module<Tensor, Tensor> module = name switch
        {
            "conv1d_padded" => new Conv1d(4, 6, 3, padding: 1),
            "conv1d_grouped_strided_dilated" => new Conv1d(4, 6, 3, stride: 2, padding: 2, dilation: 2, groups: 2),
            "conv1d_same" => new Conv1d(3, 5, 4, Padding.Same, dilation: 2),
            "conv1d_depthwise_nobias" => new Conv1d(4, 8, 3, groups: 4, bias: false),
            "conv2d_padded" => new Conv2d(3, 4, (3, 3), padding: (1, 1)),
            "conv2d_strided" => new Conv2d(3, 4, (3, 2), stride: (2, 3), padding: (1, 0)),
            "conv2d_dilated" => new Conv2d(3, 4, (3, 3), dilation: (2, 2), padding: (1, 1)),
            "conv2d_grouped" => new Conv2d(4, 6, (3, 3), groups: 2, padding: (1, 1), stride: (2, 2)),
            "conv2d_depthwise" => new Conv2d(4, 4, (3, 3), groups: 4, padding: (1, 1)),
            "conv2d_same" => new Conv2d(3, 4, (4, 3), Padding.Same),
            "conv2d_same_dilated_nobias" => new Conv2d(2, 3, (3, 3), Padding.Same, dilation: (2, 2), bias: false),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
        var p = new ModuleParity(name, module);
        p.Check(("y", module.forward(p.Input("x"))));
    }
}
