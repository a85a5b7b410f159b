using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Benchmarks.Neural;

/// <summary>3 stacked ConvLSTM cells (32/16/8 filters, 7×7, peepholes) over 10 steps of 64×14×14 inputs, batch 4:
/// forward + MSE of the last layer's outputs + backward (reference: <c>References/neural_convlstm.py</c>).</summary>
public sealed class ConvLstmBenchmark : NeuralStepBenchmark
{
    private const int Batch = 4, Steps = 10, Channels = 64, Size = 14, Kernel = 7;
    private static readonly int[] Filters = [32, 16, 8];

    /// <inheritdoc />
    public override string Name => "neural.convlstm";

    /// <inheritdoc />
    public override string Description => "ConvLSTM 3 layers 32/16/8 7x7 over 64x14x14, batch 4, 10 steps: fwd+bwd";

    /// <inheritdoc />
    protected override string Script => "neural_convlstm.py";

    /// <inheritdoc />
    protected override string ReferenceName => "convlstm_step";

    /// <inheritdoc />
    protected override int Warmup => 5;

    /// <inheritdoc />
    protected override int Iterations => 5;

    /// <inheritdoc />
    protected override Action CreateStep()
    {
        var cells = new List<ConvLSTMCell>();
        long inputs = Channels;
        foreach (int hidden in Filters)
        {
            cells.Add(new ConvLSTMCell(inputs, hidden, Kernel, Size, Size));
            inputs = hidden;
        }
        var x = Enumerable.Range(0, Steps).Select(_ => torch.randn(Batch, Channels, Size, Size)).ToList();
        var target = torch.randn(Batch, Steps, Filters[^1], Size, Size);
        return () =>
        {
            foreach (var cell in cells) cell.zero_grad();
            IReadOnlyList<Tensor> sequence = x;
            foreach (var cell in cells)
            {
                var outputs = new List<Tensor>(Steps);
                (Tensor h, Tensor c)? state = null;
                foreach (var input in sequence)
                {
                    state = cell.forward(input, state);
                    outputs.Add(state.Value.h);
                }
                sequence = outputs;
            }
            torch.nn.functional.mse_loss(torch.stack(sequence, 1), target).backward();
        };
    }
}
