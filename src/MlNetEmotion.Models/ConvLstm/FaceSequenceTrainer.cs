using Microsoft.ML.Runtime;
using MlNetEmotion.Models.Training;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary>Base of paper 001's trainers: sequence regression from one <c>[T, C, H, W]</c> feature-map column to a
/// <c>[T, targets]</c> label in [−1, 1] (valence, arousal per frame), with MSE or 1 − CCC over the valid frames.</summary>
/// <typeparam name="TOptions">The trainer's options.</typeparam>
/// <param name="environment">The ML.NET environment of the catalog.</param>
/// <param name="options">The options.</param>
public abstract class FaceSequenceTrainer<TOptions>(IHostEnvironment environment, TOptions options) : NeuralTrainer<TOptions>(environment, options)
    where TOptions : FaceSequenceOptions
{
    private readonly ConcordanceLoss _concordance = new();

    /// <inheritdoc />
    public override NeuralTask Task => NeuralTask.SequenceRegression;

    /// <inheritdoc />
    protected override (float Min, float Max)? LabelRange => (-1f, 1f);

    /// <summary>The recipe for maps of <paramref name="channels"/> × <paramref name="height"/> × <paramref name="width"/>.</summary>
    /// <param name="channels">Channels per frame.</param>
    /// <param name="height">Map height.</param>
    /// <param name="width">Map width.</param>
    /// <param name="outputs">Targets per frame.</param>
    protected abstract FaceSequenceSpec CreateSpec(int channels, int height, int width, int outputs);

    /// <inheritdoc />
    protected sealed override NeuralNetworkSpec CreateSpec(NeuralShape shape)
    {
        string features = Options.FeatureColumnNames[0];
        var dims = shape.InputShapes[0];
        if (dims.Length != 4)
            throw new SchemaMismatchException(features, "a vector of Single with dimensions [frames, channels, height, width]", $"dimensions [{string.Join(", ", dims)}]");
        if (dims[0] != shape.Steps)
            throw new SchemaMismatchException(Options.LabelColumnName, $"[{dims[0]}, targets] (one label per frame of '{features}')", $"{shape.Steps} labelled frames");
        return CreateSpec(dims[1], dims[2], dims[3], shape.OutputSize);
    }

    /// <inheritdoc />
    protected override Tensor Loss(Tensor output, NeuralBatch batch, NeuralTargets targets)
    {
        if (Options.Loss == FaceSequenceLoss.MeanSquaredError) return base.Loss(output, batch, targets);
        long rows = output.size(0), steps = output.size(1), width = output.size(2);
        var x = output.reshape(rows * steps, width);
        var y = targets.Values!.reshape(rows * steps, width);
        if (batch.Lengths is { } lengths)
        {
            var valid = new List<long>();
            for (int b = 0; b < rows; b++)
                for (int t = 0; t < lengths[b]; t++) valid.Add(b * steps + t);
            var index = torch.tensor(valid.ToArray(), valid.Count);
            x = x.index_select(0, index);
            y = y.index_select(0, index);
        }
        return _concordance.forward(x, y);
    }
}

/// <summary><c>mlContext.Regression.Trainers.ConvLstm</c>: paper 001's <see cref="ConvLstmRegressor"/> (three peephole
/// ConvLSTM layers, per-frame pooling, fully connected layers, tanh).</summary>
/// <param name="environment">The ML.NET environment of the catalog.</param>
/// <param name="options">The options.</param>
public sealed class ConvLstmTrainer(IHostEnvironment environment, ConvLstmOptions options) : FaceSequenceTrainer<ConvLstmOptions>(environment, options)
{
    /// <inheritdoc />
    protected override FaceSequenceSpec CreateSpec(int channels, int height, int width, int outputs) =>
        new(FaceSequenceArchitecture.ConvLstm, channels, height, width, outputs, Options.Pool, [.. Options.Filters], Options.KernelSize, Options.HiddenUnits, 0);
}

/// <summary><c>mlContext.Regression.Trainers.CnnLstm</c> and <c>.CnnGru</c>: paper 001's recurrent baselines
/// (<see cref="CnnLstmRegressor"/>, <see cref="CnnGruRegressor"/>) on the same feature maps.</summary>
/// <param name="environment">The ML.NET environment of the catalog.</param>
/// <param name="options">The options.</param>
/// <param name="architecture"><see cref="FaceSequenceArchitecture.CnnLstm"/> or <see cref="FaceSequenceArchitecture.CnnGru"/>.</param>
public sealed class RecurrentBaselineTrainer(IHostEnvironment environment, RecurrentBaselineOptions options, FaceSequenceArchitecture architecture)
    : FaceSequenceTrainer<RecurrentBaselineOptions>(environment, options)
{
    /// <summary>The recurrent network this trainer builds.</summary>
    public FaceSequenceArchitecture Architecture { get; } = architecture is FaceSequenceArchitecture.CnnLstm or FaceSequenceArchitecture.CnnGru
        ? architecture : throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "A recurrent baseline is CnnLstm or CnnGru.");

    /// <inheritdoc />
    protected override FaceSequenceSpec CreateSpec(int channels, int height, int width, int outputs) =>
        new(Architecture, channels, height, width, outputs, Options.Pool, [], 0, Options.HiddenSize, Options.Layers);
}
