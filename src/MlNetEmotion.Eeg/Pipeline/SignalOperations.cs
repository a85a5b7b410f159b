using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Signals.Filters;
using MlNetEmotion.Signals.Resampling;
using MlNetEmotion.Signals.Wavelets;

namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>Zero-phase Butterworth band-pass (<c>sosfiltfilt</c>) of every channel.</summary>
/// <param name="LowHz">Lower −3 dB edge.</param>
/// <param name="HighHz">Upper −3 dB edge, below Nyquist.</param>
/// <param name="Order">Prototype order (the band-pass has twice as many poles).</param>
public sealed record BandPassOperation(double LowHz, double HighHz, int Order) : EegSignalOperation
{
    /// <inheritdoc />
    public override EegSignal Apply(EegSignal signal) =>
        signal.With(SosFilter.SosFiltFilt(Butterworth.BandPass(Order, LowHz, HighHz, signal.SamplingRate), signal.Data));

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(LowHz);
        writer.Write(HighHz);
        writer.Write(Order);
    }

    internal static BandPassOperation Read(BinaryReader r) => new(r.ReadDouble(), r.ReadDouble(), r.ReadInt32());
}

/// <summary>Zero-phase IIR notch (<c>iirnotch</c> + <c>filtfilt</c>) of every channel.</summary>
/// <param name="FrequencyHz">Frequency to remove (50 or 60 Hz mains).</param>
/// <param name="Quality">Quality factor Q.</param>
public sealed record NotchOperation(double FrequencyHz, double Quality) : EegSignalOperation
{
    /// <inheritdoc />
    public override EegSignal Apply(EegSignal signal)
    {
        var filter = IirNotch.Design(FrequencyHz, Quality, signal.SamplingRate);
        var data = new double[signal.Data.Length][];
        Parallel.For(0, data.Length, c => data[c] = TransferFunctionFilter.FiltFilt(filter, signal.Data[c]));
        return signal.With(data);
    }

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(FrequencyHz);
        writer.Write(Quality);
    }

    internal static NotchOperation Read(BinaryReader r) => new(r.ReadDouble(), r.ReadDouble());
}

/// <summary>Polyphase resampling (<c>resample_poly</c>) to a new rate; up/down are the reduced ratio of the whole-number rates.</summary>
/// <param name="TargetRate">New sampling rate in Hz (whole number, as is the input rate).</param>
/// <param name="KaiserBeta">Kaiser β of the anti-aliasing filter (SciPy's 5).</param>
public sealed record ResampleOperation(double TargetRate, double KaiserBeta) : EegSignalOperation
{
    /// <inheritdoc />
    public override EegSignal Apply(EegSignal signal)
    {
        int up = (int)Math.Round(TargetRate), down = (int)Math.Round(signal.SamplingRate);
        if (up != TargetRate || down != signal.SamplingRate || up < 1)
            throw new ArgumentOutOfRangeException(nameof(TargetRate), TargetRate,
                $"Resampling needs whole-number rates; got {signal.SamplingRate} Hz to {TargetRate} Hz.");
        int gcd = (int)System.Numerics.BigInteger.GreatestCommonDivisor(up, down);
        up /= gcd;
        down /= gcd;
        var data = new double[signal.Data.Length][];
        Parallel.For(0, data.Length, c => data[c] = PolyphaseResampler.ResamplePoly(signal.Data[c], up, down, KaiserBeta));
        return signal.With(data, TargetRate);
    }

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(TargetRate);
        writer.Write(KaiserBeta);
    }

    internal static ResampleOperation Read(BinaryReader r) => new(r.ReadDouble(), r.ReadDouble());
}

/// <summary>Wavelet soft-threshold denoising of every channel (papers 000/002 step 1).</summary>
/// <param name="Options">Wavelet, level, mode, threshold function and threshold.</param>
public sealed record WaveletDenoiseOperation(WaveletDenoiseOptions Options) : EegSignalOperation
{
    /// <inheritdoc />
    public override EegSignal Apply(EegSignal signal)
    {
        var data = new double[signal.Data.Length][];
        Parallel.For(0, data.Length, c => data[c] = WaveletDenoiser.Denoise(signal.Data[c], Options));
        return signal.With(data);
    }

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(Options.Wavelet);
        writer.Write(Options.Level ?? -1);
        writer.Write((int)Options.Mode);
        writer.Write((int)Options.Function);
        writer.Write(Options.Threshold ?? double.NaN);
    }

    internal static WaveletDenoiseOperation Read(BinaryReader r)
    {
        var options = new WaveletDenoiseOptions { Wavelet = r.ReadString() };
        int level = r.ReadInt32();
        options.Level = level < 0 ? null : level;
        options.Mode = (WaveletMode)r.ReadInt32();
        options.Function = (ThresholdFunction)r.ReadInt32();
        double threshold = r.ReadDouble();
        options.Threshold = double.IsNaN(threshold) ? null : threshold;
        return new WaveletDenoiseOperation(options);
    }
}

/// <summary>Sets the analysis windows used by the feature steps (window T = 1 / fps, optional overlap).</summary>
/// <param name="Segmentation">Window length and overlap.</param>
public sealed record SegmentOperation(Segmentation Segmentation) : EegSignalOperation
{
    /// <inheritdoc />
    public override EegSignal Apply(EegSignal signal)
    {
        _ = new FrameWindows(signal.SampleCount, signal.SamplingRate, Segmentation.WindowSeconds, Segmentation.Overlap);
        return signal.With(Segmentation);
    }

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(Segmentation.WindowSeconds);
        writer.Write(Segmentation.Overlap);
    }

    internal static SegmentOperation Read(BinaryReader r) => new(new Segmentation(r.ReadDouble(), r.ReadDouble()));
}

/// <summary>Removes the leading pre-trial baseline (DEAP: 3 s) as <see cref="BaselineRemoval.Apply"/> does.</summary>
/// <param name="BaselineSeconds">Baseline length in seconds.</param>
/// <param name="Method">Correction method.</param>
public sealed record BaselineRemovalOperation(double BaselineSeconds, BaselineMethod Method) : EegSignalOperation
{
    /// <inheritdoc />
    public override EegSignal Apply(EegSignal signal)
    {
        var data = new double[signal.Data.Length][];
        for (int c = 0; c < data.Length; c++) data[c] = BaselineRemoval.Apply(signal.Data[c], signal.SamplingRate, BaselineSeconds, Method);
        return signal.With(data);
    }

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(BaselineSeconds);
        writer.Write((int)Method);
    }

    internal static BaselineRemovalOperation Read(BinaryReader r) => new(r.ReadDouble(), (BaselineMethod)r.ReadInt32());
}

/// <summary>Per-channel z-scoring with statistics learned on training rows.</summary>
/// <param name="Normalizer">The learned statistics.</param>
public sealed record NormalizePerChannelOperation(ChannelNormalizer Normalizer) : EegSignalOperation
{
    /// <inheritdoc />
    public override EegSignal Apply(EegSignal signal) => signal.With(Normalizer.Transform(signal.Data));

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        writer.Write(Normalizer.Means.Count);
        foreach (double m in Normalizer.Means) writer.Write(m);
        foreach (double s in Normalizer.StandardDeviations) writer.Write(s);
    }

    internal static NormalizePerChannelOperation Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var means = new double[n];
        var deviations = new double[n];
        for (int i = 0; i < n; i++) means[i] = r.ReadDouble();
        for (int i = 0; i < n; i++) deviations[i] = r.ReadDouble();
        return new NormalizePerChannelOperation(new ChannelNormalizer(means, deviations));
    }
}
