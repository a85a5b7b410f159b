namespace MlNetEmotion.Neural.Kernels;

/// <summary>Shape of one 2-D convolution window sweep over a single NCHW image (Conv1d is the case
/// <c>Height = KernelHeight = 1</c>, see <see cref="For1d"/>). Padding may differ per side, as PyTorch's
/// <c>padding="same"</c> needs for even kernels.</summary>
/// <param name="Channels">Input channels of the image (of one group).</param>
/// <param name="Height">Input height.</param>
/// <param name="Width">Input width.</param>
/// <param name="KernelHeight">Kernel height.</param>
/// <param name="KernelWidth">Kernel width.</param>
/// <param name="StrideHeight">Vertical stride (≥ 1).</param>
/// <param name="StrideWidth">Horizontal stride (≥ 1).</param>
/// <param name="PadTop">Zero rows above the image.</param>
/// <param name="PadLeft">Zero columns left of the image.</param>
/// <param name="PadBottom">Zero rows below the image.</param>
/// <param name="PadRight">Zero columns right of the image.</param>
/// <param name="DilationHeight">Vertical spacing of kernel taps (≥ 1).</param>
/// <param name="DilationWidth">Horizontal spacing of kernel taps (≥ 1).</param>
public readonly record struct ConvGeometry(int Channels, int Height, int Width, int KernelHeight, int KernelWidth,
    int StrideHeight = 1, int StrideWidth = 1, int PadTop = 0, int PadLeft = 0, int PadBottom = 0, int PadRight = 0,
    int DilationHeight = 1, int DilationWidth = 1)
{
    /// <summary>A 2-D geometry with symmetric padding, PyTorch <c>Conv2d(stride, padding, dilation)</c> style.</summary>
    /// <param name="channels">Input channels.</param>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="kernel">Kernel size (height, width).</param>
    /// <param name="stride">Stride (height, width).</param>
    /// <param name="padding">Zero padding on both sides (height, width).</param>
    /// <param name="dilation">Dilation (height, width).</param>
    /// <returns>The geometry.</returns>
    public static ConvGeometry For2d(int channels, int height, int width, (int H, int W) kernel,
        (int H, int W) stride, (int H, int W) padding, (int H, int W) dilation) =>
        new(channels, height, width, kernel.H, kernel.W, stride.H, stride.W, padding.H, padding.W, padding.H, padding.W,
            dilation.H, dilation.W);

    /// <summary>A 1-D geometry over a <c>[channels, length]</c> signal, PyTorch <c>Conv1d</c> style.</summary>
    /// <param name="channels">Input channels.</param>
    /// <param name="length">Signal length.</param>
    /// <param name="kernel">Kernel size.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padLeft">Zeros before the signal.</param>
    /// <param name="padRight">Zeros after the signal.</param>
    /// <param name="dilation">Dilation.</param>
    /// <returns>The geometry.</returns>
    public static ConvGeometry For1d(int channels, int length, int kernel, int stride = 1, int padLeft = 0, int padRight = 0,
        int dilation = 1) =>
        new(channels, 1, length, 1, kernel, 1, stride, 0, padLeft, 0, padRight, 1, dilation);

    /// <summary>Output height: <c>(H + padTop + padBottom − dilation·(kH − 1) − 1) / stride + 1</c>.</summary>
    public int OutputHeight => (Height + PadTop + PadBottom - DilationHeight * (KernelHeight - 1) - 1) / StrideHeight + 1;

    /// <summary>Output width: <c>(W + padLeft + padRight − dilation·(kW − 1) − 1) / stride + 1</c>.</summary>
    public int OutputWidth => (Width + PadLeft + PadRight - DilationWidth * (KernelWidth - 1) - 1) / StrideWidth + 1;

    /// <summary>Rows of the column matrix: <c>Channels · KernelHeight · KernelWidth</c> (PyTorch weight order).</summary>
    public int ColumnRows => Channels * KernelHeight * KernelWidth;

    /// <summary>Columns of the column matrix: <c>OutputHeight · OutputWidth</c>.</summary>
    public int ColumnCols => OutputHeight * OutputWidth;

    /// <summary>Floats of one input image: <c>Channels · Height · Width</c>.</summary>
    public int InputSize => Channels * Height * Width;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    /// <exception cref="ArgumentException">A size is not positive, a padding is negative, or the window does
    /// not fit the padded input.</exception>
    public void Validate()
    {
        Require(Channels > 0 && Height > 0 && Width > 0, $"input channels, height and width must be positive, got {Channels}×{Height}×{Width}");
        Require(KernelHeight > 0 && KernelWidth > 0, $"kernel size must be positive, got {KernelHeight}×{KernelWidth}");
        Require(StrideHeight > 0 && StrideWidth > 0, $"stride must be positive, got {StrideHeight}×{StrideWidth}");
        Require(DilationHeight > 0 && DilationWidth > 0, $"dilation must be positive, got {DilationHeight}×{DilationWidth}");
        Require(PadTop >= 0 && PadLeft >= 0 && PadBottom >= 0 && PadRight >= 0,
            $"padding must be non-negative, got top {PadTop}, left {PadLeft}, bottom {PadBottom}, right {PadRight}");
        Require(Height + PadTop + PadBottom >= DilationHeight * (KernelHeight - 1) + 1 &&
            Width + PadLeft + PadRight >= DilationWidth * (KernelWidth - 1) + 1,
            $"the dilated {KernelHeight}×{KernelWidth} kernel does not fit the padded {Height}×{Width} input");
    }

    /// <summary>The settings in words, e.g. <c>3×32×32 kernel 3×3 stride 1×1 padding (1,1,1,1) dilation 1×1</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Channels}×{Height}×{Width} kernel {KernelHeight}×{KernelWidth} stride {StrideHeight}×{StrideWidth} " +
        $"padding (top {PadTop}, left {PadLeft}, bottom {PadBottom}, right {PadRight}) dilation {DilationHeight}×{DilationWidth}";

    private void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException($"Convolution geometry {this}: {message}.");
    }
}
