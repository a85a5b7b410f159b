namespace MlNetEmotion.Transforms;

/// <summary>Reads a Single or Single-vector column of the current row as a span, without per-row allocation for scalars.</summary>
public static class SingleColumnReader
{
    /// <summary>A reader of <paramref name="column"/> (Single scalar or Single vector) on <paramref name="row"/>.</summary>
    public static Func<float[]> Create(DataViewRow row, DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType)
        {
            var getter = row.GetGetter<float[]>(column);
            return () =>
            {
                float[] v = [];
                getter(ref v);
                return v ?? throw new DataValidationException($"Column '{column.Name}', row {row.Position}: the vector is null.", column.Name, row.Position);
            };
        }
        var scalar = row.GetGetter<float>(column);
        var buffer = new float[1];
        return () =>
        {
            scalar(ref buffer[0]);
            return buffer;
        };
    }
}
