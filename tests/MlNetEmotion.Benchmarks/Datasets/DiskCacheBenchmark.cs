using System.Diagnostics;
using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Data;
using MlNetEmotion.Datasets.Caching;
using MlNetEmotion.Signals.Filters;
using MlNetEmotion.Signals.Spectral;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Benchmarks.Datasets;

/// <summary>A cached chain run twice: the first run computes and writes (cold cache), the second reads every row
/// back. The expensive step is DEAP-like: per trial 32 channels × 60 s × 128 Hz, 4–45 Hz zero-phase band-pass and
/// Welch band powers. "reference" is the cold run, "ours" the warm one, so the ratio is the cache speed-up.</summary>
public sealed class DiskCacheBenchmark : BenchmarkCase
{
    private const int Trials = 40, Channels = 32, Samples = 60 * 128;

    /// <inheritdoc />
    public override string Name => "datasets.disk-cache";

    /// <inheritdoc />
    public override string Description => "second run of a disk-cached band-power chain vs the first (40 DEAP-sized trials)";

    /// <summary>Input row: which synthetic trial.</summary>
    public sealed class Trial
    {
        /// <summary>Trial id (seeds the synthetic signal).</summary>
        public int Id { get; set; }
    }

    /// <summary>Output row: log band powers.</summary>
    public sealed class Bands
    {
        /// <summary>32 channels × 4 bands.</summary>
        [VectorType(Channels * 4)]
        public float[] Power { get; set; } = [];
    }

    private static void BandPowers(Trial t, Bands b)
    {
        var random = new Random(t.Id);
        var sos = Butterworth.BandPass(4, 4, 45, 128);
        var channels = Enumerable.Range(0, Channels).Select(_ => Enumerable.Range(0, Samples).Select(__ => random.NextDouble() - 0.5).ToArray()).ToArray();
        var filtered = SosFilter.SosFiltFilt(sos, channels, maxDegreeOfParallelism: 1);
        var (f, power) = Welch.Estimate(filtered, 128, maxDegreeOfParallelism: 1);
        (double, double)[] bands = [(4, 8), (8, 13), (13, 30), (30, 45)];
        b.Power = power.SelectMany(p => bands.Select(band => (float)Math.Log(BandPower.Integrate(f, p, band.Item1, band.Item2)))).ToArray();
    }

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        if (threads != 1) yield break;   // the chain is single-threaded; one line is enough
        string directory = Path.Combine(Path.GetTempPath(), $"mlnemo-cache-bench-{Guid.NewGuid():N}");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, Trials).Select(i => new Trial { Id = i }).ToList());
        var step = ml.Data.DiskCache(ml.Transforms.CustomMapping<Trial, Bands>(BandPowers, "bench-band-power"), new DiskCacheOptions { Directory = directory });
        double RunOnce()
        {
            var start = Stopwatch.GetTimestamp();
            _ = step.Fit(data).Transform(data).GetColumn<float[]>("Power").Count();
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        double cold = RunOnce();
        double warm = Timing.MedianMs(() => RunOnce(), warmup: 1, iterations: 5);
        var info = DiskCacheInfo.Of(directory);
        Directory.Delete(directory, true);
        yield return new BenchmarkResult("datasets.disk-cache 40 trials", 1, cold, warm, $"cache {info.Entries} entries, {info.Bytes / 1024.0:F0} KiB");
    }
}
