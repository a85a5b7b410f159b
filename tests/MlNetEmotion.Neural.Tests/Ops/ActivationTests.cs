using MlNetEmotion.Neural;

namespace MlNetEmotion.Neural.Tests.Ops;

/// <summary>Forward values from PyTorch 1.13 (References/layers_schedules.py); tolerance 1e-5 relative.</summary>
public class ActivationTests
{
    [Fact]
    public void GeluIsTheExactErfForm() =>
        Approx.Equal([-0.004049867, -0.158655286, -0.046017211, 0.0, 0.345731199, 1.95449996],
            torch.tensor([-3.0f, -1.0f, -0.1f, 0.0f, 0.5f, 2.0f]).gelu().ToArray());

    [Fact]
    public void GeluTanhApproximationMatchesPyTorch()
    {
        Approx.Equal([-0.003637433, -0.158807993, -0.046017248, 0.0, 0.345714003, 1.954597712],
            torch.nn.GELU("tanh").forward(torch.tensor([-3.0f, -1.0f, -0.1f, 0.0f, 0.5f, 2.0f])).ToArray());
        Assert.Throws<ArgumentException>(() => torch.nn.GELU("fast"));
    }

    [Fact]
    public void ParameterIsALeafSharingStorage()
    {
        var data = torch.ones(2, 2);
        var p = torch.nn.Parameter(data);
        Assert.True(p.requires_grad);
        Assert.True(p.is_leaf);
        p.AsSpan()[0] = 5f;
        Assert.Equal(5f, data[0, 0]);
    }

    [Fact]
    public void EluAndSeluMatchPyTorch()
    {
        var x = torch.tensor([-3.0f, -1.0f, 0.5f]);
        Approx.Equal([-0.950212955, -0.63212055, 0.5], x.elu().ToArray());
        Approx.Equal([-1.670568705, -1.111330748, 0.525350511], x.selu().ToArray());
    }

    [Fact]
    public void ActivationGradients()
    {
        GradCheck.Check(t => t[0].gelu(), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].gelu_tanh(), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].elu(0.7f), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].selu(), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].leaky_relu(0.1f), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].silu(), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].softplus(), GradCheck.Randn(1, 3, 4));
    }
}
