namespace MlNetEmotion.Signals.Fourier;

/// <summary>Settings of a short-time Fourier transform, named and defaulted like <c>torch.stft</c>.</summary>
public sealed class StftOptions
{
    /// <summary>FFT size <c>n_fft</c>; the number of one-sided bins is <c>n_fft / 2 + 1</c>. Default 400.</summary>
    public int FftLength { get; init; } = 400;

    /// <summary>Samples between frame starts (<c>hop_length</c>); null means <c>FftLength / 4</c> like <c>torch.stft</c>.</summary>
    public int? HopLength { get; init; }

    /// <summary>Window length (<c>win_length</c>, at most <see cref="FftLength"/>); null means <see cref="FftLength"/>.
    /// A shorter window is zero-padded on both sides to <see cref="FftLength"/>, centred.</summary>
    public int? WindowLength { get; init; }

    /// <summary>Window shape. Default <see cref="WindowKind.Hann"/>.</summary>
    public WindowKind Window { get; init; } = WindowKind.Hann;

    /// <summary>Periodic (true, PyTorch's default) or symmetric window. Default true.</summary>
    public bool PeriodicWindow { get; init; } = true;

    /// <summary>Pad <c>FftLength / 2</c> samples on both sides so frame <c>t</c> is centred on sample <c>t·hop</c>
    /// (<c>center=True</c>). Default true.</summary>
    public bool Center { get; init; } = true;

    /// <summary>Padding used when <see cref="Center"/> is true. Default <see cref="PaddingMode.Reflect"/>.</summary>
    public PaddingMode PadMode { get; init; } = PaddingMode.Reflect;

    /// <summary>Return only the <c>n_fft / 2 + 1</c> non-negative frequencies (true) or all <c>n_fft</c> (false). Default true.</summary>
    public bool OneSided { get; init; } = true;

    /// <summary>The hop length in effect.</summary>
    public int EffectiveHopLength => HopLength ?? FftLength / 4;

    /// <summary>The window length in effect.</summary>
    public int EffectiveWindowLength => WindowLength ?? FftLength;
}
