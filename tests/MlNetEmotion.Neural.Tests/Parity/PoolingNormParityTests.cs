using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>Pooling, BatchNorm (train and eval, running statistics after the step) and LayerNorm against PyTorch 1.13.</summary>
public sealed class PoolingNormParityTests
{
    [Theory]
    [InlineData("maxpool2d_k2")]
    [InlineData("maxpool2d_k3s2p1")]
    [InlineData("avgpool2d_k2")]
    [InlineData("avgpool2d_k3s2p1")]
    [InlineData("adaptiveavgpool2d_3x2")]
    public void Pooling_matches_pytorch(string name)
    {
        Module<Tensor, Tensor> module = name switch
        {
            "maxpool2d_k2" => torch.nn.MaxPool2d(2),
            "maxpool2d_k3s2p1" => torch.nn.MaxPool2d(3, stride: 2, padding: 1),
            "avgpool2d_k2" => torch.nn.AvgPool2d(2),
            "avgpool2d_k3s2p1" => torch.nn.AvgPool2d(3, stride: 2, padding: 1, count_include_pad: true),
            "adaptiveavgpool2d_3x2" => torch.nn.AdaptiveAvgPool2d((3, 2)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
        var p = new ModuleParity(name, module);
        p.Check(("y", module.forward(p.Input("x"))));
    }

    [Theory]
    [InlineData("batchnorm1d_train_2d", 5, 1, true)]
    [InlineData("batchnorm1d_train_3d", 4, 1, true)]
    [InlineData("batchnorm1d_eval", 4, 1, false)]
    [InlineData("batchnorm2d_train", 3, 2, true)]
    [InlineData("batchnorm2d_eval", 3, 2, false)]
    public void BatchNorm_matches_pytorch_including_running_statistics(string name, int features, int spatialDims, bool training)
    {
        BatchNorm module = spatialDims == 1 ? new BatchNorm1d(features) : new BatchNorm2d(features);
        module.train(training);
        var p = new ModuleParity(name, module);
        p.Check(("y", module.forward(p.Input("x"))));
        var state = module.state_dict();
        foreach (var key in new[] { "running_mean", "running_var" })
            Tolerance.AssertClose($"{name} after {key}", p.Fixture.F32("after." + key), state[key].ToArray());
        Assert.Equal(p.Fixture.I64("after.num_batches_tracked"), state["num_batches_tracked"].ToInt64Array());
    }

    [Theory]
    [InlineData("layernorm", new long[] { 6 })]
    [InlineData("layernorm_2d", new long[] { 4, 6 })]
    public void LayerNorm_matches_pytorch(string name, long[] normalizedShape)
    {
        var module = new LayerNorm(normalizedShape);
        var p = new ModuleParity(name, module);
        p.Check(("y", module.forward(p.Input("x"))));
    }
}
