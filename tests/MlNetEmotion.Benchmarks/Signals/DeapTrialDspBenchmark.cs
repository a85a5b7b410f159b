using System.Diagnostics;
using System.Globalization;
using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Signals.Filters;
using MlNetEmotion.Signals.Resampling;
using MlNetEmotion.Signals.Spectral;
using MlNetEmotion.Signals.Wavelets;

namespace MlNetEmotion.Benchmarks.Signals;

/// <summary>
/// Per-trial cost of the EEG DSP chain on one DEAP-sized trial (32 channels × 60 s × 128 Hz), ours against
/// SciPy/PyWavelets (References/signals_deap_trial.py): zero-phase band-pass, notch, Welch PSD, wavelet denoising,
/// 2× polyphase resampling. Both sides report the best of 15 runs (the build machine is shared, so the minimum is
/// the stable statistic); ours spreads channels over <c>threads</c> workers, SciPy is single-threaded.
/// </summary>
public sealed class DeapTrialDspBenchmark : BenchmarkCase
{
    private const double Fs = 128;
    private const int Channels = 32;
    private const int Samples = 60 * 128;
    private const int Trials = 1280;

    /// <inheritdoc />
    public override string Name => "signals.deap_trial";

    /// <inheritdoc />
    public override string Description => "DSP per DEAP trial (32 ch x 7680 samples): sosfiltfilt, notch filtfilt, Welch, wavelet denoise, resample_poly";

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        var reference = PythonReference.Run("signals_deap_trial.py", threads);
        var rng = new Random(7);
        double[][] x = Enumerable.Range(0, Channels)
            .Select(_ => Enumerable.Range(0, Samples).Select(_ => 20 * (rng.NextDouble() + rng.NextDouble() - 1)).ToArray())
            .ToArray();
        SecondOrderSections bandPass = Butterworth.BandPass(4, 4, 45, Fs);
        TransferFunction notch = IirNotch.Design(50, 30, Fs);
        var resampler = new PolyphaseResampler(2, 1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        void PerChannel(Action<double[]> action) => Parallel.For(0, Channels, parallel, c => action(x[c]));
        var cases = new (string Name, string Reference, Action Trial)[]
        {
            ("bandpass_sosfiltfilt", "bandpass_sosfiltfilt", () => PerChannel(ch => SosFilter.SosFiltFilt(bandPass, ch))),
            ("bandpass_sosfiltfilt_batched", "bandpass_sosfiltfilt", () => SosFilter.SosFiltFilt(bandPass, x, maxDegreeOfParallelism: threads)),
            ("notch_filtfilt", "notch_filtfilt", () => PerChannel(ch => TransferFunctionFilter.FiltFilt(notch, ch))),
            ("welch", "welch", () => Welch.Estimate(x, Fs, maxDegreeOfParallelism: threads)),
            ("wavelet_denoise", "wavelet_denoise", () => PerChannel(ch => WaveletDenoiser.Denoise(ch))),
            ("resample_poly_2_1", "resample_poly_2_1", () => PerChannel(ch => resampler.Resample(ch))),
        };
        foreach ((string name, string referenceName, Action trial) in cases)
        {
            double ms = BestMs(trial);
            double? refMs = reference.TryGetValue(referenceName, out double r) ? r : null;
            yield return new BenchmarkResult($"signals.deap_trial.{name}", threads, refMs, ms,
                string.Create(CultureInfo.InvariantCulture, $"{ms * Trials / 1000:F1} s for {Trials} trials"));
        }
    }

    private static double BestMs(Action action)
    {
        action();
        action();
        double best = double.MaxValue;
        for (int i = 0; i < 15; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return best;
    }
}
