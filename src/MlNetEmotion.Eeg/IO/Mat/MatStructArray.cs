namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>A MATLAB struct array: the same fields for every element, elements in column-major order.</summary>
public sealed class MatStructArray : MatValue
{
    private readonly MatValue[] values;

    /// <summary>Creates a struct array.</summary>
    /// <param name="dimensions">MATLAB dimensions.</param>
    /// <param name="fieldNames">Field names.</param>
    /// <param name="values">Field values, element-major: element 0's fields, then element 1's, and so on.</param>
    public MatStructArray(int[] dimensions, string[] fieldNames, MatValue[] values) : base(dimensions)
    {
        if (values.Length != Count * fieldNames.Length)
            throw new ArgumentException($"{Count} elements x {fieldNames.Length} fields need {Count * fieldNames.Length} values; got {values.Length}.", nameof(values));
        FieldNames = fieldNames;
        this.values = values;
    }

    /// <summary>Creates a 1x1 struct from named fields.</summary>
    /// <param name="fields">Field names and values, in order.</param>
    public MatStructArray(IReadOnlyList<KeyValuePair<string, MatValue>> fields)
        : this([1, 1], fields.Select(f => f.Key).ToArray(), fields.Select(f => f.Value).ToArray())
    {
    }

    /// <inheritdoc />
    public override MatClass Class => MatClass.Struct;

    /// <summary>Field names in file order.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>Value of a field of one element.</summary>
    /// <param name="field">Field name.</param>
    /// <param name="element">Element index in column-major order (0 for a 1x1 struct).</param>
    /// <exception cref="KeyNotFoundException">The struct has no such field.</exception>
    public MatValue this[string field, int element = 0]
    {
        get
        {
            int f = FieldNames.ToList().IndexOf(field);
            if (f < 0)
                throw new KeyNotFoundException($"The struct has no field '{field}'; fields: {string.Join(", ", FieldNames)}.");
            return values[element * FieldNames.Count + f];
        }
    }
}
