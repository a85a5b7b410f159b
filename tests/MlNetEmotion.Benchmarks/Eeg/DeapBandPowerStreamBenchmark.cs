using System.Diagnostics;
using System.Globalization;
using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Eeg.Features;
using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Topography;
using MlNetEmotion.Signals.Filters;

namespace MlNetEmotion.Benchmarks.Eeg;

/// <summary>
/// DEAP-sized synthetic streaming run: 32 subjects × 40 trials × 60 s × 32 channels at 128 Hz, each trial
/// synthesised on the fly, band-passed 4–45 Hz (zero-phase order-4 Butterworth) and turned into theta/alpha/beta
/// band powers in 1/8 s windows (8 fps, filter-bank method), each drawn as a 32×32 Clough–Tocher topomap on the Biosemi-32
/// montage = 614,400 frames × 3 band images. Trials run on <c>threads</c> workers, each holding one trial at a time
/// (bounded memory). The SciPy reference (References/eeg_bandpower_stream.py) times the same chain on a few trials; its
/// full-run figure is extrapolated.
/// </summary>
public sealed class DeapBandPowerStreamBenchmark : BenchmarkCase
{
    private const double Fs = 128;
    private const int Channels = 32;
    private const int Samples = 60 * 128;
    private const int Trials = 32 * 40;

    /// <inheritdoc />
    public override string Name => "eeg.deap_bandpower_stream";

    /// <inheritdoc />
    public override string Description => "1,280 synthetic DEAP trials: band-pass + theta/alpha/beta 32x32 topomaps at 8 fps, streamed";

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        var reference = PythonReference.Run("eeg_bandpower_stream.py", threads, "2");
        double? referencePerTrial = reference.TryGetValue("per_trial", out double r) ? r : null;

        // Per trial, best of 10 (the build machine is shared, so the minimum is the stable statistic).
        double perTrial = double.MaxValue;
        for (int i = 0; i < 12; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            RunTrials(1, 1, firstTrial: i);
            if (i >= 2) perTrial = Math.Min(perTrial, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        yield return new BenchmarkResult("eeg.deap_bandpower_stream.per_trial", 1, referencePerTrial, perTrial,
            string.Create(CultureInfo.InvariantCulture, $"one trial on one thread: synthesis, band-pass, 3-band filter bank, 480 x 3 topomaps; x{Trials} = {perTrial * Trials / 1000:F1} s"));

        long start = Stopwatch.GetTimestamp();
        double checksum = RunTrials(threads, Trials);
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        yield return new BenchmarkResult("eeg.deap_bandpower_stream.full_run", threads, referencePerTrial * Trials, ms,
            string.Create(CultureInfo.InvariantCulture,
                $"{Trials * 480 / (ms / 1000):F0} frames/s ({Trials * 480 * 3 / (ms / 1000):F0} images/s), peak working set {peak / 1048576} MiB, reference extrapolated from 2 trials, checksum {checksum:G6}"));
    }

    /// <summary>The map generator, built once (montage, triangulation and interpolation matrix) and shared by the trials.</summary>
    private static readonly Lazy<BandTopomaps> Topomaps = new(() => new BandTopomaps(new BandTopomapOptions
    {
        Montage = "biosemi32", FrameRate = 8, Method = BandPowerMethod.FilterBank, MaxDegreeOfParallelism = 1,
    }));

    /// <summary>Processes <paramref name="trials"/> trials; returns the sum of all map pixels (summed in trial order).</summary>
    private static double RunTrials(int threads, int trials, int firstTrial = 0)
    {
        var bandPass = Butterworth.BandPass(4, 4, 45, Fs);
        var topomaps = Topomaps.Value;
        var sums = new double[trials];
        Parallel.For(0, trials, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => Enumerable.Range(0, Channels).Select(_ => new double[Samples]).ToArray(),
            (trial, _, buffers) =>
            {
                Synthesise(firstTrial + trial, buffers);
                var filtered = SosFilter.SosFiltFilt(bandPass, buffers, maxDegreeOfParallelism: 1);
                var (maps, _) = topomaps.Compute(DeapChannels.Names, filtered, Fs);
                double sum = 0;
                foreach (float v in maps) sum += v;
                sums[trial] = sum;
                return buffers;
            },
            _ => { });
        return sums.Sum();
    }

    /// <summary>Two sinusoids (from per-trial tables) plus uniform noise from a per-trial, per-channel xorshift generator.</summary>
    private static void Synthesise(int trial, double[][] buffers)
    {
        double f1 = 6 + trial % 5;
        var tone = new double[Samples];
        for (int i = 0; i < Samples; i++)
            tone[i] = 10 * Math.Sin(2 * Math.PI * f1 * i / Fs) + 5 * Math.Sin(2 * Math.PI * 10.5 * i / Fs);
        for (int c = 0; c < Channels; c++)
        {
            ulong state = (ulong)(trial * 1000 + c) * 0x9E3779B97F4A7C15UL + 1;
            var x = buffers[c];
            for (int i = 0; i < x.Length; i++)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                x[i] = tone[i] + ((state >> 11) * (1.0 / (1UL << 53)) - 0.5) * 14;
            }
        }
    }
}
