using MlNetEmotion.Neural;

namespace MlNetEmotion.Neural.Tests.Ops;

public class ElementwiseGradTests
{
    [Theory]
    [InlineData(new long[] { 3, 4 }, new long[] { 3, 4 })]
    [InlineData(new long[] { 2, 3, 4 }, new long[] { 4 })]
    [InlineData(new long[] { 2, 1, 4 }, new long[] { 3, 1 })]
    [InlineData(new long[] { 1 }, new long[] { 2, 3 })]
    public void BinaryOpsGradientsMatchFiniteDifferences(long[] sa, long[] sb)
    {
        GradCheck.Check(t => t[0] + t[1], GradCheck.Randn(1, sa), GradCheck.Randn(2, sb));
        GradCheck.Check(t => t[0] - t[1], GradCheck.Randn(1, sa), GradCheck.Randn(2, sb));
        GradCheck.Check(t => t[0] * t[1], GradCheck.Randn(1, sa), GradCheck.Randn(2, sb));
        GradCheck.Check(t => t[0] / t[1], GradCheck.Randn(1, sa), GradCheck.Uniform(2, 0.5, 2, sb));
        GradCheck.Check(t => t[0].maximum(t[1]), GradCheck.Randn(1, sa), GradCheck.Randn(2, sb));
        GradCheck.Check(t => t[0].minimum(t[1]), GradCheck.Randn(1, sa), GradCheck.Randn(2, sb));
        GradCheck.Check(t => t[0].pow(t[1]), GradCheck.Uniform(1, 0.5, 2, sa), GradCheck.Randn(2, sb));
    }

    [Fact]
    public void ScalarOpsGradients()
    {
        GradCheck.Check(t => t[0] * 3f + 2f, GradCheck.Randn(3, 2, 5));
        GradCheck.Check(t => 1.5f - t[0] / 4f, GradCheck.Randn(3, 2, 5));
        GradCheck.Check(t => 2f / t[0], GradCheck.Uniform(3, 0.5, 2, 2, 5));
        GradCheck.Check(t => -t[0], GradCheck.Randn(3, 7));
    }

    [Fact]
    public void UnaryOpsGradients()
    {
        GradCheck.Check(t => t[0].exp(), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].log(), GradCheck.Uniform(4, 0.5, 3, 3, 4));
        GradCheck.Check(t => t[0].sqrt(), GradCheck.Uniform(4, 0.5, 3, 3, 4));
        GradCheck.Check(t => t[0].pow(3f), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].pow(2f), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].pow(-1.5f), GradCheck.Uniform(4, 0.5, 2, 3, 4));
        GradCheck.Check(t => t[0].reciprocal(), GradCheck.Uniform(4, 0.5, 2, 3, 4));
        GradCheck.Check(t => t[0].clamp(-0.5f, 0.7f), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].abs(), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].relu(), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].tanh(), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].sigmoid(), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].sin(), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].cos(), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].square(), GradCheck.Randn(4, 3, 4));
        GradCheck.Check(t => t[0].norm(), GradCheck.Randn(4, 3, 4));
    }

    [Fact]
    public void ForwardValuesMatchMath()
    {
        var x = torch.tensor([-2f, -0.5f, 0f, 1f, 3f]);
        Assert.Equal([0f, 0f, 0f, 1f, 3f], x.relu().ToArray());
        Assert.Equal([-1f, -0.5f, 0f, 1f, 1f], x.clamp(-1f, 1f).ToArray());
        var s = x.sigmoid().ToArray();
        for (int i = 0; i < 5; i++) Assert.Equal(1 / (1 + Math.Exp(-x[i])), s[i], 6);
        var e = x.exp().ToArray();
        for (int i = 0; i < 5; i++) Assert.Equal(Math.Exp(x[i]), e[i], 1e-5 * Math.Exp(x[i]));
    }

    [Fact]
    public void NonFiniteMasks()
    {
        var x = torch.tensor([1f, float.NaN, float.PositiveInfinity, -2f]);
        Assert.Equal([0f, 1f, 0f, 0f], x.isnan().ToArray());
        Assert.Equal([1f, 0f, 0f, 1f], x.isfinite().ToArray());
        Assert.False(x.all_finite());
        Assert.True(torch.ones(3).all_finite());
    }

    [Fact]
    public void BroadcastForwardMatchesLoops()
    {
        var a = torch.randn([2, 1, 4], new Generator(5));
        var b = torch.randn([3, 1], new Generator(6));
        var y = a * b;
        Assert.Equal(new long[] { 2, 3, 4 }, y.shape);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++)
                    Assert.Equal(a[i, 0, k] * b[j, 0], y[i, j, k]);
    }

    [Fact]
    public void IncompatibleShapesThrowNamingOpAndShapes()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => torch.zeros(2, 3) + torch.zeros(4));
        Assert.Contains("add", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[4]", ex.Message);
    }

    [Fact]
    public void LargeTensorsGiveSameResultForAnyThreadCount()
    {
        var a = torch.randn([300, 700], new Generator(1));
        var b = torch.randn([700], new Generator(2));
        int saved = torch.get_num_threads();
        try
        {
            torch.set_num_threads(1);
            var one = (a * b).exp().sum(0).ToArray();
            torch.set_num_threads(2);
            var two = (a * b).exp().sum(0).ToArray();
            Assert.Equal(one, two);
        }
        finally
        {
            torch.set_num_threads(saved);
        }
    }
}
