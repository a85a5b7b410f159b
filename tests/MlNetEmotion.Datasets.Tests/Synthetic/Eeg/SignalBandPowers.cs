using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Eeg;
using MlNetEmotion.Signals.Spectral;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Eeg;

/// <summary>Natural-log band powers of a recording's segment by Welch (2 s Hann segments, half overlap) and trapezoid
/// integration over the feature generator's band edges: the measurement the tests hold the planted effects to.</summary>
internal static class SignalBandPowers
{
    /// <summary>[channel, band] log powers (theta, alpha, beta, gamma) of samples [from, to).</summary>
    public static double[,] Of(EegRecording recording, int from, int to)
    {
        double fs = recording.SamplingRate;
        var channels = recording.Channels.Select(c => c.Samples[from..to]).ToArray();
        var (frequencies, power) = Welch.Estimate(channels, fs, new WelchOptions { SegmentLength = (int)(2 * fs) }, maxDegreeOfParallelism: 1);
        var result = new double[channels.Length, SyntheticEegGenerator.BandCount];
        for (int c = 0; c < channels.Length; c++)
            for (int b = 0; b < SyntheticEegGenerator.BandCount; b++)
            {
                var (_, low, high) = SyntheticEegGenerator.Bands[b];
                result[c, b] = Math.Log(BandPower.Integrate(frequencies, power[c], low, high));
            }
        return result;
    }

    /// <summary>Mean of <paramref name="values"/>[c, band] over the named channels.</summary>
    public static double Mean(double[,] values, EegRecording recording, IEnumerable<string> channels, int band) =>
        channels.Average(name => values[recording.IndexOf(name), band]);
}
