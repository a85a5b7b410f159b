using System.Text;
using MlNetEmotion.Data;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Models.Training;

/// <summary>
/// A trained network as an ML.NET transformer. Classification adds <c>Score</c> (softmax probabilities, slot names = class
/// names) and <c>PredictedLabel</c> (key of the most probable class, ties to the lower key, with the label's class names),
/// as ML.NET's multiclass trainers do; regression adds <c>Score</c> shaped like the label (<c>[steps, targets]</c> for
/// sequences). A network implementing <see cref="IAuxiliaryOutputs"/> adds its named extra columns after these.
/// <see cref="Transform"/> scores in batches of <see cref="InferenceBatchSize"/> rows; ML.NET's prediction
/// engine scores one row at a time through <see cref="GetRowToRowMapper"/>.
/// </summary>
[StepFormat("MlNetEmotion.NeuralPrediction", 1)]
public sealed class NeuralPredictionTransformer : ITransformer, ISavableStep
{
    private readonly DataViewType _labelType;
    private readonly DataViewSchema.Annotations _labelAnnotations;

    internal NeuralPredictionTransformer(NeuralNetworkSpec spec, Module<NeuralBatch, Tensor> module, NeuralTask task, IReadOnlyList<string> featureColumnNames,
        string? lengthColumnName, DataViewSchema.Column label, int outputSize, int steps, TrainingHistory history, int inferenceBatchSize = 64)
        : this(spec, module, task, featureColumnNames, lengthColumnName, label.Type, label.Annotations, outputSize, steps, history, inferenceBatchSize) { }

    private NeuralPredictionTransformer(NeuralNetworkSpec spec, Module<NeuralBatch, Tensor> module, NeuralTask task, IReadOnlyList<string> featureColumnNames,
        string? lengthColumnName, DataViewType labelType, DataViewSchema.Annotations labelAnnotations, int outputSize, int steps, TrainingHistory history,
        int inferenceBatchSize)
    {
        Spec = spec;
        Module = module;
        Task = task;
        FeatureColumnNames = featureColumnNames;
        LengthColumnName = lengthColumnName;
        _labelType = labelType;
        _labelAnnotations = labelAnnotations;
        OutputSize = outputSize;
        Steps = steps;
        History = history;
        InferenceBatchSize = inferenceBatchSize;
        ClassNames = task == NeuralTask.MulticlassClassification
            ? KeyColumns.Texts(labelAnnotations, KeyColumns.KeyValues) is { } names && names.Length == outputSize
                ? names : [.. Enumerable.Range(1, outputSize).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : [];
    }

    /// <summary>The network's recipe.</summary>
    public NeuralNetworkSpec Spec { get; }

    /// <summary>The trained network (evaluation mode).</summary>
    public Module<NeuralBatch, Tensor> Module { get; }

    /// <summary>What the network predicts.</summary>
    public NeuralTask Task { get; }

    /// <summary>Feature columns read, in the network's input order.</summary>
    public IReadOnlyList<string> FeatureColumnNames { get; }

    /// <summary>Length column of padded sequences, or null.</summary>
    public string? LengthColumnName { get; }

    /// <summary>Classes (classification) or targets per step.</summary>
    public int OutputSize { get; }

    /// <summary>Steps per row (sequence regression), else 0.</summary>
    public int Steps { get; }

    /// <summary>Class names in key order (classification), else empty.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Per-epoch losses and metrics of the training run.</summary>
    public TrainingHistory History { get; }

    /// <summary>Rows per batch when transforming a view.</summary>
    public int InferenceBatchSize { get; }

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => new NeuralPredictionMapper(this, inputSchema).GetOutputSchema();

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new BatchedPredictionView(input, new NeuralPredictionMapper(this, input.Schema), InferenceBatchSize);
    }

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new RowMapperAdapter(new NeuralPredictionMapper(this, inputSchema));

    /// <summary>The network's raw outputs (logits or values) for a batch, without gradients.</summary>
    /// <param name="batch">Inputs shaped as in training.</param>
    public float[] Predict(NeuralBatch batch) => PredictWithAuxiliary(batch).Raw;

    /// <summary>The network's raw outputs for a batch and, per <see cref="AuxiliaryColumns"/> entry, its extra values.</summary>
    internal (float[] Raw, IReadOnlyList<float[]> Auxiliary) PredictWithAuxiliary(NeuralBatch batch)
    {
        using var _ = torch.no_grad();
        Module.eval();
        var raw = Module.forward(batch).ToArray();
        return (raw, Module is IAuxiliaryOutputs extra ? extra.LastAuxiliaryValues : []);
    }

    /// <summary>Extra columns the network gives besides the scores (attention weights, frames read, ...); empty for most.</summary>
    public IReadOnlyList<AuxiliaryColumn> AuxiliaryColumns => Module is IAuxiliaryOutputs extra ? extra.AuxiliaryColumns : [];

    /// <summary>The output columns' types.</summary>
    internal DataViewType ScoreType => Task switch
    {
        NeuralTask.MulticlassClassification => new VectorDataViewType(NumberDataViewType.Single, OutputSize),
        _ => _labelType,
    };

    internal DataViewSchema.Annotations? ScoreAnnotations => Task == NeuralTask.MulticlassClassification
        ? KeyColumns.SlotNameAnnotations(ClassNames)
        : KeyColumns.Texts(_labelAnnotations, KeyColumns.SlotNames) is { } slots ? KeyColumns.SlotNameAnnotations(slots) : null;

    /// <summary>Per-row output width of the network.</summary>
    internal int RowWidth => Task == NeuralTask.SequenceRegression ? Steps * OutputSize : OutputSize;

    /// <inheritdoc />
    public void Save(StepSaveContext context)
    {
        var w = context.Writer;
        w.Write((int)Task);
        context.Write(FeatureColumnNames);
        w.Write(LengthColumnName ?? "");
        context.Write(_labelType);
        context.Write(_labelAnnotations);
        w.Write(OutputSize);
        w.Write(Steps);
        w.Write(InferenceBatchSize);
        NeuralNetworkSpec.WriteAny(w, Spec);
        StateDictFormat.Write(w, Module.state_dict());
        History.Write(w);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    public static NeuralPredictionTransformer Load(StepLoadContext context)
    {
        var r = context.Reader;
        var task = (NeuralTask)r.ReadInt32();
        var features = context.ReadStrings();
        string length = r.ReadString();
        var labelType = context.ReadType();
        var labelAnnotations = context.ReadAnnotations();
        int outputSize = r.ReadInt32(), steps = r.ReadInt32(), batch = r.ReadInt32();
        var spec = NeuralNetworkSpec.ReadAny(r, context.Source);
        var module = spec.Create(new Generator(0));
        module.load_state_dict(StateDictFormat.Read(r, context.Source));
        module.eval();
        var history = TrainingHistory.Read(r, context.Source);
        return new NeuralPredictionTransformer(spec, module, task, features, length.Length == 0 ? null : length, labelType, labelAnnotations,
            outputSize, steps, history, batch);
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw StepSaveContext.NotThroughMlNet(GetType());
}
