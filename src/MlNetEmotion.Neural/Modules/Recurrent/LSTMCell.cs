namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>One LSTM step (<c>torch.nn.LSTMCell</c>); equations and gate order as <see cref="LSTM"/>.</summary>
/// <param name="input_size">Features of the input.</param>
/// <param name="hidden_size">Features of the hidden and cell state.</param>
/// <param name="bias">Whether to learn biases (default true).</param>
/// <param name="generator">Random source for the init (default generator when null).</param>
public sealed class LSTMCell(long input_size, long hidden_size, bool bias = true, Generator? generator = null)
    : RecurrentCellBase("LSTMCell", LstmLayerKernel.Instance, input_size, hidden_size, bias, generator)
{
    /// <summary>One step: <paramref name="input"/> <c>[B, I]</c>, state <c>(h, c)</c> each <c>[B, H]</c> (zeros when null).</summary>
    /// <returns>The next hidden and cell state.</returns>
    public (Tensor h, Tensor c) forward(Tensor input, (Tensor h, Tensor c)? state = null)
    {
        var (h, c) = Step(input, state?.h, state?.c);
        return (h, c!);
    }

    /// <summary>Calls <see cref="forward"/>.</summary>
    public (Tensor h, Tensor c) call(Tensor input, (Tensor h, Tensor c)? state = null) => forward(input, state);
}
