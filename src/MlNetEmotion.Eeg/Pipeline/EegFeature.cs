using MlNetEmotion.Eeg.Features;
using Features = MlNetEmotion.Eeg.Features;
using MlNetEmotion.Signals.Fourier;
using MlNetEmotion.Signals.Spectral;

namespace MlNetEmotion.Eeg.Pipeline;

/// <summary>A per-window band feature computed from a signal: band power or differential entropy.</summary>
public abstract record EegFeature
{
    /// <summary>Computes the features over the signal's windows (the whole signal when it was not segmented).</summary>
    /// <param name="signal">The signal.</param>
    public abstract BandFeatures Compute(EegSignal signal);

    /// <summary>Writes the settings.</summary>
    /// <param name="writer">Destination.</param>
    public abstract void Write(BinaryWriter writer);

    /// <summary>Reads a feature written by <see cref="Write"/>.</summary>
    /// <param name="tag">Type name written before the settings.</param>
    /// <param name="reader">Source.</param>
    public static EegFeature Read(string tag, BinaryReader reader) => tag switch
    {
        nameof(BandPowerFeature) => BandPowerFeature.Read(reader),
        nameof(DifferentialEntropyFeature) => DifferentialEntropyFeature.Read(reader),
        _ => throw new InvalidDataException($"Unknown EEG feature '{tag}' in a saved model."),
    };

    private protected static void WriteBands(BinaryWriter writer, IReadOnlyList<FrequencyBand> bands)
    {
        writer.Write(bands.Count);
        foreach (var band in bands)
        {
            writer.Write(band.Name);
            writer.Write(band.Low);
            writer.Write(band.High);
        }
    }

    private protected static FrequencyBand[] ReadBands(BinaryReader reader)
    {
        var bands = new FrequencyBand[MlNetEmotion.Persistence.StepLoadContext.ReadCount(reader, minItemBytes: 17, "saved EEG feature step")]; // name, low, high
        for (int i = 0; i < bands.Length; i++) bands[i] = new FrequencyBand(reader.ReadString(), reader.ReadDouble(), reader.ReadDouble());
        return bands;
    }
}

/// <summary>Band power per window, channel and band (<see cref="Features.BandPower"/>).</summary>
/// <param name="Options">Bands, scale, method.</param>
public sealed record BandPowerFeature(BandPowerOptions Options) : EegFeature
{
    /// <inheritdoc />
    public override BandFeatures Compute(EegSignal signal) =>
        Features.BandPower.Compute(signal.Data, signal.SamplingRate, signal.Windows, Options) with { ChannelNames = signal.ChannelNames };

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        WriteBands(writer, Options.Bands);
        writer.Write((int)Options.Scale);
        writer.Write((int)Options.Method);
        writer.Write(Options.FilterOrder);
        var welch = Options.Welch;
        writer.Write(welch is not null);
        if (welch is null) return;
        writer.Write(welch.SegmentLength ?? -1);
        writer.Write(welch.Overlap ?? -1);
        writer.Write((int)welch.Window);
        writer.Write(welch.RemoveSegmentMean);
        writer.Write((int)welch.Average);
        writer.Write((int)welch.Scaling);
    }

    internal static BandPowerFeature Read(BinaryReader r)
    {
        var options = new BandPowerOptions { Bands = ReadBands(r), Scale = (BandPowerScale)r.ReadInt32(), Method = (BandPowerMethod)r.ReadInt32(), FilterOrder = r.ReadInt32() };
        if (r.ReadBoolean())
        {
            int segment = r.ReadInt32(), overlap = r.ReadInt32();
            options.Welch = new WelchOptions
            {
                SegmentLength = segment < 0 ? null : segment,
                Overlap = overlap < 0 ? null : overlap,
                Window = (WindowKind)r.ReadInt32(),
                RemoveSegmentMean = r.ReadBoolean(),
                Average = (SpectralAverage)r.ReadInt32(),
                Scaling = (SpectralScaling)r.ReadInt32(),
            };
        }
        return new BandPowerFeature(options);
    }
}

/// <summary>Differential entropy per window, channel and band (<see cref="Features.DifferentialEntropy"/>).</summary>
/// <param name="Options">Bands, filter order, log base.</param>
public sealed record DifferentialEntropyFeature(DifferentialEntropyOptions Options) : EegFeature
{
    /// <inheritdoc />
    public override BandFeatures Compute(EegSignal signal) =>
        Features.DifferentialEntropy.Compute(signal.Data, signal.SamplingRate, signal.Windows, Options) with { ChannelNames = signal.ChannelNames };

    /// <inheritdoc />
    public override void Write(BinaryWriter writer)
    {
        WriteBands(writer, Options.Bands);
        writer.Write(Options.FilterOrder);
        writer.Write(Options.Base2);
    }

    internal static DifferentialEntropyFeature Read(BinaryReader r) =>
        new(new DifferentialEntropyOptions { Bands = ReadBands(r), FilterOrder = r.ReadInt32(), Base2 = r.ReadBoolean() });
}
