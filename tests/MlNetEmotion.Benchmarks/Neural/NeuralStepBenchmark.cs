using MlNetEmotion.Benchmarks.Harness;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Benchmarks.Neural;

/// <summary>A training-step case: one reference script timing the same model in PyTorch 1.13 and our step,
/// both with the same thread count, median over several runs after warm-up.</summary>
public abstract class NeuralStepBenchmark : BenchmarkCase
{
    /// <summary>Reference script in <c>References/</c>.</summary>
    protected abstract string Script { get; }

    /// <summary>Name of the line the script prints.</summary>
    protected abstract string ReferenceName { get; }

    /// <summary>Timed runs (median reported).</summary>
    protected virtual int Iterations => 7;

    /// <summary>Untimed warm-up runs.</summary>
    protected virtual int Warmup => 2;

    /// <summary>Builds the model and data (seeded) and returns one timed step.</summary>
    protected abstract Action CreateStep();

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        var reference = PythonReference.Run(Script, threads);
        torch.set_num_threads(threads);
        torch.manual_seed(0);
        var step = CreateStep();
        double ms = Timing.MedianMs(step, Warmup, Iterations);
        double? refMs = reference.TryGetValue(ReferenceName, out double r) ? r : null;
        yield return new BenchmarkResult(Name, threads, refMs, ms, Description);
    }
}
