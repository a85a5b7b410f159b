using MlNetEmotion.Neural;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Vision.Expression;

/// <summary>TensorFlow's <c>padding: 'same'</c> convolution on the engine's symmetric-padding <c>conv2d</c>: TF pads
/// <c>max((⌈n/s⌉ − 1)·s + k − n, 0)</c> in total with the odd one after (bottom/right), e.g. 0 before and 1 after for a
/// stride-2 3×3 convolution of an even size. The symmetric part goes to <c>conv2d</c>'s padding; the odd row and
/// column are appended as zeros first.</summary>
internal static class TfSamePadding
{
    /// <summary>Convolves <paramref name="input"/> [N, C, H, W] with <paramref name="weight"/> [Cout, C/groups, kH, kW]
    /// as <c>tf.conv2d(..., strides, 'same')</c> does.</summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, int stride, long groups = 1)
    {
        var (beforeH, extraH) = Split(input.size(2), weight.size(2), stride);
        var (beforeW, extraW) = Split(input.size(3), weight.size(3), stride);
        var x = input;
        if (extraH > 0) x = torch.cat([x, torch.zeros(x.size(0), x.size(1), extraH, x.size(3))], 2);
        if (extraW > 0) x = torch.cat([x, torch.zeros(x.size(0), x.size(1), x.size(2), extraW)], 3);
        return F.conv2d(x, weight, bias, stride: (stride, stride), padding: (beforeH, beforeW), groups: groups);
    }

    /// <summary>Padding before the input (also used after it) and the extra zeros appended after it.</summary>
    private static (long Before, long Extra) Split(long size, long kernel, int stride)
    {
        long outSize = (size + stride - 1) / stride;
        long total = Math.Max((outSize - 1) * stride + kernel - size, 0);
        long before = total / 2;
        return (before, total - 2 * before);
    }
}
