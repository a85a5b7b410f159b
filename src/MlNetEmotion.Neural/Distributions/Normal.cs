namespace MlNetEmotion.Neural.Distributions;

/// <summary>
/// Normal (Gaussian) distribution with mean <see cref="loc"/> and standard deviation <see cref="scale"/>, like
/// <c>torch.distributions.Normal</c>: <see cref="log_prob"/> is recorded for autograd (the score of a Gaussian policy),
/// <see cref="sample"/> draws without a graph. <see cref="loc"/> and <see cref="scale"/> broadcast NumPy-style.
/// </summary>
public sealed class Normal
{
    private static readonly float HalfLogTwoPi = (float)(0.5 * Math.Log(2 * Math.PI));

    /// <summary>Creates the distribution.</summary>
    /// <param name="loc">Mean.</param>
    /// <param name="scale">Standard deviation (positive).</param>
    public Normal(Tensor loc, Tensor scale)
    {
        ArgumentNullException.ThrowIfNull(loc);
        ArgumentNullException.ThrowIfNull(scale);
        this.loc = loc;
        this.scale = scale;
    }

    /// <summary>Mean.</summary>
    public Tensor loc { get; }

    /// <summary>Standard deviation.</summary>
    public Tensor scale { get; }

    /// <summary>
    /// log N(value; loc, scale²) = −(value − loc)² / (2 scale²) − log scale − ½ log 2π, element-wise, with gradients
    /// for <paramref name="value"/>, <see cref="loc"/> and <see cref="scale"/>.
    /// </summary>
    public Tensor log_prob(Tensor value)
    {
        var z = (value - loc) / scale;
        return z.square() * -0.5f - scale.log() - HalfLogTwoPi;
    }

    /// <summary>Entropy ½ + ½ log 2π + log scale, element-wise.</summary>
    public Tensor entropy() => scale.log() + (0.5f + HalfLogTwoPi);

    /// <summary>Draws loc + scale·ε with ε standard normal from <paramref name="generator"/> (default generator when null),
    /// outside the graph (like PyTorch's <c>sample()</c>, which runs under no_grad).</summary>
    public Tensor sample(Generator? generator = null)
    {
        using var _ = torch.no_grad();
        var mean = loc.detach() + scale.detach().mul(0f);
        return mean + scale.detach() * torch.randn(mean.shape, generator);
    }
}
