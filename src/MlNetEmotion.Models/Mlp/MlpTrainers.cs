using Microsoft.ML.Runtime;
using MlNetEmotion.Models.Training;

namespace MlNetEmotion.Models.Mlp;

/// <summary>Multiclass MLP trainer: softmax cross-entropy on a key label; Score holds the class probabilities and
/// PredictedLabel the most probable class.</summary>
/// <param name="environment">The ML.NET environment of the catalog.</param>
/// <param name="options">The options.</param>
public sealed class MlpMulticlassTrainer(IHostEnvironment environment, MlpOptions options) : NeuralTrainer<MlpOptions>(environment, options)
{
    /// <inheritdoc />
    public override NeuralTask Task => NeuralTask.MulticlassClassification;

    /// <inheritdoc />
    protected override NeuralNetworkSpec CreateSpec(NeuralShape shape) => MlpSpecs.For(Options, shape, tanhOutput: false);
}

/// <summary>Regression MLP trainer: mean squared error on a Single label or a Single-vector label (several targets,
/// e.g. valence and arousal); Score has the label's shape.</summary>
/// <param name="environment">The ML.NET environment of the catalog.</param>
/// <param name="options">The options.</param>
public sealed class MlpRegressionTrainer(IHostEnvironment environment, MlpRegressionOptions options) : NeuralTrainer<MlpRegressionOptions>(environment, options)
{
    /// <inheritdoc />
    public override NeuralTask Task => NeuralTask.Regression;

    /// <inheritdoc />
    protected override NeuralNetworkSpec CreateSpec(NeuralShape shape) => MlpSpecs.For(Options, shape, Options.TanhOutput);
}

internal static class MlpSpecs
{
    public static MlpSpec For(MlpOptions options, NeuralShape shape, bool tanhOutput) =>
        new(shape.InputShapes.Sum(s => s.Aggregate(1, (a, b) => a * b)), [.. options.HiddenSizes], shape.OutputSize, options.Activation, options.Dropout, tanhOutput);
}
