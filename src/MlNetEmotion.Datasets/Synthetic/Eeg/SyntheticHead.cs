using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Everything about a layout that does not change between trials, built once per layout: channel names, rate, regions,
/// positions in head coordinates (<c>standard_1020</c>), the spatial mixing, and how strongly blinks and muscle bursts
/// reach each channel.
/// </summary>
internal sealed class SyntheticHead
{
    private static readonly Lazy<SyntheticHead> DeapHead = new(() => new SyntheticHead(SyntheticEegLayout.Deap));
    private static readonly Lazy<SyntheticHead> EavHead = new(() => new SyntheticHead(SyntheticEegLayout.Eav));

    /// <summary>Blinks are seen from a point this far (metres) below Fp1 and Fp2, roughly the eyeball.</summary>
    private const double EyeDepth = 0.03;

    /// <summary>Distance (metres) over which blink amplitude falls by e beyond Fp1/Fp2.</summary>
    private const double BlinkDecay = 0.03;

    /// <summary>Distance (metres) over which a temporalis burst falls by e from T7/T8.</summary>
    private const double MuscleDecay = 0.04;

    private SyntheticHead(SyntheticEegLayout layout)
    {
        Channels = SyntheticEegChannels.For(layout);
        SamplingRate = SyntheticEegChannels.SamplingRate(layout);
        Regions = Channels.Select(ElectrodeRegion.Of).ToArray();
        var standard = StandardMontages.Create("standard_1020").ToHeadCoordinates();
        Positions = standard.Select(Channels).Positions.ToArray();
        Mixing = new SpatialMixing(Positions);
        var eyes = new[] { At(standard, "Fp1"), At(standard, "Fp2") }.Select(p => p with { Z = p.Z - EyeDepth }).ToArray();
        BlinkWeights = Positions.Select(p => Math.Min(1, Math.Exp(-(eyes.Min(e => (p - e).Norm) - EyeDepth) / BlinkDecay))).ToArray();
        MuscleWeights = [Decay(At(standard, "T7")), Decay(At(standard, "T8"))];
        MuscleFilter = Butterworth.BandPass(2, 20, Math.Min(60, 0.45 * SamplingRate), SamplingRate);
    }

    /// <summary>The head of a layout.</summary>
    public static SyntheticHead For(SyntheticEegLayout layout) => layout == SyntheticEegLayout.Deap ? DeapHead.Value : EavHead.Value;

    /// <summary>Channel names in order.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>Samples per second.</summary>
    public double SamplingRate { get; }

    /// <summary>Region of each channel.</summary>
    public ElectrodeRegion[] Regions { get; }

    /// <summary>Position of each channel, metres, head coordinates.</summary>
    public Point3[] Positions { get; }

    /// <summary>Spatial mixing of independent per-channel sources.</summary>
    public SpatialMixing Mixing { get; }

    /// <summary>Blink amplitude at each channel relative to Fp1/Fp2 (1 there, falling with distance from the eyes).</summary>
    public double[] BlinkWeights { get; }

    /// <summary>Muscle-burst amplitude at each channel relative to T7 (index 0, left) and T8 (index 1, right).</summary>
    public double[][] MuscleWeights { get; }

    /// <summary>Band-pass for muscle activity: 20–60 Hz (or 0.45·fs when that is lower), 4 poles.</summary>
    public SecondOrderSections MuscleFilter { get; }

    private double[] Decay(Point3 source) => Positions.Select(p => Math.Exp(-(p - source).Norm / MuscleDecay)).ToArray();

    private static Point3 At(Montage montage, string channel) => montage.TryGetPosition(channel, out var p)
        ? p
        : throw new UnknownChannelException(montage.Name, [channel]);
}
