using System.Numerics.Tensors;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Voice;

/// <summary>Independent acoustic measurements for checking the synthesiser: autocorrelation pitch, LPC formants and a
/// syllable-nucleus count from the energy envelope. Written from the textbook definitions (Rabiner &amp; Schafer,
/// Digital Processing of Speech Signals, ch. 4 and 8), not from the synthesiser's code.</summary>
internal static class VoiceAnalysis
{
    /// <summary>F0 in Hz of each 40 ms frame (10 ms hop) of the signal low-passed at 900 Hz (4th-order Butterworth, so
    /// that F0 and the first harmonics dominate) whose normalised autocorrelation peak in 60–500 Hz exceeds
    /// <paramref name="voicingThreshold"/>; the first lag within 5 % of the best peak wins (guards against octave-down
    /// errors), refined by parabolic interpolation.</summary>
    public static List<double> Pitch(float[] signal, int fs, double voicingThreshold = 0.7)
    {
        var x = SosFilter.SosFilt(Butterworth.LowPass(4, 900, fs), signal.Select(v => (double)v).ToArray()).Select(v => (float)v).ToArray();
        int frame = (int)(0.04 * fs), hop = fs / 100, minLag = fs / 500, maxLag = fs / 60;
        var f0 = new List<double>();
        var r = new double[maxLag + 2];
        for (int start = 0; start + frame + maxLag + 1 <= x.Length; start += hop)
        {
            var a = x.AsSpan(start, frame);
            double e0 = TensorPrimitives.SumOfSquares<float>(a);
            if (e0 <= 0) continue;
            double best = 0;
            for (int lag = minLag - 1; lag <= maxLag + 1; lag++)
            {
                var b = x.AsSpan(start + lag, frame);
                r[lag] = TensorPrimitives.Dot<float>(a, b) / Math.Sqrt(e0 * TensorPrimitives.SumOfSquares<float>(b) + 1e-30);
                if (lag >= minLag && lag <= maxLag) best = Math.Max(best, r[lag]);
            }
            if (best < voicingThreshold) continue;
            for (int lag = minLag; lag <= maxLag; lag++)
            {
                if (r[lag] < 0.95 * best || r[lag] < r[lag - 1] || r[lag] < r[lag + 1]) continue;
                double denominator = r[lag - 1] - 2 * r[lag] + r[lag + 1];
                double offset = denominator < 0 ? 0.5 * (r[lag - 1] - r[lag + 1]) / denominator : 0;
                f0.Add(fs / (lag + offset));
                break;
            }
        }
        return f0;
    }

    /// <summary>The first three peaks of the LPC envelope (order fs/1000 + 2, autocorrelation method, pre-emphasis 0.97,
    /// Hamming window) of each 30 ms frame, medians over the frames.</summary>
    public static double[] Formants(float[] x, int fs, int count = 3)
    {
        int frame = (int)(0.03 * fs), order = fs / 1000 + 2;
        var peaks = Enumerable.Range(0, count).Select(_ => new List<double>()).ToArray();
        var w = new double[frame];
        for (int start = fs / 10; start + frame <= x.Length - fs / 10; start += frame)
        {
            for (int i = 0; i < frame; i++)
            {
                double previous = start + i > 0 ? x[start + i - 1] : 0;
                w[i] = (x[start + i] - 0.97 * previous) * (0.54 - 0.46 * Math.Cos(2 * Math.PI * i / (frame - 1)));
            }
            var a = Lpc(w, order);
            var found = EnvelopePeaks(a, fs, 5000);
            for (int k = 0; k < count && k < found.Count; k++) peaks[k].Add(found[k]);
        }
        return peaks.Select(p => Median(p)).ToArray();
    }

    /// <summary>Count of syllable nuclei: peaks of the 10 ms RMS envelope in dB (smoothed over 50 ms) that stand at least
    /// 3 dB above the lowest point on each side before a higher peak and within 30 dB of the clip's loudest frame.</summary>
    public static int Syllables(float[] x, int fs)
    {
        int hop = fs / 100, frames = x.Length / hop;
        var db = new double[frames];
        for (int f = 0; f < frames; f++)
            db[f] = 10 * Math.Log10(TensorPrimitives.SumOfSquares<float>(x.AsSpan(f * hop, hop)) / hop + 1e-12);
        var smooth = new double[frames];
        for (int f = 0; f < frames; f++)
        {
            int lo = Math.Max(0, f - 2), hi = Math.Min(frames - 1, f + 2);
            double sum = 0;
            for (int g = lo; g <= hi; g++) sum += db[g];
            smooth[f] = sum / (hi - lo + 1);
        }
        double floor = smooth.Max() - 30;
        int count = 0;
        for (int f = 1; f < frames - 1; f++)
        {
            if (smooth[f] < floor || smooth[f] < smooth[f - 1] || smooth[f] <= smooth[f + 1]) continue;
            if (smooth[f] - SideMinimum(smooth, f, -1) >= 3 && smooth[f] - SideMinimum(smooth, f, +1) >= 3) count++;
        }
        return count;
    }

    public static double RmsDb(float[] x) => 10 * Math.Log10(TensorPrimitives.SumOfSquares<float>(x) / x.Length);

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }

    private static double SideMinimum(double[] y, int peak, int direction)
    {
        double minimum = y[peak];
        for (int f = peak + direction; f >= 0 && f < y.Length && y[f] <= y[peak]; f += direction) minimum = Math.Min(minimum, y[f]);
        return minimum;
    }

    /// <summary>Levinson–Durbin recursion on the biased autocorrelation: the prediction polynomial 1 + a1·z⁻¹ + … .</summary>
    private static double[] Lpc(double[] w, int order)
    {
        var r = new double[order + 1];
        for (int lag = 0; lag <= order; lag++)
            for (int i = lag; i < w.Length; i++) r[lag] += w[i] * w[i - lag];
        r[0] *= 1 + 1e-9;
        var a = new double[order + 1];
        a[0] = 1;
        double error = r[0];
        for (int m = 1; m <= order; m++)
        {
            double acc = r[m];
            for (int i = 1; i < m; i++) acc += a[i] * r[m - i];
            double k = -acc / error;
            var previous = (double[])a.Clone();
            for (int i = 1; i < m; i++) a[i] = previous[i] + k * previous[m - i];
            a[m] = k;
            error *= 1 - k * k;
        }
        return a;
    }

    /// <summary>Frequencies (2 Hz grid, below <paramref name="maxHz"/>) where 1/|A(e^jω)| has a local maximum.</summary>
    private static List<double> EnvelopePeaks(double[] a, int fs, double maxHz)
    {
        int bins = (int)(maxHz / 2);
        var gain = new double[bins];
        for (int k = 0; k < bins; k++)
        {
            double w = 2 * Math.PI * 2 * k / fs, re = 0, im = 0;
            for (int i = 0; i < a.Length; i++) { re += a[i] * Math.Cos(w * i); im -= a[i] * Math.Sin(w * i); }
            gain[k] = 1 / (re * re + im * im);
        }
        var peaks = new List<double>();
        for (int k = 1; k < bins - 1; k++)
            if (gain[k] > gain[k - 1] && gain[k] >= gain[k + 1] && 2 * k > 150) peaks.Add(2.0 * k);
        return peaks;
    }
}
