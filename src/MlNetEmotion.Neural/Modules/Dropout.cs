namespace MlNetEmotion.Neural.Modules;

/// <summary>Inverted dropout in training mode, identity in eval mode (<c>torch.nn.Dropout</c>).</summary>
/// <param name="p">Probability of zeroing an element.</param>
/// <param name="generator">Random source for the masks (default generator when null).</param>
public sealed class Dropout(double p = 0.5, Generator? generator = null) : Module<Tensor, Tensor>("Dropout")
{
    /// <summary>Probability of zeroing an element.</summary>
    public double p { get; } = p >= 0 && p <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout: p must be in [0, 1].");

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => torch.nn.functional.dropout(input, p, training, generator);

    /// <inheritdoc/>
    public override string ToString() => $"Dropout(p={p})";
}
