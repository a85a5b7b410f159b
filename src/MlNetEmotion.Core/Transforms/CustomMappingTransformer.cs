using System.Collections.Concurrent;
using MlNetEmotion.Data;

namespace MlNetEmotion.Transforms;

/// <summary>A user-written row mapping: reads the columns of <typeparamref name="TSrc"/>'s members, calls the action,
/// and adds the members of <typeparamref name="TDst"/> as columns. Saving needs a contract name registered with
/// <see cref="CustomMappingRegistry.Register{TSrc, TDst}"/> so that loading can find the action again.</summary>
/// <typeparam name="TSrc">Input row class.</typeparam>
/// <typeparam name="TDst">Output row class.</typeparam>
public sealed class CustomMappingTransformer<TSrc, TDst> : RowToRowTransformerBase
    where TSrc : class, new()
    where TDst : class, new()
{
    private readonly TypeColumnMap _source = TypeColumnMap.For(typeof(TSrc));
    private readonly TypeColumnMap _destination = TypeColumnMap.For(typeof(TDst));

    /// <summary>Creates the transformer.</summary>
    public CustomMappingTransformer(Action<TSrc, TDst> mapAction, string? contractName = null)
    {
        MapAction = mapAction ?? throw new ArgumentNullException(nameof(mapAction));
        ContractName = contractName;
    }

    /// <summary>The mapping.</summary>
    public Action<TSrc, TDst> MapAction { get; }

    /// <summary>Name under which the mapping is registered for loading, or null.</summary>
    public string? ContractName { get; }

    internal SchemaShape GetOutputShape(SchemaShape input)
    {
        foreach (var m in _source.Members)
            input.Require(m.ColumnName, m.ColumnType.ToString()!,
                c => c.ItemType.Equals(m.ColumnType is VectorDataViewType v ? v.ItemType : m.ColumnType));
        return input.With(_destination.Members.Select(m => SchemaShape.FromType(m.ColumnName, m.ColumnType)).ToArray());
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <inheritdoc />
    public override void Save(ModelSaveContext context)
    {
        if (ContractName is null)
            throw new NotSupportedException(
                $"A custom mapping {typeof(TSrc).Name} -> {typeof(TDst).Name} without a contract name cannot be saved: pass contractName and register it with CustomMappingRegistry.Register.");
        context.Writer.Write(ContractName);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>, finding its action in the registry.</summary>
    public static CustomMappingTransformer<TSrc, TDst> Load(ModelLoadContext context)
    {
        string name = context.Reader.ReadString();
        return new CustomMappingTransformer<TSrc, TDst>(CustomMappingRegistry.Find<TSrc, TDst>(name, context.Source), name);
    }

    private sealed class Mapper : RowMapper
    {
        private readonly CustomMappingTransformer<TSrc, TDst> _parent;
        private readonly DataViewSchema.Column[] _inputs;

        public Mapper(CustomMappingTransformer<TSrc, TDst> parent, DataViewSchema schema) : base(schema)
        {
            _parent = parent;
            _inputs = parent._source.Members.Select(m => ColumnChecks.Require(schema, m.ColumnName,
                $"{m.ValueType.Name} (for {typeof(TSrc).Name}.{m.Info.Name})", t => t.RawType == m.ValueType)).ToArray();
            OutputColumns = parent._destination.Members.Select(m => new DataViewSchema.DetachedColumn(m.ColumnName, m.ColumnType)).ToArray();
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

        public override IEnumerable<DataViewSchema.Column> InputColumns => _inputs;

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var readers = _inputs.Select(c => DataViewExtensions.GetBoxedGetter(input, c)).ToArray();
            var cache = new PerRowCache<TDst>(input, () =>
            {
                var src = new TSrc();
                for (int i = 0; i < readers.Length; i++) _parent._source.Members[i].Set(src, readers[i]());
                var dst = new TDst();
                _parent.MapAction(src, dst);
                return dst;
            });
            var member = _parent._destination.Members[outputIndex];
            var method = typeof(Mapper).GetMethod(nameof(Getter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(member.ValueType);
            return (Delegate)method.Invoke(null, [cache, member])!;
        }

        private static ValueGetter<T> Getter<T>(PerRowCache<TDst> cache, TypeColumnMap.Member member) =>
            (ref T value) => value = (T)member.Get(cache.Get())!;
    }
}

/// <summary>Named custom mappings, so that a saved model with a custom mapping can be loaded in another process.</summary>
public static class CustomMappingRegistry
{
    private static readonly ConcurrentDictionary<string, Delegate> Mappings = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="mapAction"/> under <paramref name="contractName"/> (call it before loading).</summary>
    public static void Register<TSrc, TDst>(string contractName, Action<TSrc, TDst> mapAction)
    {
        ArgumentException.ThrowIfNullOrEmpty(contractName);
        Mappings[contractName] = mapAction ?? throw new ArgumentNullException(nameof(mapAction));
    }

    internal static Action<TSrc, TDst> Find<TSrc, TDst>(string contractName, string source) =>
        Mappings.TryGetValue(contractName, out var d) && d is Action<TSrc, TDst> a
            ? a
            : throw new InvalidDataException($"{source}: custom mapping '{contractName}' ({typeof(TSrc).Name} -> {typeof(TDst).Name}) is not registered; call CustomMappingRegistry.Register first.");
}
