using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>A stack of equally sized feature maps, <c>[channels, rows, frames]</c> row-major: the spectrogram "image"
/// fed to CNN branches (papers 003/004), channel 0 the static features, then deltas, then delta-deltas.</summary>
public sealed class FeatureImage
{
    /// <summary>Wraps <paramref name="data"/> (not copied).</summary>
    /// <param name="channels">Number of channels.</param>
    /// <param name="rows">Rows per channel (coefficients or mel bands).</param>
    /// <param name="frames">Frames per row.</param>
    /// <param name="data">Values, <c>channels · rows · frames</c> long.</param>
    public FeatureImage(int channels, int rows, int frames, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)channels * rows * frames)
            throw new ArgumentException($"Expected {channels} x {rows} x {frames} values but got {data.Length}.", nameof(data));
        Channels = channels;
        Rows = rows;
        Frames = frames;
        Data = data;
    }

    /// <summary>Number of channels.</summary>
    public int Channels { get; }

    /// <summary>Rows per channel.</summary>
    public int Rows { get; }

    /// <summary>Frames per row.</summary>
    public int Frames { get; }

    /// <summary>Values; element (<c>c</c>, <c>r</c>, <c>t</c>) is at <c>(c · Rows + r) · Frames + t</c>.</summary>
    public float[] Data { get; }

    /// <summary>Shape as <c>[channels, rows, frames]</c>.</summary>
    public int[] Shape => [Channels, Rows, Frames];

    /// <summary>Static features plus <paramref name="deltaOrder"/> orders of deltas, each the deltas of the previous
    /// channel (<see cref="Deltas.Compute"/>).</summary>
    /// <param name="features"><c>[rows, frames]</c> features, e.g. MFCC or log-mel.</param>
    /// <param name="deltaOrder">0 (static only), 1 (+ deltas) or 2 (+ delta-deltas). Default 2.</param>
    /// <param name="deltaWidth">Delta regression window. Default 5.</param>
    public static FeatureImage WithDeltas(Spectrogram features, int deltaOrder = 2, int deltaWidth = 5)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegative(deltaOrder);
        var layers = new List<Spectrogram> { features };
        for (int i = 0; i < deltaOrder; i++) layers.Add(Deltas.Compute(layers[^1], deltaWidth));
        return Stack(layers);
    }

    /// <summary>Stacks equally shaped matrices as channels.</summary>
    /// <param name="layers">One <c>[rows, frames]</c> matrix per channel.</param>
    public static FeatureImage Stack(IReadOnlyList<Spectrogram> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0) throw new ArgumentException("At least one channel is needed.", nameof(layers));
        int rows = layers[0].Rows, frames = layers[0].Frames;
        var data = new float[(long)layers.Count * rows * frames];
        for (int c = 0; c < layers.Count; c++)
        {
            if (layers[c].Rows != rows || layers[c].Frames != frames)
                throw new ArgumentException($"Channel {c} is {layers[c].Rows} x {layers[c].Frames} but channel 0 is {rows} x {frames}.", nameof(layers));
            layers[c].Data.CopyTo(data, (long)c * rows * frames);
        }
        return new FeatureImage(layers.Count, rows, frames, data);
    }

    /// <summary>One channel as a <c>[rows, frames]</c> copy.</summary>
    /// <param name="channel">Channel index.</param>
    public Spectrogram Channel(int channel) =>
        new(Rows, Frames, Data.AsSpan(channel * Rows * Frames, Rows * Frames).ToArray());
}
