using MlNetEmotion.Neural;

namespace MlNetEmotion.Benchmarks.Neural;

/// <summary>CNN on 3×32×32 EEG topomaps, batch 360: forward + cross-entropy + backward (reference:
/// <c>References/neural_cnn.py</c>). Architecture on both sides: Conv2d(3,32,3,p1) ReLU, Conv2d(32,32,3,p1) ReLU,
/// MaxPool2d(2), Conv2d(32,64,3,p1) ReLU, MaxPool2d(2), Flatten, Linear(4096,128) ReLU, Linear(128,4).</summary>
public sealed class CnnBenchmark : NeuralStepBenchmark
{
    /// <inheritdoc />
    public override string Name => "neural.cnn";

    /// <inheritdoc />
    public override string Description => "CNN 3x32x32, batch 360, conv32-conv32-pool-conv64-pool-fc128-fc4: fwd+bwd";

    /// <inheritdoc />
    protected override string Script => "neural_cnn.py";

    /// <inheritdoc />
    protected override string ReferenceName => "cnn_step";

    /// <inheritdoc />
    protected override int Warmup => 1;

    /// <inheritdoc />
    protected override int Iterations => 5;

    /// <inheritdoc />
    protected override Action CreateStep()
    {
        var model = torch.nn.Sequential(
            Conv3x3(3, 32), torch.nn.ReLU(),
            Conv3x3(32, 32), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            Conv3x3(32, 64), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(64 * 8 * 8, 128), torch.nn.ReLU(), torch.nn.Linear(128, 4));
        var x = torch.randn(360, 3, 32, 32);
        var y = torch.randint(0, 4, [360]);
        return () =>
        {
            model.zero_grad();
            torch.nn.functional.cross_entropy(model.forward(x), y).backward();
        };
    }

    private static MlNetEmotion.Neural.Modules.Conv2d Conv3x3(long inChannels, long outChannels) =>
        torch.nn.Conv2d(inChannels, outChannels, 3, padding: 1);
}
