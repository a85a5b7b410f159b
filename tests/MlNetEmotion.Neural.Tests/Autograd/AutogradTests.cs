using MlNetEmotion.Neural;

namespace MlNetEmotion.Neural.Tests.Autograd;

public class AutogradTests
{
    [Fact]
    public void GradientsAccumulateAcrossUsesAndCalls()
    {
        var x = torch.tensor([2f, 3f]).requires_grad_();
        var y = (x * x + x * 3f).sum();
        y.backward();
        Assert.Equal([7f, 9f], x.grad!.ToArray());
        (x * 2f).sum().backward();
        Assert.Equal([9f, 11f], x.grad!.ToArray());
    }

    [Fact]
    public void NoGradStopsRecordingAndRestores()
    {
        var x = torch.ones(3).requires_grad_();
        using (torch.no_grad())
        {
            var y = x * 2f;
            Assert.False(y.requires_grad);
            Assert.False(torch.is_grad_enabled());
        }
        Assert.True(torch.is_grad_enabled());
        Assert.True((x * 2f).requires_grad);
        Assert.Equal("mul", (x * 2f).grad_fn);
    }

    [Fact]
    public void DetachCutsTheGraph()
    {
        var x = torch.ones(3).requires_grad_();
        var y = (x * 2f).detach();
        Assert.False(y.requires_grad);
        Assert.True(y.is_leaf);
    }

    [Fact]
    public void CustomFunctionUsesHandWrittenBackward()
    {
        // y = x³ with backward 3x²·g, written by hand.
        var x = torch.tensor([1f, -2f, 0.5f]).requires_grad_();
        var y = torch.autograd.apply("cube", [x], () => x * x * x, g => [g * x * x * 3f]);
        Assert.Equal("cube", y.grad_fn);
        y.sum().backward();
        Assert.Equal([3f, 12f, 0.75f], x.grad!.ToArray());
    }

    [Fact]
    public void MultiOutputFunctionGivesZerosToUnusedOutputs()
    {
        var x = torch.tensor([1f, 2f]).requires_grad_();
        var outs = torch.autograd.apply("split2", [x], () => [x * 2f, x * 5f], g => [g[0] * 2f + g[1] * 5f]);
        outs[1].sum().backward();
        Assert.Equal([5f, 5f], x.grad!.ToArray());
        GradCheck.Check(t =>
        {
            var o = torch.autograd.apply("split2", [t[0]], () => [t[0] * 2f, t[0].exp()], g => [g[0] * 2f + g[1] * t[0].exp()]);
            return o[0] + o[1];
        }, GradCheck.Randn(3, 4));
    }

    [Fact]
    public void DeepGraphDoesNotOverflowTheStack()
    {
        var x = torch.ones(2).requires_grad_();
        var y = x;
        for (int i = 0; i < 20000; i++) y = y * 1.0001f;
        y.sum().backward();
        Assert.Equal(Math.Pow(1.0001, 20000), x.grad![0], 1e-2);
    }

    [Fact]
    public void BackwardOnNonScalarNeedsGradient()
    {
        var x = torch.ones(3).requires_grad_();
        var y = x * 2f;
        Assert.Throws<InvalidOperationException>(() => y.backward());
        y.backward(torch.tensor([1f, 2f, 3f]));
        Assert.Equal([2f, 4f, 6f], x.grad!.ToArray());
    }

    [Fact]
    public void ManualSeedGivesBitIdenticalStreams()
    {
        torch.manual_seed(123);
        var a = torch.randn(1000).ToArray();
        var r = torch.rand(10).ToArray();
        var k = torch.randint(0, 7, [50]).ToInt64Array();
        torch.manual_seed(123);
        Assert.Equal(a, torch.randn(1000).ToArray());
        Assert.Equal(r, torch.rand(10).ToArray());
        Assert.Equal(k, torch.randint(0, 7, [50]).ToInt64Array());
        Assert.All(k, v => Assert.InRange(v, 0, 6));
        double mean = a.Average(v => (double)v), var = a.Average(v => (v - mean) * (v - mean));
        Assert.InRange(mean, -0.1, 0.1);
        Assert.InRange(var, 0.9, 1.1);
    }

    [Fact]
    public void ToStringShowsShape()
    {
        Assert.Equal("[2x3], type = Float32", torch.zeros(2, 3).ToString());
        Assert.Contains("grad_fn = add", (torch.zeros(2).requires_grad_() + 1f).ToString());
    }
}
