using Microsoft.ML.Runtime;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Optim;

namespace MlNetEmotion.Models.Training;

/// <summary>
/// Base of every neural trainer of this toolkit (the role ML.NET's TorchSharp base trainer plays, on the managed
/// engine): an ML.NET <see cref="IEstimator{TTransformer}"/> that builds a network from a recipe
/// (<see cref="CreateSpec"/>), trains it on one or several feature columns with mini-batches streamed from the view,
/// and returns a <see cref="NeuralPredictionTransformer"/> with ML.NET's Score / PredictedLabel columns.
/// </summary>
/// <remarks>Training: one <see cref="Generator"/> seeded from the options (or the ML.NET context) draws the initial
/// weights, the epoch shuffles and the dropout masks, so a seed gives bit-identical weights. Validation rows (optionally
/// whole groups) pick the best epoch by a named metric with early stopping; stages freeze named sub-modules; gradients
/// may be clipped; every epoch may be checkpointed and a killed run resumes from the folder.</remarks>
/// <typeparam name="TOptions">The trainer's options.</typeparam>
public abstract class NeuralTrainer<TOptions> : IEstimator<NeuralPredictionTransformer> where TOptions : NeuralTrainerOptions
{
    private readonly IHostEnvironment _environment;
    private readonly int _seed;

    /// <summary>Creates the trainer; the seed is drawn from <paramref name="environment"/> unless the options fix one.</summary>
    /// <param name="environment">The ML.NET environment of the catalog the trainer came from.</param>
    /// <param name="options">The options, validated here.</param>
    protected NeuralTrainer(IHostEnvironment environment, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _environment = environment;
        Options = options;
        _seed = options.Seed ?? environment.NextSeed();
    }

    /// <summary>The options.</summary>
    public TOptions Options { get; }

    /// <summary>What the trainer learns.</summary>
    public abstract NeuralTask Task { get; }

    /// <summary>The network recipe for the shapes found in the training data.</summary>
    /// <param name="shape">Input shapes, output width and steps.</param>
    protected abstract NeuralNetworkSpec CreateSpec(NeuralShape shape);

    /// <summary>The closed range every regression label value must lie in (e.g. [-1, 1] for valence and arousal); null
    /// for any finite value. A value outside it fails <see cref="Fit"/> with a <see cref="DataValidationException"/>
    /// naming the row.</summary>
    protected virtual (float Min, float Max)? LabelRange => null;

    /// <summary>The loss of one batch; the default is the task's (cross-entropy with the class weights, MSE, masked MSE).
    /// Override for a paper's own loss; a network implementing <see cref="INetworkLoss"/> supplies its own instead.</summary>
    /// <param name="output">The network's output for the batch.</param>
    /// <param name="batch">The batch's inputs.</param>
    /// <param name="targets">The batch's labels.</param>
    protected virtual Tensor Loss(Tensor output, NeuralBatch batch, NeuralTargets targets) =>
        NeuralLosses.Default(Task, output, targets, Options.ClassWeights is { } w ? torch.tensor(w, w.Length) : null);

    /// <inheritdoc />
    public NeuralPredictionTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var table = new TrainingTable(input, Options, Task, LabelRange);
        if (Options.ClassWeights is { } weights && weights.Length != table.OutputSize)
            throw new ArgumentException($"ClassWeights has {weights.Length} values for {table.OutputSize} classes.", nameof(Options.ClassWeights));
        var spec = CreateSpec(new NeuralShape(table.InputShapes, table.OutputSize, table.Steps));
        var generator = new Generator(_seed);
        var module = spec.Create(generator);
        var (train, validation) = SplitValidation(table, generator);
        Func<Tensor, NeuralBatch, NeuralTargets, Tensor> loss = module is INetworkLoss own ? own.Loss : Loss;
        var history = new NeuralTrainingRun(Options, Task, loss, _environment, table, spec, module, generator, train, validation).Run();
        module.eval();
        return new NeuralPredictionTransformer(spec, module, Task, Options.FeatureColumnNames, Options.LengthColumnName, table.LabelColumn,
            table.OutputSize, table.Steps, history);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        foreach (var name in Options.FeatureColumnNames)
            inputSchema.Require(name, "Single or a known-size vector of Single", SchemaShapes.IsSingleOrSingleVector);
        if (Task == NeuralTask.MulticlassClassification)
        {
            inputSchema.Require(Options.LabelColumnName, "a key label column", c => c.IsKey && c.Kind == SchemaShape.Column.VectorKind.Scalar);
            return inputSchema.With(
                SchemaShapes.Column("Score", new VectorDataViewType(NumberDataViewType.Single, 1)),
                SchemaShapes.Column("PredictedLabel", KeyColumns.Type(1)));
        }
        var target = inputSchema.Require(Options.LabelColumnName, "Single or a known-size vector of Single", SchemaShapes.IsSingleOrSingleVector);
        return inputSchema.With(target.Renamed("Score"));
    }

    private (int[] Train, int[] Validation) SplitValidation(TrainingTable table, Generator generator)
    {
        var rows = Enumerable.Range(0, table.Rows).ToArray();
        if (Options.ValidationFraction == 0) return (rows, []);
        if (table.Groups is { } groups)
        {
            var distinct = groups.Distinct(StringComparer.Ordinal).ToArray();
            NeuralTrainingRun.Shuffle(distinct, generator);
            int held = (int)Math.Floor(distinct.Length * Options.ValidationFraction);
            if (held == 0 || held == distinct.Length) return (rows, []);
            var heldOut = distinct[..held].ToHashSet(StringComparer.Ordinal);
            return (rows.Where(r => !heldOut.Contains(groups[r])).ToArray(), rows.Where(r => heldOut.Contains(groups[r])).ToArray());
        }
        NeuralTrainingRun.Shuffle(rows, generator);
        int count = (int)Math.Floor(rows.Length * Options.ValidationFraction);
        if (count == 0 || count == rows.Length) return (Enumerable.Range(0, table.Rows).ToArray(), []);
        return ([.. rows[count..].Order()], [.. rows[..count].Order()]);
    }
}
