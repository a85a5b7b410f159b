namespace MlNetEmotion.Neural;

public static partial class torch
{
    /// <summary>Probability distributions named like <c>torch.distributions</c>.</summary>
    public static class distributions
    {
        /// <summary>New <see cref="Distributions.Normal"/> with mean <paramref name="loc"/> and standard deviation <paramref name="scale"/>.</summary>
        public static Distributions.Normal Normal(Tensor loc, Tensor scale) => new(loc, scale);
    }
}
