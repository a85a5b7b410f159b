using MlNetEmotion.Data;

namespace MlNetEmotion.Transforms;

/// <summary>Concatenates numeric scalar and vector columns of one item type into a single vector column.</summary>
public sealed class ColumnConcatenatingTransformer : RowToRowTransformerBase
{
    /// <summary>Creates the transformer.</summary>
    public ColumnConcatenatingTransformer(string outputColumnName, params string[] inputColumnNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        if (inputColumnNames is null || inputColumnNames.Length == 0)
            throw new ArgumentException("Concatenate needs at least one input column.", nameof(inputColumnNames));
        OutputColumnName = outputColumnName;
        InputColumnNames = inputColumnNames;
    }

    /// <summary>Name of the vector column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Names of the concatenated columns, in order.</summary>
    public IReadOnlyList<string> InputColumnNames { get; }

    /// <summary>The pre-flight output shape.</summary>
    internal SchemaShape GetOutputShape(SchemaShape input)
    {
        DataViewType? item = null;
        bool known = true;
        foreach (var name in InputColumnNames)
        {
            var c = input.Require(name, "a numeric scalar or vector", c => c.ItemType is NumberDataViewType && !c.IsKey);
            if (item is not null && !item.Equals(c.ItemType))
                throw new SchemaMismatchException(name, $"item type {item} like '{InputColumnNames[0]}'", c.ItemType.ToString()!);
            item = c.ItemType;
            known &= c.Kind != SchemaShape.VectorKind.VariableVector;
        }
        return input.With(new SchemaShape.Column(OutputColumnName,
            known ? SchemaShape.VectorKind.Vector : SchemaShape.VectorKind.VariableVector, item!, false));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <inheritdoc />
    public override void Save(ModelSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Write(InputColumnNames);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    public static ColumnConcatenatingTransformer Load(ModelLoadContext context) =>
        new(context.Reader.ReadString(), context.ReadStrings());

    private sealed class Mapper : RowMapper
    {
        private readonly DataViewSchema.Column[] _inputs;
        private readonly DataViewSchema.DetachedColumn _output;

        public Mapper(ColumnConcatenatingTransformer parent, DataViewSchema schema) : base(schema)
        {
            parent.GetOutputShape(SchemaShape.Create(schema));
            _inputs = parent.InputColumnNames.Select(n => schema[n]).ToArray();
            var item = (PrimitiveDataViewType)(_inputs[0].Type is VectorDataViewType v ? v.ItemType : _inputs[0].Type);
            int size = _inputs.Any(c => c.Type is VectorDataViewType { IsKnownSize: false }) ? 0 : _inputs.Sum(c => ColumnChecks.SlotCount(c.Type));
            _output = new(parent.OutputColumnName, new VectorDataViewType(item, size));
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns => [_output];

        public override IEnumerable<DataViewSchema.Column> InputColumns => _inputs;

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var itemType = ((VectorDataViewType)_output.Type).ItemType.RawType;
            var method = typeof(Mapper).GetMethod(nameof(MakeGetter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(itemType);
            return (Delegate)method.Invoke(this, [input])!;
        }

        private ValueGetter<T[]> MakeGetter<T>(DataViewRow input)
        {
            var parts = _inputs.Select(c => c.Type is VectorDataViewType
                ? ReadVector<T>(input, c)
                : ReadScalar<T>(input, c)).ToArray();
            var cache = new PerRowCache<T[]>(input, () =>
            {
                var pieces = parts.Select(p => p()).ToArray();
                var result = new T[pieces.Sum(p => p.Length)];
                int offset = 0;
                foreach (var p in pieces)
                {
                    p.CopyTo(result, offset);
                    offset += p.Length;
                }
                return result;
            });
            return (ref T[] value) => value = cache.Get();
        }

        private static Func<T[]> ReadVector<T>(DataViewRow input, DataViewSchema.Column c)
        {
            var g = input.GetGetter<T[]>(c);
            return () => { T[] v = []; g(ref v); return v; };
        }

        private static Func<T[]> ReadScalar<T>(DataViewRow input, DataViewSchema.Column c)
        {
            var g = input.GetGetter<T>(c);
            return () => { T v = default!; g(ref v); return [v]; };
        }
    }
}
