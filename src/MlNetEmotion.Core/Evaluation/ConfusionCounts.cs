using System.Globalization;
using System.Text;

namespace MlNetEmotion.Evaluation;

/// <summary>Counts of (true class, predicted class) pairs, with per-class precision and recall, as scikit-learn computes
/// them (ML.NET's <see cref="ConfusionMatrix"/> cannot be built outside ML.NET's evaluators). Only the non-zero cells
/// are stored, so memory grows with the rows evaluated and the number of classes, never with classes squared: 50,000
/// distinct classes cost a few megabytes.</summary>
public sealed class ConfusionCounts
{
    /// <summary>The most classes <see cref="GetFormattedConfusionTable"/> prints (the table has one column per class).</summary>
    public const int MaxFormattedClasses = 100;

    private readonly Dictionary<long, long> _cells = [];
    private readonly long[] _rowSums;
    private readonly long[] _columnSums;
    private ConfusionCell[]? _sortedCells;

    /// <summary>Creates a matrix from dense counts[true][predicted].</summary>
    /// <exception cref="ArgumentException">The counts are not classes x classes, or a count is negative.</exception>
    public ConfusionCounts(IReadOnlyList<string> classNames, long[,] counts)
        : this(classNames, DenseCells(classNames, counts))
    {
    }

    /// <summary>Creates a matrix from its cells; cells naming the same (true, predicted) pair add up and zero counts are dropped.</summary>
    /// <exception cref="ArgumentException">A cell's class is outside 0..classes-1 or its count is negative (the cell is named).</exception>
    public ConfusionCounts(IReadOnlyList<string> classNames, IEnumerable<ConfusionCell> cells)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(cells);
        ClassNames = classNames.ToArray();
        int k = ClassNames.Count;
        _rowSums = new long[k];
        _columnSums = new long[k];
        foreach (var cell in cells)
        {
            if ((uint)cell.Actual >= (uint)k || (uint)cell.Predicted >= (uint)k || cell.Count < 0)
                throw new ArgumentException($"Cell ({cell.Actual}, {cell.Predicted}) = {cell.Count}: classes must be in 0..{k - 1} and counts non-negative.", nameof(cells));
            Add(cell.Actual, cell.Predicted, cell.Count);
        }
    }

    /// <summary>Class names, in key order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes.</summary>
    public int NumberOfClasses => ClassNames.Count;

    /// <summary>Sum of all counts: the rows evaluated.</summary>
    public long Total => _rowSums.Sum();

    /// <summary>Sum of the diagonal: the rows classified right.</summary>
    public long Correct => Cells.Where(c => c.Actual == c.Predicted).Sum(c => c.Count);

    /// <summary>The non-zero cells, by true class and then predicted class.</summary>
    public IReadOnlyList<ConfusionCell> Cells => _sortedCells ??= _cells
        .Select(c => new ConfusionCell((int)(c.Key / NumberOfClasses), (int)(c.Key % NumberOfClasses), c.Value))
        .OrderBy(c => c.Actual).ThenBy(c => c.Predicted).ToArray();

    /// <summary>Rows of the given true class predicted as <paramref name="predicted"/> (0 for a pair never seen).</summary>
    public long this[int actual, int predicted] => _cells.GetValueOrDefault(Key(actual, predicted));

    /// <summary>Per-class precision: correct / predicted as that class (0 when never predicted, as scikit-learn).</summary>
    public IReadOnlyList<double> PerClassPrecision =>
        Enumerable.Range(0, NumberOfClasses).Select(k => Ratio(this[k, k], _columnSums[k])).ToArray();

    /// <summary>Per-class recall: correct / rows of that class (0 when the class is absent).</summary>
    public IReadOnlyList<double> PerClassRecall =>
        Enumerable.Range(0, NumberOfClasses).Select(k => Ratio(this[k, k], _rowSums[k])).ToArray();

    /// <summary>Sum of counts in row <paramref name="actual"/> (the class's support).</summary>
    public long RowSum(int actual) => _rowSums[actual];

    /// <summary>Sum of counts in column <paramref name="predicted"/>.</summary>
    public long ColumnSum(int predicted) => _columnSums[predicted];

    /// <summary>Element-wise sum of matrices over the same classes (pooling folds).</summary>
    /// <exception cref="ArgumentException">No matrices, or matrices over different classes.</exception>
    public static ConfusionCounts Sum(IEnumerable<ConfusionCounts> matrices)
    {
        var all = matrices.ToArray();
        if (all.Length == 0) throw new ArgumentException("No matrices to pool.", nameof(matrices));
        if (all.Any(m => !m.ClassNames.SequenceEqual(all[0].ClassNames)))
            throw new ArgumentException("Confusion matrices over different classes cannot be pooled.", nameof(matrices));
        return new ConfusionCounts(all[0].ClassNames, all.SelectMany(m => m.Cells));
    }

    /// <summary>A text table: rows are true classes, columns predicted classes, with recall per row and precision per
    /// column. It has one column per class, so it is refused beyond <see cref="MaxFormattedClasses"/> classes (read
    /// <see cref="Cells"/> instead).</summary>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxFormattedClasses"/> classes.</exception>
    public string GetFormattedConfusionTable()
    {
        if (NumberOfClasses > MaxFormattedClasses)
            throw new InvalidOperationException(
                $"A confusion table of {NumberOfClasses} classes would have {NumberOfClasses} columns; at most {MaxFormattedClasses} are printed (read Cells instead).");
        int width = Math.Max(9, ClassNames.Max(n => n.Length) + 1);
        var sb = new StringBuilder();
        sb.Append("True \\ Predicted".PadRight(width + 8));
        foreach (var n in ClassNames) sb.Append(n.PadLeft(width));
        sb.Append("Recall".PadLeft(width)).AppendLine();
        var recall = PerClassRecall;
        for (int i = 0; i < NumberOfClasses; i++)
        {
            sb.Append(ClassNames[i].PadRight(width + 8));
            for (int j = 0; j < NumberOfClasses; j++) sb.Append(this[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(width));
            sb.Append(recall[i].ToString("F4", CultureInfo.InvariantCulture).PadLeft(width)).AppendLine();
        }
        sb.Append("Precision".PadRight(width + 8));
        foreach (var p in PerClassPrecision) sb.Append(p.ToString("F4", CultureInfo.InvariantCulture).PadLeft(width));
        return sb.AppendLine().ToString();
    }

    private void Add(int actual, int predicted, long count)
    {
        if (count == 0) return;
        long key = Key(actual, predicted);
        _cells[key] = _cells.GetValueOrDefault(key) + count;
        _rowSums[actual] += count;
        _columnSums[predicted] += count;
    }

    private long Key(int actual, int predicted) => (long)actual * NumberOfClasses + predicted;

    private static IEnumerable<ConfusionCell> DenseCells(IReadOnlyList<string> classNames, long[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) != classNames.Count || counts.GetLength(1) != classNames.Count)
            throw new ArgumentException($"Counts are {counts.GetLength(0)}x{counts.GetLength(1)} for {classNames.Count} classes.", nameof(counts));
        for (int i = 0; i < counts.GetLength(0); i++)
            for (int j = 0; j < counts.GetLength(1); j++)
                if (counts[i, j] != 0) yield return new ConfusionCell(i, j, counts[i, j]);
    }

    private static double Ratio(long a, long b) => b == 0 ? 0 : (double)a / b;
}
