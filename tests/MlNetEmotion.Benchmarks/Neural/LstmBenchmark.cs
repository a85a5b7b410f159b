using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Benchmarks.Neural;

/// <summary>2-layer LSTM, input 256, hidden 256, batch 12, 30 steps: forward + MSE + backward + Adam step
/// (reference: <c>References/neural_lstm.py</c>).</summary>
public sealed class LstmBenchmark : NeuralStepBenchmark
{
    /// <inheritdoc />
    public override string Name => "neural.lstm";

    /// <inheritdoc />
    public override string Description => "LSTM 2x256, in 256, batch 12, 30 steps: fwd+bwd+Adam";

    /// <inheritdoc />
    protected override string Script => "neural_lstm.py";

    /// <inheritdoc />
    protected override string ReferenceName => "lstm_step";

    /// <summary>Enough warm-up steps for tiered JIT compilation to settle (a step is only ~0.1 s).</summary>
    protected override int Warmup => 10;

    /// <inheritdoc />
    protected override int Iterations => 11;

    /// <inheritdoc />
    protected override Action CreateStep()
    {
        var model = new LSTM(256, 256, num_layers: 2, batch_first: true);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
        var x = torch.randn(12, 30, 256);
        var target = torch.randn(12, 30, 256);
        return () =>
        {
            optimizer.zero_grad();
            var (output, _, _) = model.forward(x);
            torch.nn.functional.mse_loss(output, target).backward();
            optimizer.step();
        };
    }
}
