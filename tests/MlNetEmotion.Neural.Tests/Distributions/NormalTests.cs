
namespace MlNetEmotion.Neural.Tests.Distributions;

/// <summary>torch.distributions.Normal: log-density against the closed form, gradients against finite differences,
/// sampling moments and reproducibility.</summary>
public sealed class NormalTests
{
    [Fact]
    public void Log_prob_matches_the_closed_form()
    {
        float[] loc = [0.3f, -1.2f, 2f], scale = [0.5f, 1.5f, 0.1f], value = [0.1f, 0.4f, 2.05f];
        var lp = torch.distributions.Normal(torch.tensor(loc, 3), torch.tensor(scale, 3)).log_prob(torch.tensor(value, 3)).ToArray();
        for (int i = 0; i < 3; i++)
        {
            double z = (value[i] - loc[i]) / (double)scale[i];
            double expected = -0.5 * z * z - Math.Log(scale[i]) - 0.5 * Math.Log(2 * Math.PI);
            Assert.True(Math.Abs(lp[i] - expected) <= 1e-5 * (1 + Math.Abs(expected)), $"{i}: {lp[i]} vs {expected}");
        }
    }

    [Fact]
    public void Log_prob_gradients_match_finite_differences()
    {
        var loc = torch.randn([2, 3], new Generator(1)).requires_grad_();
        var logScale = (torch.randn([1, 3], new Generator(2)) * 0.3f).requires_grad_();
        var value = torch.randn([2, 3], new Generator(3)).requires_grad_();
        Parity.GradCheck.Check(() => [torch.distributions.Normal(loc, logScale.exp()).log_prob(value)],
            [("loc", loc), ("log_scale", logScale), ("value", value)], eps: 1e-2f);
    }

    [Fact]
    public void Entropy_matches_the_closed_form()
    {
        var h = torch.distributions.Normal(torch.zeros(1), torch.tensor(new[] { 2f }, 1)).entropy().item();
        Assert.Equal(0.5 + 0.5 * Math.Log(2 * Math.PI) + Math.Log(2), h, 5);
    }

    [Fact]
    public void Samples_have_the_distribution_moments_and_repeat_with_the_seed()
    {
        var d = torch.distributions.Normal(torch.full([20000], 1.5f), torch.tensor(new[] { 0.5f }, 1));
        var a = d.sample(new Generator(7)).ToArray();
        double mean = a.Average(), sd = Math.Sqrt(a.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, 1.5 - 4 * 0.5 / Math.Sqrt(a.Length), 1.5 + 4 * 0.5 / Math.Sqrt(a.Length));
        Assert.InRange(sd, 0.49, 0.51);
        Assert.Equal(a, d.sample(new Generator(7)).ToArray());
        Assert.False(d.sample(new Generator(7)).requires_grad);
    }
}
