using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Neural.Tests.Modules;

/// <summary>BatchNorm2d / LayerNorm against PyTorch 1.13 (References/layers_schedules.py): input sin(0..23)·3 as
/// [2, 3, 2, 2], upstream gradient cos(0..23); tolerance 1e-5 relative (2e-6 absolute near zero).</summary>
public class NormalizationTests
{
    private static Tensor Input() => torch.arange(24).sin().mul(3f).reshape(2, 3, 2, 2).detach().requires_grad_();

    private static Tensor Upstream() => torch.arange(24).cos().reshape(2, 3, 2, 2);

    [Fact]
    public void BatchNorm2dTrainAndEvalMatchPyTorch()
    {
        var bn = torch.nn.BatchNorm2d(3);
        new float[] {1.0f, 2.0f, 0.5f}.CopyTo(bn.weight!.AsSpan());
        new float[] {0.1f, -0.2f, 0.3f}.CopyTo(bn.bias!.AsSpan());
        var x = Input();
        var y = bn.forward(x);
        y.mul(Upstream()).sum().backward();
        Approx.Equal([-0.761778593, 0.93630451, 1.073177814, -0.476999313, -1.529079676, -2.278974295, 0.242079705, 3.716236591, 0.888875961, 0.509226441, -0.119624905, -0.419514954,
            -1.844579458, 0.086115882, 1.237260938, 0.550498247, 0.210588932, -2.288150072, -1.507504344, 1.83480382, 0.838619292, 0.788443744, 0.232355326, -0.318380773], y.ToArray(), atol: 2e-6);
        Approx.Equal([0.415503263, 0.403827906, -0.215557903, -0.873193741, -0.8243891, 0.47927469, 0.830144525, -0.094367549, 0.038521856, -0.11176753, -0.066880517, 0.13191399,
            0.120735295, 0.501818478, 0.18509911, -0.538232446, -1.535575747, -0.210059136, 0.796433806, 0.558538258, 0.162209958, -0.045014162, -0.118434608, 0.009451023], x.grad!.ToArray(), atol: 2e-6);
        Approx.Equal([-2.083953619, 2.49289012, 0.843997359], bn.weight.grad!.ToArray());
        Approx.Equal([1.262513041, 1.760289669, -3.563717127], bn.bias.grad!.ToArray());
        Approx.Equal([0.128114164, -0.119571246, 0.028199801], bn.running_mean!.ToArray());
        Approx.Equal([1.152576447, 1.198894978, 1.494456768], bn.running_var!.ToArray());
        Assert.Equal(1L, bn.num_batches_tracked!.ToInt64Array()[0]);
        Assert.Equal(["weight", "bias", "running_mean", "running_var", "num_batches_tracked"], bn.state_dict().Keys);

        bn.eval();
        Approx.Equal([-0.01933296, 2.332051516, 2.521584034, 0.37500909, -4.128664494, -5.236236572, -1.512714505, 3.61851263, 1.502418756, 0.794139743, -0.379053205, -0.938531876,
            -1.518718362, 1.15477097, 2.748794556, 1.797814488, -1.55922544, -5.249789238, -4.09679842, 0.839691997, 1.40865922, 1.315051079, 0.277605534, -0.749854684], bn.forward(Input()).ToArray(), atol: 2e-6);
    }

    [Fact]
    public void LayerNormMatchesPyTorch()
    {
        var ln = torch.nn.LayerNorm([2, 2]);
        new float[] {1.0f, 2.0f, 0.5f, -1.0f}.CopyTo(ln.weight!.AsSpan());
        new float[] {0.1f, -0.2f, 0.3f, 0.0f}.CopyTo(ln.bias!.AsSpan());
        var x = Input();
        var y = ln.forward(x);
        y.mul(Upstream()).sum().backward();
        Approx.Equal([-1.064373255, 1.614357591, 0.837077737, 0.816960931, -0.577395022, -2.203277588, 0.344214529, -1.590605021, 1.412492275, 0.946684659, -0.025492668, 1.234849453,
            -1.517466784, -0.062364995, 0.837118268, -0.47441268, 0.506823123, -2.523090839, -0.035781085, -1.426284313, 1.062970996, 1.512788415, 0.137610063, 1.494585395], y.ToArray(), atol: 2e-6);
        Approx.Equal([-0.057200551, 0.525876224, -0.489955544, 0.021279991, -0.417490959, 0.179823563, 0.320019037, -0.082351625, 0.327165306, -0.464021385, 0.009654403, 0.127201602,
            -0.207879603, 0.562284052, -0.344769299, -0.00963521, -0.213807702, -0.318321645, 0.49657464, 0.035554588, 0.398418128, -0.316361308, -0.201210469, 0.119153664], x.grad!.ToArray(), atol: 2e-6);
        Approx.Equal([-2.274098635, -0.40337497, 0.212335333, 3.848613739], ln.weight.grad!.ToArray());
    }

    [Fact]
    public void NormalizationGradients()
    {
        var w = GradCheck.Randn(5, 3);
        var b = GradCheck.Randn(6, 3);
        GradCheck.Check(t => torch.nn.functional.batch_norm(t[0], null, null, t[1], t[2], training: true), GradCheck.Randn(1, 4, 3), w, b);
        GradCheck.Check(t => torch.nn.functional.batch_norm(t[0], null, null, t[1], t[2], training: true), GradCheck.Randn(1, 2, 3, 5), w, b);
        var rm = torch.randn([3], new Generator(8));
        var rv = torch.rand([3], new Generator(9)).add(0.5f);
        GradCheck.Check(t => torch.nn.functional.batch_norm(t[0], rm, rv, t[1], t[2], training: false), GradCheck.Randn(1, 2, 3, 2), w, b);
        GradCheck.Check(t => torch.nn.functional.layer_norm(t[0], [4], t[1], t[2]), GradCheck.Randn(1, 3, 4), GradCheck.Randn(2, 4), GradCheck.Randn(3, 4));
    }

    [Fact]
    public void BatchNormRejectsWrongChannels()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => new BatchNorm1d(4).forward(torch.zeros(2, 3)));
        Assert.Contains("BatchNorm1d", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
    }

    [Fact]
    public void ModuleListRegistersChildren()
    {
        var list = torch.nn.ModuleList(new Linear(2, 3), new Linear(3, 1));
        Assert.Equal(2, list.Count);
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias"], list.named_parameters().Select(p => p.name));
    }
}
