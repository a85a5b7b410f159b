namespace MlNetEmotion.Neural.Modules;

/// <summary>2-D max pooling (<c>torch.nn.MaxPool2d</c>); stride defaults to the kernel size.</summary>
/// <param name="kernel_size">Window (height, width).</param>
/// <param name="stride">Stride (default: the kernel size).</param>
/// <param name="padding">Implicit −∞ padding per side.</param>
/// <param name="dilation">Window dilation.</param>
/// <param name="ceil_mode">Use ceil instead of floor for the output size.</param>
public sealed class MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false)
    : Module<Tensor, Tensor>("MaxPool2d")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => torch.nn.functional.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);
}

/// <summary>2-D average pooling (<c>torch.nn.AvgPool2d</c>); stride defaults to the kernel size.</summary>
/// <param name="kernel_size">Window (height, width).</param>
/// <param name="stride">Stride (default: the kernel size).</param>
/// <param name="padding">Zero padding per side.</param>
/// <param name="ceil_mode">Use ceil instead of floor for the output size.</param>
/// <param name="count_include_pad">Divide by the padded window size.</param>
public sealed class AvgPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, bool ceil_mode = false, bool count_include_pad = true)
    : Module<Tensor, Tensor>("AvgPool2d")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => torch.nn.functional.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad);
}

/// <summary>Adaptive 2-D average pooling to a fixed output size (<c>torch.nn.AdaptiveAvgPool2d</c>).</summary>
/// <param name="output_size">Output (height, width).</param>
public sealed class AdaptiveAvgPool2d((long, long) output_size) : Module<Tensor, Tensor>("AdaptiveAvgPool2d")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_avg_pool2d(input, output_size);
}

/// <summary>1-D max pooling (<c>torch.nn.MaxPool1d</c>).</summary>
/// <param name="kernel_size">Window.</param>
/// <param name="stride">Stride (default: the kernel size).</param>
/// <param name="padding">Implicit −∞ padding per side.</param>
public sealed class MaxPool1d(long kernel_size, long? stride = null, long padding = 0) : Module<Tensor, Tensor>("MaxPool1d")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => torch.nn.functional.max_pool1d(input, kernel_size, stride, padding);
}

/// <summary>1-D average pooling (<c>torch.nn.AvgPool1d</c>).</summary>
/// <param name="kernel_size">Window.</param>
/// <param name="stride">Stride (default: the kernel size).</param>
/// <param name="padding">Zero padding per side.</param>
public sealed class AvgPool1d(long kernel_size, long? stride = null, long padding = 0) : Module<Tensor, Tensor>("AvgPool1d")
{
    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => torch.nn.functional.avg_pool1d(input, kernel_size, stride, padding);
}
