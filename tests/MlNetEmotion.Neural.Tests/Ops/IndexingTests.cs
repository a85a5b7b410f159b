using MlNetEmotion.Neural;

namespace MlNetEmotion.Neural.Tests.Ops;

public class IndexingTests
{
    [Fact]
    public void SliceNarrowSelectGatherGradients()
    {
        GradCheck.Check(t => t[0].narrow(1, 1, 2), GradCheck.Randn(1, 2, 4, 3));
        GradCheck.Check(t => t[0].slice(-1, 0, 5, 2), GradCheck.Randn(1, 2, 5));
        GradCheck.Check(t => t[0].index_select(0, torch.tensor([2L, 0, 2])), GradCheck.Randn(1, 3, 2));
        GradCheck.Check(t => t[0].gather(1, torch.tensor([0L, 0, 2, 1, 1, 0], 2, 3)), GradCheck.Randn(1, 2, 3));
    }

    [Fact]
    public void GatherPicksAlongDim()
    {
        var x = torch.arange(6).reshape(2, 3);
        var g = x.gather(1, torch.tensor([2L, 0, 1, 1], 2, 2));
        Assert.Equal([2f, 0f, 4f, 4f], g.ToArray());
        Assert.Equal([3f, 4f, 5f, 0f, 1f, 2f], x.index_select(0, torch.tensor([1L, 0])).ToArray());
    }

    [Fact]
    public void CatStackSplitChunk()
    {
        var a = torch.arange(6).reshape(2, 3);
        var b = torch.arange(6, 10).reshape(2, 2);
        var c = torch.cat([a, b], 1);
        Assert.Equal([0f, 1f, 2f, 6f, 7f, 3f, 4f, 5f, 8f, 9f], c.ToArray());
        var parts = c.split([3L, 2L], 1);
        Assert.Equal(a.ToArray(), parts[0].ToArray());
        Assert.Equal(b.ToArray(), parts[1].ToArray());
        var s = torch.stack([a, a * 2f], 1);
        Assert.Equal(new long[] { 2, 2, 3 }, s.shape);
        Assert.Equal(2f * a[1, 2], s[1, 1, 2]);
        var chunks = torch.arange(7).chunk(3);
        Assert.Equal([3L, 3L, 1L], chunks.Select(x => x.size(0)));
        GradCheck.Check(t => torch.cat([t[0], t[1]], 0), GradCheck.Randn(1, 2, 3), GradCheck.Randn(2, 1, 3));
        GradCheck.Check(t => torch.stack([t[0], t[1]], 2), GradCheck.Randn(1, 2, 3), GradCheck.Randn(2, 2, 3));
        GradCheck.Check(t => t[0].chunk(2, 1)[1], GradCheck.Randn(1, 2, 4));
        Assert.Throws<ShapeMismatchException>(() => torch.cat([a, b], 0));
    }

    [Fact]
    public void WhereAndMaskedFill()
    {
        var x = torch.tensor([1f, -2f, 3f, -4f]);
        Assert.Equal([1f, 0f, 3f, 0f], torch.where(x.gt(0f), x, 0f).ToArray());
        Assert.Equal([1f, -9f, 3f, -9f], x.masked_fill(x.lt(0f), -9f).ToArray());
        var mask = torch.tensor([1f, 0f, 1f], 3, 1);
        GradCheck.Check(t => torch.where(mask, t[0], t[1]), GradCheck.Randn(1, 3, 2), GradCheck.Randn(2, 2));
    }

    [Fact]
    public void MaxMinArgmaxLogsumexpVar()
    {
        var x = torch.tensor([1f, 5f, 3f, 7f, 2f, 0f], 2, 3);
        var (v, i) = x.max(1);
        Assert.Equal([5f, 7f], v.ToArray());
        Assert.Equal([1L, 0L], i.ToInt64Array());
        Assert.Equal([0L, 1L, 1L], x.argmin(0).ToInt64Array());
        Assert.Equal(7f, x.max().item());
        Assert.Equal(3L, (long)x.argmax().item());
        var lse = x.logsumexp(1).ToArray();
        Assert.Equal(Math.Log(Math.Exp(1) + Math.Exp(5) + Math.Exp(3)), lse[0], 5);
        var var = x.var(1).ToArray();
        Assert.Equal(4.0, var[0], 5);
        Assert.Equal(2.0 * 2.0 * 2 / 3, x.var(1, unbiased: false).ToArray()[0], 5);
        GradCheck.Check(t => t[0].max(1).values, GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].min(0, keepdim: true).values, GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].logsumexp(0), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].var(1), GradCheck.Randn(1, 3, 4));
        GradCheck.Check(t => t[0].std(-1, keepdim: true), GradCheck.Randn(1, 3, 4));
    }
}

public class MoreShapeTests
{
    [Fact]
    public void RepeatSelectCloneAndIntComparisons()
    {
        var x = torch.tensor([1f, 2f, 3f, 4f], 2, 2);
        Assert.Equal([1f, 2f, 1f, 2f, 3f, 4f, 3f, 4f, 1f, 2f, 1f, 2f, 3f, 4f, 3f, 4f], x.repeat(2, 2).ToArray());
        Assert.Equal(new long[] { 3, 2, 2 }, x.repeat(3, 1, 1).shape);
        Assert.Equal([2f, 4f], x.select(1, 1).ToArray());
        GradCheck.Check(t => t[0].repeat(2, 1, 3), GradCheck.Randn(1, 2, 3));
        GradCheck.Check(t => t[0].select(0, 1).clone(), GradCheck.Randn(1, 3, 2));
        var predicted = torch.tensor(new float[,] { { 1f, 5f }, { 7f, 2f } }).argmax(1);
        Assert.Equal([1f, 0f], predicted.eq(torch.tensor([1L, 1L])).ToArray());
    }
}
