using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Neural.Tests.Modules;

public class ModuleTests
{
    private sealed class TwoLayer : Module<Tensor, Tensor>
    {
        public readonly Linear Fc1 = new(4, 8);
        public readonly Linear Fc2 = new(8, 3);

        public TwoLayer() : base("TwoLayer")
        {
            register_module("fc1", Fc1);
            register_module("fc2", Fc2);
        }

        public override Tensor forward(Tensor input) => Fc2.forward(Fc1.forward(input).relu());
    }

    [Fact]
    public void NamedParametersAndStateDictUseDottedNamesInOrder()
    {
        var m = new TwoLayer();
        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], m.named_parameters().Select(p => p.name));
        var sd = m.state_dict();
        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], sd.Keys);
        Assert.Equal(new long[] { 8, 4 }, sd["fc1.weight"].shape);
    }

    [Fact]
    public void LinearDefaultInitBounds()
    {
        torch.manual_seed(0);
        var l = torch.nn.Linear(100, 50);
        float bound = 1f / 10f;
        Assert.All(l.weight.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.All(l.bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.True(l.weight.ToArray().Max() > 0.09f && l.weight.ToArray().Min() < -0.09f);
    }

    [Fact]
    public void LinearGradientsMatchFiniteDifferences()
    {
        var l = new Linear(5, 3, generator: new Generator(1));
        var x = GradCheck.Randn(2, 2, 4, 5);
        GradCheck.Check(t => torch.nn.functional.linear(t[0], t[1], t[2]), x, l.weight, l.bias!);
        GradCheck.Check(t => torch.nn.functional.linear(t[0], t[1]), GradCheck.Randn(3, 3, 5), GradCheck.Randn(4, 2, 5));
    }

    [Fact]
    public void LoadStateDictRoundTripsAndListsAllProblems()
    {
        var a = new TwoLayer();
        var b = new TwoLayer();
        b.load_state_dict(a.state_dict());
        var x = torch.randn(2, 4);
        Assert.Equal(a.forward(x).ToArray(), b.forward(x).ToArray());

        var bad = new Dictionary<string, Tensor>(a.state_dict());
        bad.Remove("fc1.bias");
        bad.Remove("fc2.bias");
        bad["extra.weight"] = torch.zeros(1);
        bad["fc2.weight"] = torch.zeros(3, 7);
        var ex = Assert.Throws<StateDictMismatchException>(() => b.load_state_dict(bad));
        Assert.Equal(["fc1.bias", "fc2.bias"], ex.MissingKeys);
        Assert.Equal(["extra.weight"], ex.UnexpectedKeys);
        Assert.Single(ex.MisShapedKeys);
        Assert.Contains("fc2.weight", ex.Message);
        Assert.Contains("[3, 7]", ex.Message);
        Assert.Contains("[3, 8]", ex.Message);

        bad["fc2.weight"] = a.state_dict()["fc2.weight"];
        var (missing, unexpected) = b.load_state_dict(bad, strict: false);
        Assert.Equal(2, missing.Count);
        Assert.Single(unexpected);
    }

    [Fact]
    public void FreezingStopsGradients()
    {
        var m = new TwoLayer();
        m.Fc1.requires_grad_(false);
        m.forward(torch.randn(2, 4)).sum().backward();
        Assert.Null(m.Fc1.weight.grad);
        Assert.NotNull(m.Fc2.weight.grad);
    }

    [Fact]
    public void TrainEvalPropagatesAndControlsDropout()
    {
        var seq = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.Dropout(0.5), torch.nn.ReLU());
        Assert.True(seq[1].training);
        seq.eval();
        Assert.False(seq[1].training);
        var x = torch.ones(3, 4);
        Assert.Equal(seq.forward(x).ToArray(), seq.forward(x).ToArray());
        Assert.Equal(["0.weight", "0.bias"], seq.state_dict().Keys);
    }

    [Fact]
    public void EmptySequentialIsIdentityUntilAppended()
    {
        var seq = torch.nn.Sequential();
        var x = torch.randn(2, 3);
        Assert.Same(x, seq.forward(x));
        seq.append(torch.nn.ReLU());
        Assert.Equal(x.relu().ToArray(), seq.forward(x).ToArray());
        Assert.Single(seq.children());
    }

    [Fact]
    public void DropoutScalesSurvivorsAndIsSeedable()
    {
        var x = torch.ones(10000);
        var y = torch.nn.functional.dropout(x, 0.3, true, new Generator(5)).ToArray();
        Assert.All(y, v => Assert.True(v == 0f || Math.Abs(v - 1 / 0.7f) < 1e-6));
        Assert.InRange(y.Count(v => v == 0f), 2800, 3200);
        Assert.Equal(y, torch.nn.functional.dropout(x, 0.3, true, new Generator(5)).ToArray());
        GradCheck.Check(t => torch.nn.functional.dropout(t[0], 0.4, true, new Generator(3)), GradCheck.Randn(1, 20));
    }

    [Fact]
    public void TrainingStepReducesLoss()
    {
        torch.manual_seed(7);
        var m = torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.Tanh(), torch.nn.Linear(16, 3));
        var x = torch.randn(32, 4);
        var target = torch.randint(0, 3, [32]);
        var opt = torch.optim.Adam(m.parameters(), 0.05);
        float first = 0, last = 0;
        for (int i = 0; i < 50; i++)
        {
            opt.zero_grad();
            var loss = torch.nn.functional.cross_entropy(m.forward(x), target);
            loss.backward();
            opt.step();
            if (i == 0) first = loss.item();
            last = loss.item();
        }
        Assert.True(last < first * 0.7, $"loss {first} -> {last}");
    }
}
