using System.Globalization;
using System.Text;

namespace MlNetEmotion.Data;

/// <summary>The first rows of a view, computed eagerly, for looking at in a debugger or printing.</summary>
public sealed class DataDebuggerPreview
{
    internal DataDebuggerPreview(IDataView data, int maxRows)
    {
        Schema = data.Schema;
        var columns = data.Schema.Where(c => !c.IsHidden).ToArray();
        var rows = new List<KeyValuePair<string, object?>[]>();
        using (var cursor = data.GetRowCursor(columns))
        {
            var readers = columns.Select(c => DataViewExtensions.GetBoxedGetter(cursor, c)).ToArray();
            while (rows.Count < maxRows && cursor.MoveNext())
                rows.Add(columns.Select((c, i) => new KeyValuePair<string, object?>(c.Name, readers[i]())).ToArray());
        }
        RowView = rows;
        ColumnView = columns.Select((c, i) => new KeyValuePair<string, object?[]>(c.Name, rows.Select(r => r[i].Value).ToArray())).ToArray();
    }

    /// <summary>Schema of the previewed view.</summary>
    public DataViewSchema Schema { get; }

    /// <summary>Rows, each a list of (column, value).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>[]> RowView { get; }

    /// <summary>Columns, each (name, values).</summary>
    public IReadOnlyList<KeyValuePair<string, object?[]>> ColumnView { get; }

    /// <summary>A plain-text table of the previewed rows (vectors abbreviated).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(" | ", ColumnView.Select(c => c.Key)));
        foreach (var row in RowView) sb.AppendLine(string.Join(" | ", row.Select(v => Format(v.Value))));
        return sb.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        Array a => $"[{string.Join(", ", a.Cast<object>().Take(5).Select(x => Convert.ToString(x, CultureInfo.InvariantCulture)))}{(a.Length > 5 ? $", ... ({a.Length})" : "")}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
