using MlNetEmotion.Neural;

namespace MlNetEmotion.Neural.Tests.Ops;

public class ReductionTests
{
    [Fact]
    public void SumAndMeanGradients()
    {
        GradCheck.Check(t => t[0].sum(), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].sum(1), GradCheck.Randn(1, 2, 3, 4));
        GradCheck.Check(t => t[0].sum([0, 2], keepdim: true), GradCheck.Randn(1, 2, 3, 4));
        GradCheck.Check(t => t[0].mean(), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].mean(-1, keepdim: true), GradCheck.Randn(1, 2, 3, 4));
        GradCheck.Check(t => t[0].mean([0, 1]), GradCheck.Randn(1, 2, 3, 4));
    }

    [Fact]
    public void SumValuesAndShapes()
    {
        var x = torch.arange(24).reshape(2, 3, 4);
        var s = x.sum(1);
        Assert.Equal(new long[] { 2, 4 }, s.shape);
        Assert.Equal(0 + 4 + 8, s[0, 0]);
        Assert.Equal(new long[] { 1, 3, 1 }, x.sum([0, 2], keepdim: true).shape);
        Assert.Equal(276f, x.sum().item());
        Assert.Equal(11.5f, x.mean().item());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void SoftmaxGradientsAlongEveryDim(int dim)
    {
        GradCheck.Check(t => t[0].softmax(dim), GradCheck.Randn(2, 3, 4, 2));
        GradCheck.Check(t => t[0].log_softmax(dim), GradCheck.Randn(2, 3, 4, 2));
    }

    [Fact]
    public void SoftmaxValuesAreStableForLargeLogits()
    {
        var x = torch.tensor([1000f, 1001f, 1002f]);
        var p = x.softmax(0).ToArray();
        double z = 1 + Math.Exp(1) + Math.Exp(2);
        Assert.Equal(1 / z, p[0], 6);
        Assert.Equal(Math.Exp(2) / z, p[2], 6);
        var lp = x.log_softmax(0).ToArray();
        Assert.Equal(2 - Math.Log(z), lp[2], 5);
    }

    [Fact]
    public void SoftmaxOverMiddleDimSumsToOne()
    {
        var p = torch.randn([2, 5, 3], new Generator(3)).softmax(1);
        var s = p.sum(1).ToArray();
        foreach (var v in s) Assert.Equal(1.0, v, 6);
    }
}
