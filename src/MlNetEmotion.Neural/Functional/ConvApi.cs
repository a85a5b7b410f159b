namespace MlNetEmotion.Neural.Functional;

/// <summary>Argument checks and shape plumbing for conv1d / conv2d (both run through <see cref="Convolution"/>).</summary>
internal static class ConvApi
{
    /// <summary>2-D convolution; <paramref name="padding"/> null means "same".</summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, (long H, long W) stride, (long H, long W)? padding, (long H, long W) dilation, long groups, string op = "conv2d")
    {
        bool unbatched = input.ndim == 3;
        var x = unbatched ? input.unsqueeze(0) : input;
        if (x.ndim != 4 || weight.ndim != 4)
            throw new ShapeMismatchException(op, input.Dims, weight.Dims, "expected input [N, C, H, W] (or [C, H, W]) and weight [Cout, C/groups, kH, kW]");
        long c = x.Dims[1], cout = weight.Dims[0];
        if (groups <= 0 || c % groups != 0 || cout % groups != 0)
            throw new ShapeMismatchException(op, input.Dims, weight.Dims, $"groups={groups} must divide input channels {c} and output channels {cout}");
        if (weight.Dims[1] != c / groups)
            throw new ShapeMismatchException(op, input.Dims, weight.Dims, $"weight dim 1 must be input channels / groups = {c / groups}");
        if (bias is not null && (bias.ndim != 1 || bias.Dims[0] != cout))
            throw new ShapeMismatchException(op, weight.Dims, bias.Dims, $"bias must be [{cout}]");
        if (stride.H <= 0 || stride.W <= 0 || dilation.H <= 0 || dilation.W <= 0)
            throw new ArgumentException($"{op}: stride and dilation must be positive, got stride {stride}, dilation {dilation}.");
        if (padding is null && (stride.H != 1 || stride.W != 1))
            throw new ArgumentException($"{op}: padding='same' is not supported for strided convolutions (stride {stride}).");
        int kh = (int)weight.Dims[2], kw = (int)weight.Dims[3];
        var (top, bottom) = Convolution.Pad(kh, (int)dilation.H, padding is null ? null : (int)padding.Value.H, op);
        var (left, right) = Convolution.Pad(kw, (int)dilation.W, padding is null ? null : (int)padding.Value.W, op);
        var spec = new ConvSpec(kh, kw, (int)stride.H, (int)stride.W, top, bottom, left, right, (int)dilation.H, (int)dilation.W, (int)groups);
        long oh = (x.Dims[2] + top + bottom - dilation.H * (kh - 1) - 1) / stride.H + 1;
        long ow = (x.Dims[3] + left + right - dilation.W * (kw - 1) - 1) / stride.W + 1;
        var y = Convolution.Forward(x, weight, bias, spec, op, [oh, ow]);
        return unbatched ? y.squeeze(0) : y;
    }

    /// <summary>1-D convolution as a 2-D one with height 1; <paramref name="padding"/> null means "same".</summary>
    public static Tensor Conv1d(Tensor input, Tensor weight, Tensor? bias, long stride, long? padding, long dilation, long groups)
    {
        bool unbatched = input.ndim == 2;
        var x = unbatched ? input.unsqueeze(0) : input;
        if (x.ndim != 3 || weight.ndim != 3)
            throw new ShapeMismatchException("conv1d", input.Dims, weight.Dims, "expected input [N, C, L] (or [C, L]) and weight [Cout, C/groups, k]");
        var y = Conv2d(x.unsqueeze(2), weight.unsqueeze(2), bias, (1, stride), padding is null ? null : (0, padding.Value), (1, dilation), groups, "conv1d").squeeze(2);
        return unbatched ? y.squeeze(0) : y;
    }
}
