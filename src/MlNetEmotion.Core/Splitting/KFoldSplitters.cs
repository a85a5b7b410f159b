namespace MlNetEmotion.Splitting;

/// <summary>k-fold cross-validation over rows: folds of sizes differing by at most one, rows shuffled by seed.</summary>
public sealed class KFoldSplitter(int numberOfFolds = 5, int seed = 0, bool shuffle = true) : DataSplitter
{
    /// <inheritdoc />
    public override IReadOnlyList<DataSplit> Split(SplitInput input)
    {
        CheckFolds(numberOfFolds, input.RowCount, "rows");
        var order = Enumerable.Range(0, input.RowCount).ToArray();
        if (shuffle) new Random(seed).Shuffle(order);
        var fold = new int[input.RowCount];
        for (int i = 0; i < order.Length; i++) fold[order[i]] = (int)((long)i * numberOfFolds / order.Length);
        return FromFoldAssignment(fold, numberOfFolds);
    }
}

/// <summary>Stratified k-fold: each class's rows (shuffled by seed) are dealt round-robin over the folds, so every
/// fold holds each class in proportion (counts differ by at most one) and fold sizes differ by at most one.</summary>
public sealed class StratifiedKFoldSplitter(int numberOfFolds = 5, int seed = 0) : DataSplitter
{
    /// <inheritdoc />
    public override bool NeedsLabels => true;

    /// <inheritdoc />
    public override IReadOnlyList<DataSplit> Split(SplitInput input)
    {
        var labels = RequireLabels(input);
        CheckFolds(numberOfFolds, input.RowCount, "rows");
        var random = new Random(seed);
        var fold = new int[input.RowCount];
        int next = 0;
        foreach (var label in Distinct(labels).Order(StringComparer.Ordinal))
        {
            var rows = Enumerable.Range(0, input.RowCount).Where(i => labels[i] == label).ToArray();
            random.Shuffle(rows);
            foreach (int r in rows)
            {
                fold[r] = next;
                next = (next + 1) % numberOfFolds;
            }
        }
        return FromFoldAssignment(fold, numberOfFolds);
    }
}

/// <summary>Group k-fold: whole groups (subjects) go to folds, largest first onto the fold with the fewest rows, so a
/// group is never in two folds and fold sizes are balanced. Groups of equal size are ordered by seed.</summary>
public sealed class GroupKFoldSplitter(int numberOfFolds = 5, int seed = 0) : DataSplitter
{
    /// <inheritdoc />
    public override bool NeedsGroups => true;

    /// <inheritdoc />
    public override IReadOnlyList<DataSplit> Split(SplitInput input)
    {
        var groups = RequireGroups(input);
        var names = Distinct(groups);
        CheckFolds(numberOfFolds, names.Length, "distinct groups");
        new Random(seed).Shuffle(names);
        var sizes = groups.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var foldOfGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var load = new long[numberOfFolds];
        foreach (var name in names.OrderByDescending(n => sizes[n]))
        {
            int target = Array.IndexOf(load, load.Min());
            foldOfGroup[name] = target;
            load[target] += sizes[name];
        }
        return FromFoldAssignment(groups.Select(g => foldOfGroup[g]).ToArray(), numberOfFolds);
    }
}

/// <summary>Leave-one-group-out: one split per group (subject), in ordinal order of the group names.</summary>
public sealed class LeaveOneGroupOutSplitter : DataSplitter
{
    /// <inheritdoc />
    public override bool NeedsGroups => true;

    /// <inheritdoc />
    public override IReadOnlyList<DataSplit> Split(SplitInput input)
    {
        var groups = RequireGroups(input);
        var names = Distinct(groups).Order(StringComparer.Ordinal).ToArray();
        CheckFolds(names.Length, names.Length, "distinct groups");
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        return FromFoldAssignment(groups.Select(g => index[g]).ToArray(), names.Length);
    }
}
