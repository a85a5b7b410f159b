using System.Globalization;
using System.Text;

namespace MlNetEmotion.Evaluation;

/// <summary>Counts of (true class, predicted class) pairs, with per-class precision and recall, as scikit-learn computes
/// them (ML.NET's <see cref="ConfusionMatrix"/> cannot be built outside ML.NET's evaluators).</summary>
public sealed class ConfusionCounts
{
    /// <summary>Creates a matrix from counts[true][predicted].</summary>
    public ConfusionCounts(IReadOnlyList<string> classNames, long[,] counts)
    {
        if (counts.GetLength(0) != classNames.Count || counts.GetLength(1) != classNames.Count)
            throw new ArgumentException($"Counts are {counts.GetLength(0)}x{counts.GetLength(1)} for {classNames.Count} classes.", nameof(counts));
        ClassNames = classNames.ToArray();
        Counts = (long[,])counts.Clone();
    }

    /// <summary>Class names, in key order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes.</summary>
    public int NumberOfClasses => ClassNames.Count;

    /// <summary>counts[true, predicted].</summary>
    public long[,] Counts { get; }

    /// <summary>Rows of the given true class predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => Counts[actual, predicted];

    /// <summary>Per-class precision: correct / predicted as that class (0 when never predicted, as scikit-learn).</summary>
    public IReadOnlyList<double> PerClassPrecision =>
        Enumerable.Range(0, NumberOfClasses).Select(k => Ratio(Counts[k, k], ColumnSum(k))).ToArray();

    /// <summary>Per-class recall: correct / rows of that class (0 when the class is absent).</summary>
    public IReadOnlyList<double> PerClassRecall =>
        Enumerable.Range(0, NumberOfClasses).Select(k => Ratio(Counts[k, k], RowSum(k))).ToArray();

    /// <summary>Sum of counts in row <paramref name="actual"/> (the class's support).</summary>
    public long RowSum(int actual) => Enumerable.Range(0, NumberOfClasses).Sum(j => Counts[actual, j]);

    /// <summary>Sum of counts in column <paramref name="predicted"/>.</summary>
    public long ColumnSum(int predicted) => Enumerable.Range(0, NumberOfClasses).Sum(i => Counts[i, predicted]);

    /// <summary>Element-wise sum of matrices over the same classes (pooling folds).</summary>
    public static ConfusionCounts Sum(IEnumerable<ConfusionCounts> matrices)
    {
        ConfusionCounts? total = null;
        long[,]? counts = null;
        foreach (var m in matrices)
        {
            total ??= m;
            counts ??= new long[m.NumberOfClasses, m.NumberOfClasses];
            if (!m.ClassNames.SequenceEqual(total.ClassNames))
                throw new ArgumentException("Confusion matrices over different classes cannot be pooled.", nameof(matrices));
            for (int i = 0; i < m.NumberOfClasses; i++)
                for (int j = 0; j < m.NumberOfClasses; j++) counts[i, j] += m.Counts[i, j];
        }
        return total is null ? throw new ArgumentException("No matrices to pool.", nameof(matrices)) : new ConfusionCounts(total.ClassNames, counts!);
    }

    /// <summary>A text table: rows are true classes, columns predicted classes, with recall per row and precision per column.</summary>
    public string GetFormattedConfusionTable()
    {
        int width = Math.Max(9, ClassNames.Max(n => n.Length) + 1);
        var sb = new StringBuilder();
        sb.Append("True \\ Predicted".PadRight(width + 8));
        foreach (var n in ClassNames) sb.Append(n.PadLeft(width));
        sb.Append("Recall".PadLeft(width)).AppendLine();
        var recall = PerClassRecall;
        for (int i = 0; i < NumberOfClasses; i++)
        {
            sb.Append(ClassNames[i].PadRight(width + 8));
            for (int j = 0; j < NumberOfClasses; j++) sb.Append(Counts[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(width));
            sb.Append(recall[i].ToString("F4", CultureInfo.InvariantCulture).PadLeft(width)).AppendLine();
        }
        sb.Append("Precision".PadRight(width + 8));
        foreach (var p in PerClassPrecision) sb.Append(p.ToString("F4", CultureInfo.InvariantCulture).PadLeft(width));
        return sb.AppendLine().ToString();
    }

    private static double Ratio(long a, long b) => b == 0 ? 0 : (double)a / b;
}
