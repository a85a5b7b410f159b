using System.Globalization;
using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Benchmarks.Neural;

/// <summary>Our SGEMM against numpy's (OpenBLAS) on the square 1024³ product and on one LSTM step's
/// recurrent product (batch 12, hidden 256, 4 gates: 12×1024×256 with B transposed).</summary>
public sealed class SgemmBenchmark : BenchmarkCase
{
    private static readonly (bool TransA, bool TransB, int M, int N, int K)[] Shapes =
        [(false, false, 1024, 1024, 1024), (false, true, 12, 1024, 256)];

    /// <inheritdoc />
    public override string Name => "neural.sgemm";

    /// <inheritdoc />
    public override string Description => "SGEMM GFLOP/s, ours vs numpy/OpenBLAS (1024^3 and the LSTM step shape 12x1024x256)";

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        var reference = PythonReference.Run("neural_sgemm.py", threads);
        Threading.NumThreads = threads;
        var rng = new Random(1);
        foreach (var (transA, transB, m, n, k) in Shapes)
        {
            var a = new float[m * k];
            var b = new float[k * n];
            var c = new float[m * n];
            for (int i = 0; i < a.Length; i++) a[i] = rng.NextSingle();
            for (int i = 0; i < b.Length; i++) b[i] = rng.NextSingle();
            int lda = transA ? m : k, ldb = transB ? k : n;
            double flops = 2.0 * m * n * k;
            int reps = Math.Max(1, (int)(4e8 / flops));
            double ms = Timing.MedianMs(() =>
            {
                for (int r = 0; r < reps; r++) Gemm.Sgemm(transA, transB, m, n, k, 1, a, lda, b, ldb, 0, c, n);
            }) / reps;
            string name = string.Create(CultureInfo.InvariantCulture, $"sgemm_{(transA ? 'T' : 'N')}{(transB ? 'T' : 'N')}_{m}x{n}x{k}");
            double? refMs = reference.TryGetValue(name, out double r0) ? r0 : null;
            string note = string.Create(CultureInfo.InvariantCulture,
                $"ours {flops / ms / 1e6:F1} GFLOP/s, numpy {(refMs is double x ? (flops / x / 1e6).ToString("F1", CultureInfo.InvariantCulture) : "n/a")} GFLOP/s, {Gemm.Implementation}");
            yield return new BenchmarkResult($"neural.{name}", threads, refMs, ms, note);
        }
    }
}
