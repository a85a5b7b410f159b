using System.Text;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Data;

/// <summary>A CSV file read whole (RFC 4180: comma separated, double-quoted fields with "" escapes, first line a header).</summary>
public sealed class CsvTable
{
    private CsvTable(string path, string[] header, List<(int Line, string[] Fields)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Column names from the first line, trimmed.</summary>
    public string[] Header { get; }

    /// <summary>Data rows with their 1-based line numbers in the file.</summary>
    public List<(int Line, string[] Fields)> Rows { get; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Malformed, not a regular file, or longer than <see cref="ReadLimits.MaxTextBytes"/>:
    /// the message names the file and line.</exception>
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file.", path);
        Func<string, Exception> error = detail => new InvalidDataException($"{path}: {detail}");
        long length = InputFile.Check(path, null, error);
        ReadLimits.Check(length, ReadLimits.Default.MaxTextBytes, "the file size in bytes", nameof(ReadLimits.MaxTextBytes), error);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0])) throw new InvalidDataException($"{path} line 1: the header is empty.");
        var header = Split(lines[0], path, 1).Select(h => h.Trim()).ToArray();
        var rows = new List<(int, string[])>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var fields = Split(lines[i], path, i + 1);
            if (fields.Length != header.Length)
                throw new InvalidDataException($"{path} line {i + 1}: {fields.Length} fields, the header has {header.Length}.");
            rows.Add((i + 1, fields));
        }
        if (rows.Count == 0) throw new InvalidDataException($"{path}: no data rows after the header.");
        return new CsvTable(path, header, rows);
    }

    /// <summary>Index of column <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">No such column (the columns are listed).</exception>
    public int Column(string name)
    {
        int i = Array.IndexOf(Header, name);
        return i >= 0 ? i : throw new InvalidDataException($"{Path} line 1: no column '{name}' (columns: {string.Join(", ", Header)}).");
    }

    private static string[] Split(string line, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"')
            {
                if (field.Length > 0) throw new InvalidDataException($"{path} line {lineNumber}: a quote inside an unquoted field at column {i + 1}.");
                quoted = true;
            }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) throw new InvalidDataException($"{path} line {lineNumber}: unterminated quoted field.");
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
