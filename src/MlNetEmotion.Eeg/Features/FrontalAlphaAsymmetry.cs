using MlNetEmotion.Eeg.Montages;

namespace MlNetEmotion.Eeg.Features;

/// <summary>
/// Frontal alpha asymmetry: ln(alpha power of the right electrode) − ln(alpha power of the left one),
/// by default F4 − F3. Channel names match ignoring case and dots (<see cref="ChannelName"/>).
/// </summary>
public static class FrontalAlphaAsymmetry
{
    /// <summary>The default electrode pair (right, left): F4 and F3.</summary>
    public static IReadOnlyList<(string Right, string Left)> DefaultPairs { get; } = [("F4", "F3")];

    /// <summary>Computes the asymmetry per window and pair.</summary>
    /// <param name="absolutePower">Absolute band powers [windows, channels, bands] (see <see cref="BandPower"/>).</param>
    /// <param name="channelNames">Names of the channels of <paramref name="absolutePower"/>.</param>
    /// <param name="pairs">(right, left) channel pairs; null for F4/F3.</param>
    /// <param name="bandName">Name of the alpha band in <paramref name="absolutePower"/>. Default <c>alpha</c>.</param>
    /// <returns>Row-major [windows, pairs].</returns>
    /// <exception cref="UnknownChannelException">A pair names a channel that is not present.</exception>
    /// <exception cref="ArgumentException">There is no band called <paramref name="bandName"/>.</exception>
    public static double[] Compute(BandFeatures absolutePower, IReadOnlyList<string> channelNames, IReadOnlyList<(string Right, string Left)>? pairs = null, string bandName = "alpha")
    {
        ArgumentNullException.ThrowIfNull(absolutePower);
        pairs ??= DefaultPairs;
        int band = absolutePower.Bands.Select(b => b.Name).ToList().FindIndex(n => string.Equals(n, bandName, StringComparison.OrdinalIgnoreCase));
        if (band < 0)
            throw new ArgumentException($"No band named '{bandName}'; bands: {string.Join(", ", absolutePower.Bands.Select(b => b.Name))}.", nameof(bandName));
        var normalized = channelNames.Select(ChannelName.Normalize).ToList();
        int Find(string name) => normalized.IndexOf(ChannelName.Normalize(name));
        var indices = pairs.Select(p => (Right: Find(p.Right), Left: Find(p.Left))).ToArray();
        var missing = pairs.SelectMany((p, i) => new[] { (p.Right, indices[i].Right), (p.Left, indices[i].Left) }).Where(x => x.Item2 < 0).Select(x => x.Item1).ToList();
        if (missing.Count > 0)
            throw new UnknownChannelException("recording", missing);
        var result = new double[absolutePower.Windows * pairs.Count];
        for (int w = 0; w < absolutePower.Windows; w++)
            for (int p = 0; p < pairs.Count; p++)
                result[w * pairs.Count + p] = Math.Log(absolutePower[w, indices[p].Right, band]) - Math.Log(absolutePower[w, indices[p].Left, band]);
        return result;
    }
}
