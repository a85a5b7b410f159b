using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Optim;

namespace MlNetEmotion.Neural.Tests.Optim;

/// <summary>Five steps minimising Σ (p·c − 1)² from p0 = [0.5, −1.5, 2, 0.25], c = [1, 2, −0.5, 3];
/// expected parameters printed by PyTorch 1.13's torch.optim on the same problem; tolerance 1e-5 relative.</summary>
public class OptimizerTests
{
    private static float[] Run(Func<Tensor[], Optimizer> make, int steps = 5)
    {
        var p = torch.tensor([0.5f, -1.5f, 2.0f, 0.25f]).requires_grad_();
        var c = torch.tensor([1.0f, 2.0f, -0.5f, 3.0f]);
        var opt = make([p]);
        for (int i = 0; i < steps; i++)
        {
            opt.zero_grad();
            var loss = (p * c - 1f).pow(2f).sum();
            loss.backward();
            opt.step();
        }
        return p.ToArray();
    }

    [Fact]
    public void SgdMatchesPyTorch() =>
        Approx.Equal([0.5480396151542664, -0.8181630373001099, 1.9009950160980225, 0.302438348531723], Run(p => new SGD(p, 0.01)));

    [Fact]
    public void SgdMomentumWeightDecayMatchesPyTorch() =>
        Approx.Equal([0.6187900304794312, 0.24362534284591675, 1.7149022817611694, 0.3727603852748871],
            Run(p => new SGD(p, 0.01, momentum: 0.9, weight_decay: 0.1)));

    [Fact]
    public void SgdNesterovMatchesPyTorch() =>
        Approx.Equal([0.6550469398498535, 0.426766037940979, 1.6702008247375488, 0.3662266731262207],
            Run(p => new SGD(p, 0.01, momentum: 0.9, nesterov: true)));

    [Fact]
    public void SgdDampeningMatchesPyTorch() =>
        Approx.Equal([0.6005801558494568, -0.06029973924160004, 1.7932862043380737, 0.3610679805278778],
            Run(p => new SGD(p, 0.01, momentum: 0.9, dampening: 0.3)));

    [Fact]
    public void AdamMatchesPyTorch() =>
        Approx.Equal([0.972185492515564, -1.0029557943344116, 1.501267671585083, 0.319004625082016], Run(p => new Adam(p, 0.1)));

    [Fact]
    public void AdamWeightDecayAmsgradMatchesPyTorch() =>
        Approx.Equal([0.9657464623451233, -1.0029675960540771, 1.5014023780822754, 0.3145475387573242],
            Run(p => new Adam(p, 0.1, weight_decay: 0.1, amsgrad: true)));

    [Fact]
    public void AdamWMatchesPyTorch() =>
        Approx.Equal([0.941288948059082, -0.9398646950721741, 1.413417100906372, 0.31509292125701904], Run(p => new AdamW(p, 0.1, weight_decay: 0.1)));

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.1, false)]
    [InlineData(0.1, true)]
    public void VectorisedAdamEqualsScalarPathBitForBit(double weightDecay, bool decoupled)
    {
        var init = torch.randn([37], new Generator(4)).ToArray();
        var grads = torch.randn([3, 37], new Generator(5)).ToArray();
        var whole = torch.tensor(init).requires_grad_();
        var singles = init.Select(v => torch.tensor([v]).requires_grad_()).ToArray();
        Optimizer a = decoupled ? new AdamW([whole], 0.01, weight_decay: weightDecay) : new Adam([whole], 0.01, weight_decay: weightDecay);
        Optimizer b = decoupled ? new AdamW(singles, 0.01, weight_decay: weightDecay) : new Adam(singles, 0.01, weight_decay: weightDecay);
        for (int step = 0; step < 3; step++)
        {
            whole.grad = torch.tensor(grads.AsSpan(step * 37, 37).ToArray());
            for (int i = 0; i < 37; i++) singles[i].grad = torch.tensor([grads[step * 37 + i]]);
            a.step();
            b.step();
        }
        Assert.Equal(singles.Select(t => t.item()).ToArray(), whole.ToArray());
    }

    [Fact]
    public void ZeroGradReusesGradientBuffers()
    {
        var p = torch.ones(3).requires_grad_();
        var opt = new SGD([p], 0.1);
        (p * 2f).sum().backward();
        var buffer = p.grad!;
        opt.zero_grad();
        Assert.Same(buffer, p.grad);
        Assert.Equal([0f, 0f, 0f], buffer.ToArray());
        (p * 3f).sum().backward();
        Assert.Same(buffer, p.grad);
        Assert.Equal([3f, 3f, 3f], buffer.ToArray());
        opt.zero_grad(set_to_none: true);
        Assert.Null(p.grad);
    }

    [Fact]
    public void ParametersWithoutGradAreSkipped()
    {
        var a = torch.ones(2).requires_grad_();
        var b = torch.ones(2).requires_grad_();
        var opt = torch.optim.SGD([a, b], 0.5);
        (a * 3f).sum().backward();
        opt.step();
        Assert.Equal([-0.5f, -0.5f], a.ToArray());
        Assert.Equal([1f, 1f], b.ToArray());
    }
}
