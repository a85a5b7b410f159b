using System.Collections;

namespace MlNetEmotion;

/// <summary>The ordered columns of a <see cref="IDataView"/>. When two columns share a name the later one wins
/// and the earlier one becomes hidden, as in ML.NET.</summary>
public sealed class DataViewSchema : IReadOnlyList<DataViewSchema.Column>
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _byName;

    private DataViewSchema(Column[] columns)
    {
        _columns = columns;
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++) _byName[columns[i].Name] = i;
    }

    /// <summary>An empty schema.</summary>
    public static DataViewSchema Empty { get; } = new([]);

    /// <summary>Number of columns, hidden ones included.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="index"/>.</summary>
    public Column this[int index] => _columns[index];

    /// <summary>The visible column named <paramref name="name"/>.</summary>
    /// <exception cref="SchemaMismatchException">No such column.</exception>
    public Column this[string name] => GetColumnOrNull(name)
        ?? throw SchemaMismatchException.Missing(name, "a column", this);

    /// <summary>The visible column named <paramref name="name"/>, or null.</summary>
    public Column? GetColumnOrNull(string name) => _byName.TryGetValue(name, out int i) ? _columns[i] : null;

    /// <inheritdoc />
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _columns.Where(c => !c.IsHidden).Select(c => $"{c.Name}: {c.Type}"));

    /// <summary>One column: name, position, type and annotations.</summary>
    public readonly struct Column
    {
        internal Column(string name, int index, bool isHidden, DataViewType type, Annotations annotations)
        {
            Name = name; Index = index; IsHidden = isHidden; Type = type; Annotations = annotations;
        }

        /// <summary>Column name.</summary>
        public string Name { get; }

        /// <summary>Position in the schema.</summary>
        public int Index { get; }

        /// <summary>True when a later column has the same name.</summary>
        public bool IsHidden { get; }

        /// <summary>Type of the values.</summary>
        public DataViewType Type { get; }

        /// <summary>Extra information such as class names or slot names.</summary>
        public Annotations Annotations { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Name} ({Type})";
    }

    /// <summary>A column not yet attached to a schema: what a transform declares it adds.</summary>
    /// <param name="Name">Column name.</param>
    /// <param name="Type">Column type.</param>
    /// <param name="Annotations">Annotations, or null for none.</param>
    public sealed record DetachedColumn(string Name, DataViewType Type, Annotations? Annotations = null);

    /// <summary>Named metadata attached to a column (class names, slot names, ...).</summary>
    public sealed class Annotations
    {
        private readonly Dictionary<string, object> _values;

        /// <summary>Creates annotations from name/value pairs.</summary>
        public Annotations(IReadOnlyDictionary<string, object>? values = null) =>
            _values = values is null ? new(StringComparer.Ordinal) : new(values, StringComparer.Ordinal);

        /// <summary>No annotations.</summary>
        public static Annotations Empty { get; } = new();

        /// <summary>Annotation names present.</summary>
        public IEnumerable<string> Names => _values.Keys;

        /// <summary>Annotations carrying class names for a key column.</summary>
        public static Annotations ForKeyValues(IReadOnlyList<string> classNames) =>
            new(new Dictionary<string, object> { [AnnotationNames.KeyValues] = classNames.ToArray() });

        /// <summary>Annotations carrying slot names for a vector column.</summary>
        public static Annotations ForSlotNames(IReadOnlyList<string> slotNames) =>
            new(new Dictionary<string, object> { [AnnotationNames.SlotNames] = slotNames.ToArray() });

        /// <summary>Gets an annotation value.</summary>
        /// <exception cref="KeyNotFoundException">The annotation is absent.</exception>
        /// <exception cref="InvalidCastException">The annotation is not of type <typeparamref name="T"/>.</exception>
        public T GetValue<T>(string name)
        {
            if (!_values.TryGetValue(name, out var v)) throw new KeyNotFoundException($"Annotation '{name}' is not present.");
            return v is T t ? t : throw new InvalidCastException($"Annotation '{name}' is {v.GetType().Name}, not {typeof(T).Name}.");
        }

        /// <summary>Tries to get an annotation value of type <typeparamref name="T"/>.</summary>
        public bool TryGetValue<T>(string name, out T value)
        {
            if (_values.TryGetValue(name, out var v) && v is T t) { value = t; return true; }
            value = default!;
            return false;
        }
    }

    /// <summary>Builds a schema column by column.</summary>
    public sealed class Builder
    {
        private readonly List<DetachedColumn> _columns = [];

        /// <summary>Adds a column.</summary>
        public Builder AddColumn(string name, DataViewType type, Annotations? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(type);
            _columns.Add(new DetachedColumn(name, type, annotations));
            return this;
        }

        /// <summary>Adds every column of <paramref name="schema"/> (hidden ones included, in order).</summary>
        public Builder AddColumns(IEnumerable<Column> schema)
        {
            foreach (var c in schema) _columns.Add(new DetachedColumn(c.Name, c.Type, c.Annotations));
            return this;
        }

        /// <summary>Adds detached columns.</summary>
        public Builder AddColumns(IEnumerable<DetachedColumn> columns)
        {
            _columns.AddRange(columns);
            return this;
        }

        /// <summary>Creates the schema.</summary>
        public DataViewSchema ToSchema()
        {
            var last = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _columns.Count; i++) last[_columns[i].Name] = i;
            var columns = _columns.Select((c, i) =>
                new Column(c.Name, i, last[c.Name] != i, c.Type, c.Annotations ?? Annotations.Empty)).ToArray();
            return new DataViewSchema(columns);
        }
    }
}
