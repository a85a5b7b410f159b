namespace MlNetEmotion.Splitting;

/// <summary>One partition of the rows: training, held-out test and (for three-way splits) validation row indices.</summary>
/// <param name="TrainRows">Rows to fit on, ascending.</param>
/// <param name="TestRows">Rows to evaluate on, ascending.</param>
/// <param name="ValidationRows">Rows for model selection, ascending; empty for two-way splits.</param>
public sealed record DataSplit(int[] TrainRows, int[] TestRows, int[] ValidationRows);

/// <summary>What a splitter may look at: the row count, and per row a class label and a group (subject) when needed.</summary>
/// <param name="RowCount">Number of rows.</param>
/// <param name="Labels">Class of each row (any text), or null.</param>
/// <param name="Groups">Group (e.g. subject) of each row, or null.</param>
public sealed record SplitInput(int RowCount, IReadOnlyList<string>? Labels = null, IReadOnlyList<string>? Groups = null);

/// <summary>Partitions rows into folds; seeded splitters give the same folds for the same seed.</summary>
public abstract class DataSplitter
{
    /// <summary>True when <see cref="Split"/> reads <see cref="SplitInput.Labels"/>.</summary>
    public virtual bool NeedsLabels => false;

    /// <summary>True when <see cref="Split"/> reads <see cref="SplitInput.Groups"/>.</summary>
    public virtual bool NeedsGroups => false;

    /// <summary>Computes the splits.</summary>
    /// <exception cref="ArgumentException">Too few rows, classes or groups for the requested folds (the message says how many).</exception>
    public abstract IReadOnlyList<DataSplit> Split(SplitInput input);

    /// <summary>Builds k-fold splits from a fold number per row: fold f is the test set of split f.</summary>
    protected static IReadOnlyList<DataSplit> FromFoldAssignment(int[] foldOfRow, int folds)
    {
        var splits = new DataSplit[folds];
        for (int f = 0; f < folds; f++)
        {
            var test = new List<int>();
            var train = new List<int>();
            for (int i = 0; i < foldOfRow.Length; i++) (foldOfRow[i] == f ? test : train).Add(i);
            splits[f] = new DataSplit(train.ToArray(), test.ToArray(), []);
        }
        return splits;
    }

    /// <summary>Labels of the input, or an exception saying this splitter needs them.</summary>
    protected IReadOnlyList<string> RequireLabels(SplitInput input) => input.Labels is { } l && l.Count == input.RowCount
        ? l : throw new ArgumentException($"{GetType().Name} needs one label per row ({input.RowCount}); pass a stratification column.");

    /// <summary>Groups of the input, or an exception saying this splitter needs them.</summary>
    protected IReadOnlyList<string> RequireGroups(SplitInput input) => input.Groups is { } g && g.Count == input.RowCount
        ? g : throw new ArgumentException($"{GetType().Name} needs one group per row ({input.RowCount}); pass a sampling key column such as 'Subject'.");

    /// <summary>Checks a fold count against what is available.</summary>
    protected static void CheckFolds(int folds, int available, string what)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "numberOfFolds must be at least 2.");
        if (available < folds)
            throw new ArgumentException($"numberOfFolds is {folds} but there are only {available} {what}: each fold needs at least one.");
    }

    /// <summary>Distinct values in order of first appearance.</summary>
    protected static string[] Distinct(IReadOnlyList<string> values) => values.Distinct(StringComparer.Ordinal).ToArray();
}
