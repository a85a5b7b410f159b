namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// Multi-layer GRU (<c>torch.nn.GRU</c>, unidirectional): per step
/// <c>r = σ(W_ir x + b_ir + W_hr h + b_hr)</c>, <c>z = σ(…)</c>, <c>n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))</c>,
/// <c>h' = (1 − z) ⊙ n + z ⊙ h</c>; gate blocks stacked r, z, n in the weights.
/// </summary>
/// <param name="input_size">Features of the input.</param>
/// <param name="hidden_size">Features of the hidden state.</param>
/// <param name="num_layers">Stacked layers (default 1).</param>
/// <param name="bias">Whether to learn biases (default true).</param>
/// <param name="batch_first">Input <c>[B, T, I]</c> when true, <c>[T, B, I]</c> when false (default false, as PyTorch).</param>
/// <param name="dropout">Dropout on the outputs of every layer but the last, in training mode (default 0).</param>
/// <param name="generator">Random source for the init and the dropout masks (default generator when null).</param>
public sealed class GRU(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
    double dropout = 0, Generator? generator = null)
    : RecurrentBase("GRU", GruLayerKernel.Instance, input_size, hidden_size, num_layers, bias, batch_first, dropout, generator)
{
    /// <summary>Runs the stack from the initial hidden state <paramref name="h0"/> <c>[L, B, H]</c> (zeros when null).</summary>
    /// <returns>Outputs of the last layer at every step, and the final hidden state of every layer <c>[L, B, H]</c>.</returns>
    public (Tensor output, Tensor h_n) forward(Tensor input, Tensor? h0 = null)
    {
        var (output, hn, _) = Run(input, h0, null);
        return (output, hn);
    }

    /// <summary>Calls <see cref="forward"/> (PyTorch's <c>gru(x, h0)</c>).</summary>
    public (Tensor output, Tensor h_n) call(Tensor input, Tensor? h0 = null) => forward(input, h0);
}
