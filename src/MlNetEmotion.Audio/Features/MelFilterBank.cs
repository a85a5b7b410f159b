using System.Numerics;
using System.Numerics.Tensors;
using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Features;

/// <summary>Triangular mel filters over the one-sided FFT bins, stored sparsely (each filter's non-zero run only).</summary>
/// <remarks>Bin <c>k</c> is at frequency <c>k · (sampleRate / 2) / (bins − 1)</c> (Kaldi: <c>k · sampleRate / n_fft</c>). For <see cref="MelScale.Htk"/> and
/// <see cref="MelScale.Slaney"/> the <c>melCount + 2</c> corner frequencies are equally spaced in mel between the
/// minimum and maximum frequency and each triangle is linear in Hz, as in <c>torchaudio.functional.melscale_fbanks</c>
/// and <c>librosa.filters.mel</c>; <see cref="MelScale.Kaldi"/> follows Kaldi (see there).</remarks>
public sealed class MelFilterBank
{
    private readonly int[] starts;
    private readonly double[][] weights;
    private readonly float[][] singleWeights;

    private MelFilterBank(int binCount, int[] starts, double[][] weights)
    {
        BinCount = binCount;
        this.starts = starts;
        this.weights = weights;
        singleWeights = Array.ConvertAll(weights, w => Array.ConvertAll(w, v => (float)v));
    }

    /// <summary>Number of FFT bins the filters read (<c>n_fft / 2 + 1</c>).</summary>
    public int BinCount { get; }

    /// <summary>Number of mel filters.</summary>
    public int MelCount => starts.Length;

    /// <summary>Builds a filter bank.</summary>
    /// <param name="fftLength">FFT size; the bank covers its <c>fftLength / 2 + 1</c> bins.</param>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="melCount">Number of filters, at least 1.</param>
    /// <param name="minFrequency">Lower edge of the first filter in Hz.</param>
    /// <param name="maxFrequency">Upper edge of the last filter in Hz; null means Nyquist; a value ≤ 0 with
    /// <see cref="MelScale.Kaldi"/> means Nyquist plus that value.</param>
    /// <param name="scale">Mel scale and filter layout.</param>
    /// <param name="normalization">Area normalisation.</param>
    /// <exception cref="ArgumentException">The frequency range is empty or beyond Nyquist.</exception>
    public static MelFilterBank Create(int fftLength, double sampleRate, int melCount, double minFrequency = 0,
        double? maxFrequency = null, MelScale scale = MelScale.Htk, MelNormalization normalization = MelNormalization.None)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fftLength, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(melCount, 1);
        double nyquist = sampleRate / 2;
        double fMax = maxFrequency is double m ? (scale == MelScale.Kaldi && m <= 0 ? nyquist + m : m) : nyquist;
        if (minFrequency < 0 || fMax <= minFrequency || fMax > nyquist + 1e-9)
            throw new ArgumentException($"Mel frequency range [{minFrequency}, {fMax}] Hz must be increasing and within [0, {nyquist}] Hz.", nameof(maxFrequency));
        int bins = fftLength / 2 + 1;
        double binWidth = sampleRate / fftLength;
        double melLow = MelConversions.HzToMel(minFrequency, scale), melHigh = MelConversions.HzToMel(fMax, scale);
        double step = (melHigh - melLow) / (melCount + 1);
        var dense = new double[melCount][];
        for (int f = 0; f < melCount; f++)
        {
            dense[f] = new double[bins];
            if (scale == MelScale.Kaldi)
            {
                double left = melLow + f * step, centre = melLow + (f + 1) * step, right = melLow + (f + 2) * step;
                for (int k = 0; k < bins - 1; k++) // the Nyquist bin keeps weight 0
                {
                    double mel = MelConversions.HzToMel(k * binWidth, scale);
                    double up = (mel - left) / (centre - left), down = (right - mel) / (right - centre);
                    dense[f][k] = Math.Max(0, Math.Min(up, down));
                }
            }
            else
            {
                double lo = MelConversions.MelToHz(melLow + f * step, scale);
                double mid = MelConversions.MelToHz(melLow + (f + 1) * step, scale);
                double hi = MelConversions.MelToHz(melLow + (f + 2) * step, scale);
                double norm = normalization == MelNormalization.Slaney ? 2.0 / (hi - lo) : 1.0;
                for (int k = 0; k < bins; k++)
                {
                    double hz = k * nyquist / (bins - 1); // linspace(0, sr/2, bins), as torchaudio and librosa
                    double up = (hz - lo) / (mid - lo), down = (hi - hz) / (hi - mid);
                    dense[f][k] = Math.Max(0, Math.Min(up, down)) * norm;
                }
            }
        }
        return FromDense(bins, dense);
    }

    /// <summary>Dense copy of the filters, <c>[MelCount][BinCount]</c>.</summary>
    public double[][] ToDense()
    {
        var dense = new double[MelCount][];
        for (int f = 0; f < MelCount; f++)
        {
            dense[f] = new double[BinCount];
            weights[f].CopyTo(dense[f], starts[f]);
        }
        return dense;
    }

    /// <summary>Filter energies of one spectrum: <c>mel[f] = Σ_k W[f, k] · spectrum[k]</c>.</summary>
    /// <param name="spectrum"><see cref="BinCount"/> values (power or magnitude).</param>
    /// <param name="mel">Receives <see cref="MelCount"/> values.</param>
    public void Apply(ReadOnlySpan<double> spectrum, Span<double> mel)
    {
        if (spectrum.Length != BinCount) throw new ArgumentException($"Expected {BinCount} bins but got {spectrum.Length}.", nameof(spectrum));
        for (int f = 0; f < starts.Length; f++)
            mel[f] = TensorPrimitives.Dot(spectrum.Slice(starts[f], weights[f].Length), weights[f]);
    }

    /// <summary>Float32 filter energies of one spectrum (the feature extractors' path).</summary>
    /// <param name="spectrum"><see cref="BinCount"/> values (power or magnitude).</param>
    /// <param name="mel">Receives <see cref="MelCount"/> values.</param>
    public void Apply(ReadOnlySpan<float> spectrum, Span<float> mel)
    {
        if (spectrum.Length != BinCount) throw new ArgumentException($"Expected {BinCount} bins but got {spectrum.Length}.", nameof(spectrum));
        for (int f = 0; f < starts.Length; f++)
            mel[f] = TensorPrimitives.Dot(spectrum.Slice(starts[f], singleWeights[f].Length), singleWeights[f]);
    }

    /// <summary>Float32 filter energies of <c>Vector&lt;float&gt;.Count</c> spectra interleaved by frame
    /// (<c>spectra[k · lanes + l]</c>), into <c>mel[f · lanes + l]</c>: a banded sparse product that touches only each
    /// filter's non-zero run, one vector multiply-add per weight for all frames at once.</summary>
    /// <param name="spectra"><c>BinCount · lanes</c> values.</param>
    /// <param name="mel">Receives <c>MelCount · lanes</c> values.</param>
    internal void ApplyInterleaved(ReadOnlySpan<float> spectra, Span<float> mel)
    {
        int lanes = Vector<float>.Count;
        if (spectra.Length != BinCount * lanes) throw new ArgumentException($"Expected {BinCount * lanes} interleaved values but got {spectra.Length}.", nameof(spectra));
        for (int f = 0; f < starts.Length; f++)
        {
            var w = singleWeights[f];
            var band = spectra.Slice(starts[f] * lanes, w.Length * lanes);
            var sum = Vector<float>.Zero;
            for (int j = 0; j < w.Length; j++)
                sum = Vector.MultiplyAddEstimate(new Vector<float>(w[j]), new Vector<float>(band.Slice(j * lanes, lanes)), sum);
            sum.CopyTo(mel.Slice(f * lanes, lanes));
        }
    }

    /// <summary>Applies the bank to every frame of a <c>[BinCount, frames]</c> spectrogram.</summary>
    /// <param name="spectrogram">Power or magnitude spectrogram.</param>
    /// <returns>A <c>[MelCount, frames]</c> spectrogram.</returns>
    public Spectrogram Apply(Spectrogram spectrogram)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        if (spectrogram.Rows != BinCount) throw new ArgumentException($"Expected {BinCount} rows but got {spectrogram.Rows}.", nameof(spectrogram));
        var result = new Spectrogram(MelCount, spectrogram.Frames);
        var column = new double[BinCount];
        var mel = new double[MelCount];
        for (int t = 0; t < spectrogram.Frames; t++)
        {
            for (int k = 0; k < BinCount; k++) column[k] = spectrogram[k, t];
            Apply(column, mel);
            for (int f = 0; f < MelCount; f++) result[f, t] = (float)mel[f];
        }
        return result;
    }

    private static MelFilterBank FromDense(int bins, double[][] dense)
    {
        var starts = new int[dense.Length];
        var weights = new double[dense.Length][];
        for (int f = 0; f < dense.Length; f++)
        {
            int first = Array.FindIndex(dense[f], w => w != 0), last = Array.FindLastIndex(dense[f], w => w != 0);
            if (first < 0) { weights[f] = []; continue; } // an empty filter (too many mels for the FFT size) stays zero
            starts[f] = first;
            weights[f] = dense[f][first..(last + 1)];
        }
        return new MelFilterBank(bins, starts, weights);
    }
}
