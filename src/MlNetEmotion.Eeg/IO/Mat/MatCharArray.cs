namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>A MATLAB char array; each row is one string.</summary>
public sealed class MatCharArray : MatValue
{
    /// <summary>Creates a 1xN char array holding <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    public MatCharArray(string text) : this([text])
    {
    }

    /// <summary>Creates a char matrix from rows of equal length.</summary>
    /// <param name="rows">The rows.</param>
    public MatCharArray(string[] rows) : base([rows.Length, rows.Length == 0 ? 0 : rows[0].Length])
    {
        if (rows.Any(r => r.Length != rows[0].Length))
            throw new ArgumentException("All rows of a char matrix must have the same length.", nameof(rows));
        Rows = rows;
    }

    /// <inheritdoc />
    public override MatClass Class => MatClass.Char;

    /// <summary>The rows of the char matrix.</summary>
    public IReadOnlyList<string> Rows { get; }

    /// <summary>The rows joined with newlines (the text of a 1xN char array).</summary>
    public string Text => string.Join('\n', Rows);
}
