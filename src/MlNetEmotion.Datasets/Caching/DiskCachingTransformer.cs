using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.Runtime;
using MlNetEmotion.Data;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Datasets.Caching;

/// <summary>Wraps a fitted step whose columns are expensive (topomaps, face crops, MFCCs) and keeps them on disk:
/// a row's entry is keyed by a SHA-256 of the toolkit version, the wrapped step's saved state (its options and what
/// it learned) and the row's key-column values. A hit is byte-identical to a fresh computation; a corrupt or
/// mismatching entry is recomputed (on the row being read, in whatever order the rows come) and rewritten atomically. A
/// cache that cannot be written (read-only, full disk) is logged once and the values are still returned. Per-row
/// prediction (<see cref="GetRowToRowMapper"/>) goes to the wrapped step without the cache.</summary>
public sealed class DiskCachingTransformer : ITransformer, ISavableStep
{
    private static readonly string ToolkitVersion =
        typeof(DiskCachingTransformer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    private readonly IHostEnvironment _environment;
    private readonly string _stepHash;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="environment">The ML.NET environment that gets the cache's log messages.</param>
    /// <param name="inner">The fitted step whose output columns are cached.</param>
    /// <param name="options">Where and whether to cache.</param>
    /// <exception cref="NotSupportedException">The wrapped step cannot be saved, so it has no stable identity.</exception>
    public DiskCachingTransformer(IHostEnvironment environment, ITransformer inner, DiskCacheOptions options)
    {
        _environment = environment;
        Inner = inner;
        Options = options;
        _stepHash = Convert.ToHexString(SHA256.HashData(StepIdentity.Of(inner)));
    }

    /// <summary>The wrapped step.</summary>
    public ITransformer Inner { get; }

    /// <summary>The cache settings.</summary>
    public DiskCacheOptions Options { get; }

    /// <summary>Hits and misses since creation.</summary>
    public (long Hits, long Misses) Statistics => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    private long _hits;
    private long _misses;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Inner.GetOutputSchema(inputSchema);

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        var computed = Inner.Transform(input);
        if (!Options.Enabled) return computed;
        var added = computed.Schema.Skip(input.Schema.Count).ToArray();
        foreach (var c in added)
            if (!ValueCodec.CanEncode(c.Type))
                throw new NotSupportedException($"Column '{c.Name}' of type {c.Type} cannot be cached on disk.");
        var keys = (Options.KeyColumns?.Select(n => input.Schema[n])
            ?? input.Schema.Where(c => !c.IsHidden && ValueCodec.CanEncode(c.Type))).ToArray();
        foreach (var k in keys)
            if (!ValueCodec.CanEncode(k.Type)) throw new SchemaMismatchException(k.Name, "a hashable key column (numbers, text, keys)", k.Type.ToString());
        _environment.WriteLog("DiskCache", $"caching {string.Join(", ", added.Select(c => c.Name))} in {Options.Directory}");
        return new RowMappedDataView(input, new Mapper(this, input, added, keys));
    }

    /// <inheritdoc />
    public bool IsRowToRowMapper => Inner.IsRowToRowMapper;

    /// <summary>The wrapped step's row mapper: a single prediction computes its columns without the cache.</summary>
    /// <param name="inputSchema">The schema of the rows to map.</param>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Inner.GetRowToRowMapper(inputSchema);

    /// <inheritdoc />
    public void Save(StepSaveContext context) => context.SaveModel(Inner);

    void ICanSaveModel.Save(ModelSaveContext ctx) => throw StepSaveContext.NotThroughMlNet(GetType());

    /// <summary>Loading gives back the wrapped step without its cache (a cache is a property of a machine).</summary>
    /// <param name="context">Where the step was saved.</param>
    public static ITransformer Load(StepLoadContext context) => context.LoadModel();

    private int _writeFailureLogged;

    /// <summary>Stores an entry; a cache that cannot be written does not stop the computation (logged once).</summary>
    private void Store(string key, DataViewType[] types, object?[] values)
    {
        try { DiskCacheEntry.Write(Options.Directory, key, types, values); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _writeFailureLogged, 1) == 0)
                _environment.WriteLog("DiskCache", $"warning: cannot write to {Options.Directory} ({e.Message}); values are computed without caching.");
        }
    }

    private sealed class Mapper : RowMapper
    {
        private readonly DiskCachingTransformer _parent;
        private readonly DataViewSchema.Column[] _added;
        private readonly DataViewSchema.Column[] _keys;

        public Mapper(DiskCachingTransformer parent, IDataView input, DataViewSchema.Column[] added, DataViewSchema.Column[] keys)
            : base(input.Schema)
        {
            _parent = parent;
            _added = added;
            _keys = keys;
            // Every input column: on a miss the wrapped step runs on the current row and may read any of them.
            InputColumns = input.Schema.ToArray();
            OutputColumns = added.Select(c => new DataViewSchema.DetachedColumn(c.Name, c.Type, c.Annotations)).ToArray();
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

        public override IEnumerable<DataViewSchema.Column> InputColumns { get; }

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var state = RowState.For(this, input);
            var method = typeof(Mapper).GetMethod(nameof(Getter), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(_added[outputIndex].Type.RawType);
            return (Delegate)method.Invoke(null, [state, outputIndex])!;
        }

        private static ValueGetter<T> Getter<T>(RowState state, int index) =>
            typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(VBuffer<>)
                ? (ValueGetter<T>)typeof(Mapper).GetMethod(nameof(VectorGetter), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(typeof(T).GetGenericArguments()[0]).Invoke(null, [state, index])!
                : (ref T value) => value = (T)state.Values()[index]!;

        /// <summary>Vectors are copied out, so a caller cannot change the row's cached values.</summary>
        private static ValueGetter<VBuffer<T>> VectorGetter<T>(RowState state, int index) =>
            (ref VBuffer<T> value) => ((VBuffer<T>)state.Values()[index]!).CopyTo(ref value);

        public override void DisposeRowState(DataViewRow input) => RowState.Release(input);

        /// <summary>Per input cursor: the row's key, the cached values, and (on a miss) the wrapped step applied to a
        /// one-row view of the row the cursor is on.</summary>
        private sealed class RowState
        {
            private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DataViewRow, RowState> States = new();
            private readonly Mapper _mapper;
            private readonly PerRowCache<object?[]> _values;
            private readonly Func<object?>[] _keyReaders;
            private readonly Lazy<IDataView> _computed;

            private RowState(Mapper mapper, DataViewRow input)
            {
                _mapper = mapper;
                _keyReaders = mapper._keys.Select(k => DataViewExtensions.GetBoxedGetter(input, k)).ToArray();
                _values = new PerRowCache<object?[]>(input, Load);
                _computed = new(() => mapper._parent.Inner.Transform(new CurrentRowView(input)));
            }

            public static RowState For(Mapper mapper, DataViewRow input) => States.GetValue(input, i => new RowState(mapper, i));

            public static void Release(DataViewRow input) => States.Remove(input);

            public object?[] Values() => _values.Get();

            private object?[] Load()
            {
                string key = Key();
                var types = _mapper._added.Select(c => c.Type).ToArray();
                var cached = DiskCacheEntry.TryRead(_mapper._parent.Options.Directory, key, types);
                if (cached is not null)
                {
                    Interlocked.Increment(ref _mapper._parent._hits);
                    return cached;
                }
                Interlocked.Increment(ref _mapper._parent._misses);
                var values = Compute();
                _mapper._parent.Store(key, types, values);
                return values;
            }

            /// <summary>Runs the wrapped step on the current row alone and reads the added columns.</summary>
            private object?[] Compute()
            {
                var computed = _computed.Value;
                var columns = _mapper._added.Select(c => computed.Schema[c.Index]).ToArray();
                using var cursor = computed.GetRowCursor(columns);
                if (!cursor.MoveNext()) throw new InvalidOperationException("The cached step produced no row for its input row.");
                return columns.Select(c => ValueCodec.Own(DataViewExtensions.GetBoxedGetter(cursor, c)(), c.Type)).ToArray();
            }

            private string Key()
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using var buffer = new MemoryStream();
                using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
                {
                    w.Write(ToolkitVersion);
                    w.Write(_mapper._parent._stepHash);
                    for (int i = 0; i < _keyReaders.Length; i++)
                    {
                        w.Write(_mapper._keys[i].Name);
                        ValueCodec.Write(w, _mapper._keys[i].Type, _keyReaders[i]());
                    }
                }
                hash.AppendData(buffer.GetBuffer(), 0, (int)buffer.Length);
                return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
            }
        }
    }
}
