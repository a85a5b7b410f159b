namespace MlNetEmotion.Neural.Modules.Recurrent;

/// <summary>One GRU step (<c>torch.nn.GRUCell</c>); equations and gate order as <see cref="GRU"/>.</summary>
/// <param name="input_size">Features of the input.</param>
/// <param name="hidden_size">Features of the hidden state.</param>
/// <param name="bias">Whether to learn biases (default true).</param>
/// <param name="generator">Random source for the init (default generator when null).</param>
public sealed class GRUCell(long input_size, long hidden_size, bool bias = true, Generator? generator = null)
    : RecurrentCellBase("GRUCell", GruLayerKernel.Instance, input_size, hidden_size, bias, generator)
{
    /// <summary>One step: <paramref name="input"/> <c>[B, I]</c>, <paramref name="h"/> <c>[B, H]</c> (zeros when null).</summary>
    /// <returns>The next hidden state.</returns>
    public Tensor forward(Tensor input, Tensor? h = null) => Step(input, h, null).H;

    /// <summary>Calls <see cref="forward"/>.</summary>
    public Tensor call(Tensor input, Tensor? h = null) => forward(input, h);
}
