using MlNetEmotion.Data;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Training;

/// <summary>The training rows as a neural trainer sees them: labels, lengths and groups in memory (a few numbers per row),
/// features streamed from the view one mini-batch at a time, so a table far larger than memory trains in bounded memory.</summary>
internal sealed class TrainingTable
{
    private readonly IDataView _data;
    private readonly DataViewSchema.Column[] _features;
    private readonly int[] _widths;

    public TrainingTable(IDataView data, NeuralTrainerOptions options, NeuralTask task, (float Min, float Max)? labelRange = null)
    {
        _data = data;
        _features = options.FeatureColumnNames.Select(n => FeatureColumn(data.Schema, n)).ToArray();
        InputShapes = _features.Select(c => c.Type is VectorDataViewType v ? v.Dimensions.ToArray() : [1]).ToArray();
        _widths = InputShapes.Select(s => s.Aggregate(1, (a, b) => a * b)).ToArray();
        var label = data.Schema.GetColumnOrNull(options.LabelColumnName)
            ?? throw SchemaMismatchException.Missing(options.LabelColumnName, task == NeuralTask.MulticlassClassification ? "a key label column" : "a Single label column", data.Schema);
        LabelColumn = label;
        (Rows, ClassIndices, Targets, TargetWidth, Steps) = ReadLabels(data, label, task, labelRange);
        if (Rows == 0) throw DataValidationException.Empty("Training");
        Lengths = options.LengthColumnName is { } l ? ReadLengths(data, l, Steps) : null;
        Groups = options.ValidationGroupColumnName is { } g ? data.GetColumn<string>(g).ToArray() : null;
        OutputSize = task == NeuralTask.MulticlassClassification ? (int)((KeyDataViewType)label.Type).Count : TargetWidth;
    }

    public int Rows { get; }

    public DataViewSchema.Column LabelColumn { get; }

    public IReadOnlyList<int[]> InputShapes { get; }

    public long[]? ClassIndices { get; }

    public float[]? Targets { get; }

    public int TargetWidth { get; }

    public int Steps { get; }

    public int OutputSize { get; }

    public int[]? Lengths { get; }

    public string[]? Groups { get; }

    /// <summary>Reads the features of <paramref name="rows"/> (ascending) in one pass of a cursor.</summary>
    public NeuralBatch ReadBatch(int[] rows)
    {
        var buffers = _widths.Select(w => new float[rows.Length * w]).ToArray();
        using (var cursor = _data.GetRowCursor(_features))
        {
            var readers = _features.Select(c => VectorValues.DenseSingleReader(cursor, c)).ToArray();
            long position = -1;
            for (int i = 0; i < rows.Length; i++)
            {
                while (position < rows[i])
                {
                    if (!cursor.MoveNext()) throw new InvalidOperationException($"Row {rows[i]} is past the end of the training view.");
                    position++;
                }
                for (int c = 0; c < _features.Length; c++)
                {
                    var x = readers[c]();
                    if (x.Length != _widths[c])
                        throw new DataValidationException($"Column '{_features[c].Name}', row {position}: {x.Length} values, expected {_widths[c]}.", _features[c].Name, position);
                    DataValidationException.RequireFinite(x, _features[c].Name, position);
                    x.CopyTo(buffers[c], i * _widths[c]);
                }
            }
        }
        var inputs = buffers.Select((b, c) => torch.tensor(b, [rows.Length, .. InputShapes[c].Select(d => (long)d)])).ToArray();
        return new NeuralBatch(inputs, Lengths is null ? null : rows.Select(r => Lengths[r]).ToArray());
    }

    private static DataViewSchema.Column FeatureColumn(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name) ?? throw SchemaMismatchException.Missing(name, "Single or a known-size vector of Single", schema);
        bool ok = column.Type == NumberDataViewType.Single || column.Type is VectorDataViewType { IsKnownSize: true } v && v.ItemType == NumberDataViewType.Single;
        return ok ? column : throw new SchemaMismatchException(name, "Single or a known-size vector of Single", column.Type.ToString());
    }

    private static (int Rows, long[]? Classes, float[]? Targets, int Width, int Steps) ReadLabels(IDataView data, DataViewSchema.Column label, NeuralTask task, (float Min, float Max)? range)
    {
        if (task == NeuralTask.MulticlassClassification)
        {
            if (label.Type is not KeyDataViewType key)
                throw new SchemaMismatchException(label.Name, "a key label column (map it with MapValueToKey or Transforms.Labels)", label.Type.ToString());
            var classes = data.GetColumn<uint>(label.Name).Select((l, i) => l == 0
                ? throw new DataValidationException($"Column '{label.Name}', row {i}: the label is missing (key 0).", label.Name, i)
                : (long)l - 1).ToArray();
            var counts = new int[key.Count];
            foreach (long c in classes) counts[c]++;
            int absent = Array.IndexOf(counts, 0);
            if (absent >= 0)
                throw new DataValidationException($"Column '{label.Name}': class '{KeyColumns.ClassNames(label)[absent]}' (key {absent + 1} of {key.Count}) has no training rows; every class needs at least one.", label.Name);
            return (classes.Length, classes, null, 0, 0);
        }
        bool scalar = label.Type == NumberDataViewType.Single;
        if (!scalar && label.Type is not VectorDataViewType { IsKnownSize: true, ItemType: NumberDataViewType } vt)
            throw new SchemaMismatchException(label.Name, "Single or a known-size vector of Single", label.Type.ToString());
        var dims = label.Type is VectorDataViewType v ? v.Dimensions.ToArray() : [1];
        if (label.Type is VectorDataViewType w && w.ItemType != NumberDataViewType.Single)
            throw new SchemaMismatchException(label.Name, "Single or a known-size vector of Single", label.Type.ToString());
        int steps = task == NeuralTask.SequenceRegression ? dims[0] : 0;
        int width = task == NeuralTask.SequenceRegression ? dims.Skip(1).Aggregate(1, (a, b) => a * b) : dims.Aggregate(1, (a, b) => a * b);
        var values = new List<float>();
        int rows = 0;
        using (var cursor = data.GetRowCursor([label]))
        {
            var read = VectorValues.DenseSingleReader(cursor, label);
            while (cursor.MoveNext())
            {
                var y = read();
                for (int j = 0; j < y.Length; j++)
                {
                    if (!float.IsFinite(y[j])) throw DataValidationException.NonFinite(label.Name, cursor.Position, j, y[j]);
                    if (range is { } r && (y[j] < r.Min || y[j] > r.Max))
                        throw new DataValidationException($"Column '{label.Name}', row {cursor.Position}, slot {j}: label {y[j]} is outside [{r.Min}, {r.Max}].", label.Name, cursor.Position);
                }
                values.AddRange(y);
                rows++;
            }
        }
        return (rows, null, values.ToArray(), width, steps);
    }

    private static int[] ReadLengths(IDataView data, string name, int steps)
    {
        var lengths = data.GetColumn<int>(name).ToArray();
        for (int i = 0; i < lengths.Length; i++)
            if (lengths[i] < 1 || steps > 0 && lengths[i] > steps)
                throw new DataValidationException($"Column '{name}', row {i}: length {lengths[i]} is outside 1..{(steps > 0 ? steps : int.MaxValue)}.", name, i);
        return lengths;
    }
}
