using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>Which part of a too-long input is kept.</summary>
public enum CropPosition
{
    /// <summary>Keep the beginning.</summary>
    Start,

    /// <summary>Keep the middle (the extra is split evenly, the odd one cut from the end).</summary>
    Center,

    /// <summary>Keep the end.</summary>
    End,
}

/// <summary>Crops or pads features or waveforms to a fixed number of frames or samples (batching for CNNs).</summary>
public static class FixLength
{
    /// <summary>Crops (at <paramref name="crop"/>) or right-pads with <paramref name="padValue"/> every row of
    /// <paramref name="features"/> to <paramref name="frames"/> frames.</summary>
    /// <param name="features"><c>[rows, frames]</c> features.</param>
    /// <param name="frames">Target frame count, at least 1.</param>
    /// <param name="crop">Part kept when cropping. Default <see cref="CropPosition.Start"/>.</param>
    /// <param name="padValue">Value appended when padding. Default 0.</param>
    public static Spectrogram Apply(Spectrogram features, int frames, CropPosition crop = CropPosition.Start, float padValue = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        var result = new Spectrogram(features.Rows, frames);
        for (int r = 0; r < features.Rows; r++) Fit(features.Row(r), result.Row(r), crop, padValue);
        return result;
    }

    /// <summary>Crops or pads every channel of a feature image to <paramref name="frames"/> frames.</summary>
    /// <param name="image"><c>[channels, rows, frames]</c> features.</param>
    /// <param name="frames">Target frame count, at least 1.</param>
    /// <param name="crop">Part kept when cropping.</param>
    /// <param name="padValue">Value appended when padding.</param>
    public static FeatureImage Apply(FeatureImage image, int frames, CropPosition crop = CropPosition.Start, float padValue = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        var layers = Enumerable.Range(0, image.Channels).Select(c => Apply(image.Channel(c), frames, crop, padValue)).ToList();
        return FeatureImage.Stack(layers);
    }

    /// <summary>Crops or pads a waveform to <paramref name="length"/> samples.</summary>
    /// <param name="samples">Mono samples.</param>
    /// <param name="length">Target length, at least 1.</param>
    /// <param name="crop">Part kept when cropping.</param>
    /// <param name="padValue">Value appended when padding.</param>
    public static float[] Apply(ReadOnlySpan<float> samples, int length, CropPosition crop = CropPosition.Start, float padValue = 0)
    {
        var result = new float[length];
        Fit(samples, result, crop, padValue);
        return result;
    }

    private static void Fit(ReadOnlySpan<float> source, Span<float> target, CropPosition crop, float padValue)
    {
        if (target.Length < 1) throw new ArgumentOutOfRangeException(nameof(target), target.Length, "The target length must be at least 1.");
        if (source.Length >= target.Length)
        {
            int extra = source.Length - target.Length;
            int start = crop switch { CropPosition.Start => 0, CropPosition.Center => extra / 2, _ => extra };
            source.Slice(start, target.Length).CopyTo(target);
        }
        else
        {
            source.CopyTo(target);
            target[source.Length..].Fill(padValue);
        }
    }
}
