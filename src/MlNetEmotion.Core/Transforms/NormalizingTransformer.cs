using MlNetEmotion.Data;

namespace MlNetEmotion.Transforms;

/// <summary>Applies the per-slot affine map <c>y = (x - offset) * scale</c> learned by a <see cref="NormalizingEstimator"/>.</summary>
public sealed class NormalizingTransformer : RowToRowTransformerBase
{
    /// <summary>Learned parameters of one column.</summary>
    /// <param name="OutputColumnName">Column produced.</param>
    /// <param name="InputColumnName">Column read.</param>
    /// <param name="Offset">Per-slot offset.</param>
    /// <param name="Scale">Per-slot scale.</param>
    public sealed record ColumnParameters(string OutputColumnName, string InputColumnName, double[] Offset, double[] Scale);

    /// <summary>Creates the transformer from learned parameters.</summary>
    public NormalizingTransformer(IReadOnlyList<ColumnParameters> columns) => Columns = columns;

    /// <summary>The learned parameters per column.</summary>
    public IReadOnlyList<ColumnParameters> Columns { get; }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <inheritdoc />
    public override void Save(ModelSaveContext context)
    {
        context.Writer.Write(Columns.Count);
        foreach (var c in Columns)
        {
            context.Writer.Write(c.OutputColumnName);
            context.Writer.Write(c.InputColumnName);
            context.Write(c.Offset);
            context.Write(c.Scale);
        }
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    public static NormalizingTransformer Load(ModelLoadContext context)
    {
        int n = context.Reader.ReadInt32();
        var columns = new ColumnParameters[n];
        for (int i = 0; i < n; i++)
            columns[i] = new ColumnParameters(context.Reader.ReadString(), context.Reader.ReadString(), context.ReadDoubles(), context.ReadDoubles());
        return new NormalizingTransformer(columns);
    }

    private sealed class Mapper : RowMapper
    {
        private readonly NormalizingTransformer _parent;
        private readonly DataViewSchema.Column[] _inputs;

        public Mapper(NormalizingTransformer parent, DataViewSchema schema) : base(schema)
        {
            _parent = parent;
            _inputs = parent.Columns.Select(c =>
            {
                var column = ColumnChecks.RequireSingleOrAnySingleVector(schema, c.InputColumnName);
                if (column.Type is VectorDataViewType { IsKnownSize: true } or NumberDataViewType && ColumnChecks.SlotCount(column.Type) != c.Offset.Length)
                    throw new SchemaMismatchException(c.InputColumnName, $"{c.Offset.Length} slots as when fitted", $"{ColumnChecks.SlotCount(column.Type)} slots");
                return column;
            }).ToArray();
            OutputColumns = parent.Columns.Select((c, i) => new DataViewSchema.DetachedColumn(c.OutputColumnName,
                _inputs[i].Type is VectorDataViewType { IsKnownSize: false } ? new VectorDataViewType(NumberDataViewType.Single, c.Offset.Length) : _inputs[i].Type,
                _inputs[i].Annotations)).ToArray();
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

        public override IEnumerable<DataViewSchema.Column> InputColumns => _inputs;

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var p = _parent.Columns[outputIndex];
            var read = SingleColumnReader.Create(input, _inputs[outputIndex]);
            var column = _inputs[outputIndex];
            float Map(float x, int j, long row)
            {
                if (!float.IsFinite(x)) throw DataValidationException.NonFinite(column.Name, row, j, x);
                return (float)((x - p.Offset[j]) * p.Scale[j]);
            }
            if (column.Type is not VectorDataViewType)
                return (ValueGetter<float>)((ref float value) => value = Map(read()[0], 0, input.Position));
            var cache = new PerRowCache<float[]>(input, () =>
            {
                var x = read();
                if (x.Length != p.Offset.Length)
                    throw new DataValidationException($"Column '{column.Name}', row {input.Position}: {x.Length} values, expected {p.Offset.Length} as when fitted.", column.Name, input.Position);
                var y = new float[x.Length];
                for (int j = 0; j < x.Length; j++) y[j] = Map(x[j], j, input.Position);
                return y;
            });
            return (ValueGetter<float[]>)((ref float[] value) => value = cache.Get());
        }
    }
}
