namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>
/// Multi-layer LSTM (<c>torch.nn.LSTM</c>, unidirectional): per step
/// <c>i = σ(W_ii x + b_ii + W_hi h + b_hi)</c>, <c>f = σ(…)</c>, <c>g = tanh(…)</c>, <c>o = σ(…)</c>,
/// <c>c' = f ⊙ c + i ⊙ g</c>, <c>h' = o ⊙ tanh(c')</c>; gate blocks stacked i, f, g, o in the weights.
/// </summary>
/// <param name="input_size">Features of the input.</param>
/// <param name="hidden_size">Features of the hidden and cell state.</param>
/// <param name="num_layers">Stacked layers (default 1).</param>
/// <param name="bias">Whether to learn biases (default true).</param>
/// <param name="batch_first">Input <c>[B, T, I]</c> when true, <c>[T, B, I]</c> when false (default false, as PyTorch).</param>
/// <param name="dropout">Dropout on the outputs of every layer but the last, in training mode (default 0).</param>
/// <param name="generator">Random source for the init and the dropout masks (default generator when null).</param>
public sealed class LSTM(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
    double dropout = 0, Generator? generator = null)
    : RecurrentBase("LSTM", LstmLayerKernel.Instance, input_size, hidden_size, num_layers, bias, batch_first, dropout, generator)
{
    /// <summary>Runs the stack from zero initial states.</summary>
    /// <returns>Outputs of the last layer at every step, and the final hidden and cell state of every layer <c>[L, B, H]</c>.</returns>
    public (Tensor output, Tensor h_n, Tensor c_n) forward(Tensor input) => forward(input, null);

    /// <summary>Runs the stack from the given initial states <c>(h0, c0)</c>, each <c>[L, B, H]</c> (zeros when null).</summary>
    /// <returns>Outputs of the last layer at every step, and the final hidden and cell state of every layer <c>[L, B, H]</c>.</returns>
    public (Tensor output, Tensor h_n, Tensor c_n) forward(Tensor input, (Tensor h0, Tensor c0)? state)
    {
        var (output, hn, cn) = Run(input, state?.h0, state?.c0);
        return (output, hn, cn!);
    }

    /// <summary>Calls <see cref="forward(Tensor, ValueTuple{Tensor, Tensor}?)"/> (PyTorch's <c>lstm(x, (h0, c0))</c>).</summary>
    public (Tensor output, Tensor h_n, Tensor c_n) call(Tensor input, (Tensor h0, Tensor c0)? state = null) => forward(input, state);
}
