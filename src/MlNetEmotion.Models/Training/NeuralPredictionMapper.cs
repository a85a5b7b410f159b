using MlNetEmotion.Data;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Training;

/// <summary>Reads a row's feature columns, runs the network and exposes Score (and PredictedLabel). Getters take the
/// row's raw network output from a source: one forward pass per row, or a slice of a batch scored ahead.</summary>
internal sealed class NeuralPredictionMapper : RowMapper
{
    private readonly NeuralPredictionTransformer _parent;
    private readonly DataViewSchema.Column[] _features;
    private readonly DataViewSchema.Column? _length;

    public NeuralPredictionMapper(NeuralPredictionTransformer parent, DataViewSchema schema) : base(schema)
    {
        _parent = parent;
        _features = [.. parent.FeatureColumnNames.Select(n => schema.GetColumnOrNull(n)
            ?? throw SchemaMismatchException.Missing(n, "a feature column as when trained", schema))];
        _length = parent.LengthColumnName is { } l ? schema.GetColumnOrNull(l) ?? throw SchemaMismatchException.Missing(l, "an Int32 length column", schema) : null;
        DataViewSchema.DetachedColumn[] scores = parent.Task == NeuralTask.MulticlassClassification
            ? [new("Score", parent.ScoreType, parent.ScoreAnnotations), new("PredictedLabel", KeyColumns.Type(parent.OutputSize), KeyColumns.Annotations(parent.ClassNames))]
            : [new("Score", parent.ScoreType, parent.ScoreAnnotations)];
        _scoreColumns = scores.Length;
        OutputColumns = [.. scores, .. parent.AuxiliaryColumns.Select(a => new DataViewSchema.DetachedColumn(a.Name, new VectorDataViewType(NumberDataViewType.Single, a.Dimensions)))];
    }

    private readonly int _scoreColumns;

    public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

    public override IEnumerable<DataViewSchema.Column> InputColumns => _length is { } l ? [.. _features, l] : _features;

    public override Delegate CreateGetter(DataViewRow input, int outputIndex)
    {
        var read = BatchReader(input);
        var cache = new PerRowCache<ScoredRow>(input, () => Outputs(Predict(read()), 1)[0]);
        return CreateGetter(outputIndex, cache.Get);
    }

    /// <summary>A getter of output <paramref name="outputIndex"/> from the current row's scored values.</summary>
    public Delegate CreateGetter(int outputIndex, Func<ScoredRow> scored)
    {
        if (outputIndex >= _scoreColumns)
        {
            int extra = outputIndex - _scoreColumns;
            return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => VectorValues.Assign(ref value, scored().Auxiliary[extra]));
        }
        if (outputIndex == 1)
            return (ValueGetter<uint>)((ref uint value) =>
            {
                var p = scored().Values;
                int best = 0;
                for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
                value = (uint)(best + 1);
            });
        return _parent.ScoreType is VectorDataViewType
            ? (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => VectorValues.Assign(ref value, scored().Values))
            : (ValueGetter<float>)((ref float value) => value = scored().Values[0]);
    }

    /// <summary>Per-row scored values (softmax probabilities for classification, raw values otherwise) of a batch's outputs.</summary>
    public ScoredRow[] Outputs((float[] Raw, IReadOnlyList<float[]> Auxiliary) predicted, int rows)
    {
        int width = _parent.RowWidth;
        var columns = _parent.AuxiliaryColumns;
        var result = new ScoredRow[rows];
        for (int i = 0; i < rows; i++)
        {
            var row = predicted.Raw.AsSpan(i * width, width).ToArray();
            if (_parent.Task == NeuralTask.MulticlassClassification) Softmax(row);
            var extra = new float[columns.Count][];
            for (int a = 0; a < extra.Length; a++) extra[a] = predicted.Auxiliary[a].AsSpan(i * columns[a].Width, columns[a].Width).ToArray();
            result[i] = new ScoredRow(row, extra);
        }
        return result;
    }

    /// <summary>The network's raw outputs and extra values for a batch.</summary>
    public (float[] Raw, IReadOnlyList<float[]> Auxiliary) Predict(NeuralBatch batch) => _parent.PredictWithAuxiliary(batch);

    /// <summary>Reads the current row of <paramref name="row"/> (a row, or a look-ahead cursor of
    /// <see cref="BatchedPredictionView"/>) as a batch of one.</summary>
    public Func<NeuralBatch> BatchReader(DataViewRow row)
    {
        var readers = _features.Select(c => VectorValues.DenseSingleReader(row, c)).ToArray();
        var length = _length is { } l ? row.GetGetter<int>(l) : null;
        return () =>
        {
            var inputs = new Tensor[_features.Length];
            for (int c = 0; c < _features.Length; c++)
            {
                var x = readers[c]();
                DataValidationException.RequireFinite(x, _features[c].Name, row.Position);
                var dims = _features[c].Type is VectorDataViewType v ? v.Dimensions.Select(d => (long)d) : [1L];
                inputs[c] = torch.tensor((float[])x.Clone(), [1, .. dims]);
            }
            int[]? lengths = null;
            if (length is not null)
            {
                int n = 0;
                length(ref n);
                lengths = [n];
            }
            return new NeuralBatch(inputs, lengths);
        };
    }

    private static void Softmax(Span<float> logits)
    {
        float max = logits[0];
        foreach (float x in logits) max = Math.Max(max, x);
        double sum = 0;
        for (int i = 0; i < logits.Length; i++) sum += logits[i] = MathF.Exp(logits[i] - max);
        for (int i = 0; i < logits.Length; i++) logits[i] = (float)(logits[i] / sum);
    }
}

/// <summary>One row's scored values (softmax probabilities or raw values) and its extra network outputs.</summary>
/// <param name="Values">Score values.</param>
/// <param name="Auxiliary">Per extra column, the row's values.</param>
internal sealed record ScoredRow(float[] Values, float[][] Auxiliary);
