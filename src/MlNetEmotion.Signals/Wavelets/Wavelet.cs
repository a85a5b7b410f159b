namespace MlNetEmotion.Signals.Wavelets;

/// <summary>
/// An orthogonal wavelet's filter bank: Haar, Daubechies <c>db1</c>–<c>db20</c> and Symlets <c>sym2</c>–<c>sym20</c>,
/// with PyWavelets' coefficients and conventions (<c>rec_lo</c> is <c>dec_lo</c> reversed,
/// <c>dec_hi[j] = (−1)^(j+1)·dec_lo[F−1−j]</c>, <c>rec_hi[j] = (−1)^j·dec_lo[j]</c>).
/// </summary>
public sealed class Wavelet
{
    private Wavelet(string name, double[] decompositionLowPass)
    {
        Name = name;
        int f = decompositionLowPass.Length;
        DecompositionLowPass = decompositionLowPass;
        var decHi = new double[f];
        var recLo = new double[f];
        var recHi = new double[f];
        for (int j = 0; j < f; j++)
        {
            decHi[j] = (j % 2 == 0 ? -1 : 1) * decompositionLowPass[f - 1 - j];
            recLo[j] = decompositionLowPass[f - 1 - j];
            recHi[j] = (j % 2 == 0 ? 1 : -1) * decompositionLowPass[j];
        }

        DecompositionHighPass = decHi;
        ReconstructionLowPass = recLo;
        ReconstructionHighPass = recHi;
    }

    /// <summary>The PyWavelets name, for example <c>db4</c>.</summary>
    public string Name { get; }

    /// <summary>Number of taps of each filter (<c>dec_len</c>).</summary>
    public int FilterLength => DecompositionLowPass.Count;

    /// <summary>Decomposition low-pass filter (<c>dec_lo</c>).</summary>
    public IReadOnlyList<double> DecompositionLowPass { get; }

    /// <summary>Decomposition high-pass filter (<c>dec_hi</c>).</summary>
    public IReadOnlyList<double> DecompositionHighPass { get; }

    /// <summary>Reconstruction low-pass filter (<c>rec_lo</c>).</summary>
    public IReadOnlyList<double> ReconstructionLowPass { get; }

    /// <summary>Reconstruction high-pass filter (<c>rec_hi</c>).</summary>
    public IReadOnlyList<double> ReconstructionHighPass { get; }

    /// <summary>Every built-in wavelet name: <c>haar</c>, <c>db1</c>–<c>db20</c>, <c>sym2</c>–<c>sym20</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["haar", .. Enumerable.Range(1, 20).Select(i => $"db{i}"), .. Enumerable.Range(2, 19).Select(i => $"sym{i}")];

    /// <summary>Looks up a built-in wavelet by its PyWavelets name (case-insensitive).</summary>
    /// <param name="name">For example <c>haar</c>, <c>db4</c>, <c>sym8</c>.</param>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static Wavelet FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        double[]? decLo = WaveletFilterTable.DecompositionLowPass(name.Trim().ToLowerInvariant());
        return decLo is null
            ? throw new ArgumentException($"Unknown wavelet '{name}'; expected haar, db1–db20 or sym2–sym20.", nameof(name))
            : new Wavelet(name.Trim().ToLowerInvariant(), decLo);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
