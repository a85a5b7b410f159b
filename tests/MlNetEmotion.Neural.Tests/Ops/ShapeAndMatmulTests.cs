using MlNetEmotion.Neural;

namespace MlNetEmotion.Neural.Tests.Ops;

public class ShapeAndMatmulTests
{
    [Fact]
    public void ShapeOpsGradients()
    {
        GradCheck.Check(t => t[0].reshape(4, -1), GradCheck.Randn(1, 2, 3, 2));
        GradCheck.Check(t => t[0].transpose(0, 2), GradCheck.Randn(1, 2, 3, 4));
        GradCheck.Check(t => t[0].permute(1, 2, 0), GradCheck.Randn(1, 2, 3, 4));
        GradCheck.Check(t => t[0].expand(3, 2, 4), GradCheck.Randn(1, 2, 1));
        GradCheck.Check(t => t[0].unsqueeze(1).squeeze(1).flatten(), GradCheck.Randn(1, 2, 3));
    }

    [Fact]
    public void PermuteMovesElements()
    {
        var x = torch.arange(24).reshape(2, 3, 4);
        var y = x.permute(2, 0, 1);
        Assert.Equal(new long[] { 4, 2, 3 }, y.shape);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++)
                    Assert.Equal(x[i, j, k], y[k, i, j]);
    }

    [Fact]
    public void TiledTransposeOfLastTwoDimsMovesElements()
    {
        var x = torch.randn([3, 40, 50], new Generator(2));
        var y = x.transpose(-1, -2);
        Assert.Equal(new long[] { 3, 50, 40 }, y.shape);
        for (int b = 0; b < 3; b++)
            for (int i = 0; i < 40; i++)
                for (int j = 0; j < 50; j++)
                    Assert.Equal(x[b, i, j], y[b, j, i]);
        var w = torch.randn([2, 3, 33, 35], new Generator(3));
        var z = w.permute(1, 0, 3, 2);
        Assert.Equal(new long[] { 3, 2, 35, 33 }, z.shape);
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 3; b++)
                for (int i = 0; i < 33; i++)
                    for (int j = 0; j < 35; j++)
                        Assert.Equal(w[a, b, i, j], z[b, a, j, i]);
    }

    [Fact]
    public void ReshapeRejectsWrongCount()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => torch.zeros(2, 3).reshape(4, 2));
        Assert.Contains("reshape", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[4, 2]", ex.Message);
    }

    [Fact]
    public void MatmulMatchesNaiveProduct()
    {
        var a = torch.randn([3, 5], new Generator(1));
        var b = torch.randn([5, 4], new Generator(2));
        var c = a.matmul(b);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
            {
                double s = 0;
                for (int k = 0; k < 5; k++) s += a[i, k] * b[k, j];
                Assert.Equal(s, c[i, j], 5);
            }
    }

    [Fact]
    public void MatmulGradients()
    {
        GradCheck.Check(t => t[0].matmul(t[1]), GradCheck.Randn(1, 3, 5), GradCheck.Randn(2, 5, 4));
        GradCheck.Check(t => t[0].matmul(t[1]), GradCheck.Randn(1, 2, 3, 5), GradCheck.Randn(2, 5, 4));
        GradCheck.Check(t => t[0].matmul(t[1]), GradCheck.Randn(1, 2, 3, 5), GradCheck.Randn(2, 2, 5, 4));
        GradCheck.Check(t => t[0].matmul(t[1]), GradCheck.Randn(1, 2, 1, 3, 5), GradCheck.Randn(2, 4, 5, 2));
        GradCheck.Check(t => t[0].matmul(t[1]), GradCheck.Randn(1, 5), GradCheck.Randn(2, 5, 4));
        GradCheck.Check(t => t[0].matmul(t[1]), GradCheck.Randn(1, 3, 5), GradCheck.Randn(2, 5));
        GradCheck.Check(t => t[0].matmul(t[1]), GradCheck.Randn(1, 5), GradCheck.Randn(2, 5));
        GradCheck.Check(t => t[0].mm(t[1].t()), GradCheck.Randn(1, 3, 5), GradCheck.Randn(2, 4, 5));
        GradCheck.Check(t => t[0].bmm(t[1]), GradCheck.Randn(1, 2, 3, 5), GradCheck.Randn(2, 2, 5, 4));
        GradCheck.Check(t => t[0].expand_as(t[1]) * t[1], GradCheck.Randn(1, 1, 4), GradCheck.Randn(2, 3, 4));
    }

    [Fact]
    public void MatmulShapeMismatchNamesBothShapes()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => torch.zeros(2, 3).matmul(torch.zeros(4, 5)));
        Assert.Contains("matmul", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[4, 5]", ex.Message);
    }
}
