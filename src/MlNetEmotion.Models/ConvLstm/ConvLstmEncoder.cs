using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary>
/// The stacked convolutional LSTM of paper 001 (Mi et al., ConvLSTM dimensional emotion from face video; SEEDS.md 001
/// step 3): three <see cref="ConvLSTMCell"/> layers with peephole Hadamard terms (eq. 6–10), "same" padding, by default
/// 7×7 kernels and 32 / 16 / 8 filters. Each layer runs over the whole sequence from a zero state; the next layer reads
/// its hidden states H_t.
/// </summary>
/// <remarks>
/// Per layer and frame t (∗ a "same" convolution, ∘ the Hadamard product):
/// <code>
/// i_t = σ(W_xi ∗ X_t + W_hi ∗ H_{t−1} + W_ci ∘ C_{t−1} + b_i)      (6)
/// f_t = σ(W_xf ∗ X_t + W_hf ∗ H_{t−1} + W_cf ∘ C_{t−1} + b_f)      (7)
/// C_t = f_t ∘ C_{t−1} + i_t ∘ tanh(W_xc ∗ X_t + W_hc ∗ H_{t−1} + b_c) (8)
/// o_t = σ(W_xo ∗ X_t + W_ho ∗ H_{t−1} + W_co ∘ C_t + b_o)          (9)
/// H_t = o_t ∘ tanh(C_t)                                             (10)
/// </code>
/// Parameter names follow PyTorch: <c>cells.{layer}.conv.weight</c>, <c>cells.{layer}.weight_ci</c>, …
/// </remarks>
public sealed class ConvLstmEncoder : Module<Tensor, Tensor>
{
    /// <summary>Creates the stack.</summary>
    /// <param name="in_channels">Channels of each input frame (the CNN feature maps).</param>
    /// <param name="height">Height of the feature maps.</param>
    /// <param name="width">Width of the feature maps.</param>
    /// <param name="filters">Hidden channels per layer (paper: 32, 16, 8).</param>
    /// <param name="kernel_size">Square kernel size of every layer (paper: 7).</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public ConvLstmEncoder(long in_channels, long height, long width, long[]? filters = null, long kernel_size = 7,
        Generator? generator = null) : base("ConvLstmEncoder")
    {
        filters ??= [32, 16, 8];
        if (filters.Length == 0) throw new ArgumentException("ConvLstmEncoder: at least one layer is needed.", nameof(filters));
        cells = new ModuleList<ConvLSTMCell>();
        long inputs = in_channels;
        foreach (long hidden in filters)
        {
            cells.append(new ConvLSTMCell(inputs, hidden, kernel_size, height, width, generator: generator));
            inputs = hidden;
        }
        register_module("cells", cells);
        this.filters = (long[])filters.Clone();
    }

    /// <summary>The ConvLSTM layers, first to last.</summary>
    public ModuleList<ConvLSTMCell> cells { get; }

    /// <summary>Hidden channels per layer.</summary>
    public IReadOnlyList<long> filters { get; }

    /// <summary>Channels of the output, the last layer's filter count.</summary>
    public long out_channels => filters[^1];

    /// <summary>Runs the stack.</summary>
    /// <param name="input">Frames <c>[B, T, in_channels, height, width]</c>.</param>
    /// <returns>The last layer's hidden states <c>[B, T, filters[^1], height, width]</c>.</returns>
    public override Tensor forward(Tensor input)
    {
        if (input.ndim != 5)
            throw new ShapeMismatchException("ConvLstmEncoder", input.shape, [-1, -1, cells[0].in_channels, cells[0].height, cells[0].width],
                "input must be [batch, time, channels, height, width]");
        long steps = input.size(1);
        var sequence = new List<Tensor>((int)steps);
        for (long t = 0; t < steps; t++) sequence.Add(input.select(1, t));
        foreach (var cell in cells)
        {
            var outputs = new List<Tensor>(sequence.Count);
            (Tensor h, Tensor c)? state = null;
            foreach (var x in sequence)
            {
                state = cell.forward(x, state);
                outputs.Add(state.Value.h);
            }
            sequence = outputs;
        }
        return torch.stack(sequence, 1);
    }
}
