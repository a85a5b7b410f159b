using MlNetEmotion.Models.ConvLstm;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Tests.ConvLstm;

/// <summary>The CCC metric and the 1 − CCC loss of paper 001 against PyTorch 1.13 (float64 references) and known values.</summary>
public sealed class ConcordanceTests
{
    [Fact]
    public void Ccc_equals_its_formula_on_the_fixture_to_1e_12()
    {
        var f = ModelFixture.Load("ccc_loss");
        var x = f["input.x"].ToArray();
        var y = f["input.y"].ToArray();
        var expected = f.F64("output.ccc");
        for (int d = 0; d < 2; d++)
        {
            double[] xs = x.Where((_, i) => i % 2 == d).Select(v => (double)v).ToArray();
            double[] ys = y.Where((_, i) => i % 2 == d).Select(v => (double)v).ToArray();
            Assert.True(Math.Abs(Concordance.Ccc(xs, ys) - expected[d]) <= 1e-12, $"output {d}: {Concordance.Ccc(xs, ys)} vs {expected[d]}");
        }
    }

    [Fact]
    public void Loss_and_its_gradients_match_pytorch()
    {
        var f = ModelFixture.Load("ccc_loss");
        var x = f["input.x"].requires_grad_();
        var y = f["input.y"].requires_grad_();
        var loss = new ConcordanceLoss().forward(x, y);
        ModelFixture.AssertClose("loss", f["output.loss"], loss.reshape(1), 1e-4);
        loss.backward();
        ModelFixture.AssertClose("grad x", f["grad.input.x"], x.grad!, 1e-4);
        ModelFixture.AssertClose("grad y", f["grad.input.y"], y.grad!, 1e-4);
    }

    [Fact]
    public void Known_values()
    {
        double[] a = [0.1, -0.4, 0.7, 0.2, -0.9];
        Assert.Equal(1.0, Concordance.Ccc(a, a), 12);
        double[] zeroMean = [1, -1, 2, -2];
        Assert.Equal(-1.0, Concordance.Ccc(zeroMean, zeroMean.Select(v => -v).ToArray()), 12);
        // A shift lowers CCC (unlike Pearson's r): x vs x + 1, both with variance 2.5, gives 2·2.5 / (2.5 + 2.5 + 1²).
        Assert.Equal(5.0 / 6.0, Concordance.Ccc(zeroMean, zeroMean.Select(v => v + 1).ToArray()), 12);
        Assert.Throws<ArgumentException>(() => Concordance.Ccc(a, zeroMean));
        var same = torch.tensor(new float[] { 0.1f, 0.2f, -0.3f, 0.5f, 0.4f, -0.6f }, 3, 2);
        Assert.Equal(0f, new ConcordanceLoss().forward(same, same).item(), 6);
    }
}
