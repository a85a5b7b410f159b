namespace MlNetEmotion.Splitting;

/// <summary>One train / validation / test split of whole groups by ratio, e.g. the papers' 5:1:1 by subject.
/// Groups are shuffled by seed and apportioned by the largest-remainder method; each part gets at least one group
/// when its ratio is positive.</summary>
public sealed class GroupRatioSplitter : DataSplitter
{
    private readonly double[] _ratios;
    private readonly int _seed;

    /// <summary>Creates the splitter.</summary>
    /// <param name="trainRatio">Share of groups for training (default 5).</param>
    /// <param name="validationRatio">Share for validation (default 1; 0 for a two-way split).</param>
    /// <param name="testRatio">Share for testing (default 1).</param>
    /// <param name="seed">Shuffle seed.</param>
    public GroupRatioSplitter(double trainRatio = 5, double validationRatio = 1, double testRatio = 1, int seed = 0)
    {
        if (trainRatio <= 0 || testRatio <= 0 || validationRatio < 0)
            throw new ArgumentOutOfRangeException(nameof(trainRatio), "Train and test ratios must be positive and validation non-negative.");
        _ratios = [trainRatio, validationRatio, testRatio];
        _seed = seed;
    }

    /// <inheritdoc />
    public override bool NeedsGroups => true;

    /// <inheritdoc />
    public override IReadOnlyList<DataSplit> Split(SplitInput input)
    {
        var groups = RequireGroups(input);
        var names = Distinct(groups).Order(StringComparer.Ordinal).ToArray();
        int parts = _ratios.Count(r => r > 0);
        if (names.Length < parts)
            throw new ArgumentException($"A {string.Join(":", _ratios)} split needs at least {parts} distinct groups; found {names.Length}.");
        new Random(_seed).Shuffle(names);
        var counts = Apportion(names.Length, _ratios);
        var partOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int next = 0;
        for (int p = 0; p < 3; p++)
            for (int j = 0; j < counts[p]; j++) partOf[names[next++]] = p;
        var rows = new List<int>[] { [], [], [] };
        for (int i = 0; i < groups.Count; i++) rows[partOf[groups[i]]].Add(i);
        return [new DataSplit(rows[0].ToArray(), rows[2].ToArray(), rows[1].ToArray())];
    }

    private static int[] Apportion(int total, double[] ratios)
    {
        double sum = ratios.Sum();
        var exact = ratios.Select(r => r / sum * total).ToArray();
        var counts = exact.Select((e, i) => ratios[i] > 0 ? Math.Max(1, (int)Math.Floor(e)) : 0).ToArray();
        while (counts.Sum() > total) counts[Array.IndexOf(counts, counts.Max())]--;
        while (counts.Sum() < total)
        {
            int best = Enumerable.Range(0, 3).Where(i => ratios[i] > 0).MaxBy(i => exact[i] - counts[i]);
            counts[best]++;
        }
        return counts;
    }
}

/// <summary>Per-group stratified split (EAV's protocol): within each group and class, a fraction of the rows
/// (shuffled by seed, rounded half away from zero) goes to training and the rest to testing — e.g. 56 of 80.</summary>
public sealed class PerGroupStratifiedSplitter(double trainFraction = 0.7, int seed = 0) : DataSplitter
{
    /// <inheritdoc />
    public override bool NeedsLabels => true;

    /// <inheritdoc />
    public override bool NeedsGroups => true;

    /// <inheritdoc />
    public override IReadOnlyList<DataSplit> Split(SplitInput input)
    {
        if (trainFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "trainFraction must be in (0, 1).");
        var labels = RequireLabels(input);
        var groups = RequireGroups(input);
        var random = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        var cells = Enumerable.Range(0, input.RowCount)
            .GroupBy(i => (groups[i], labels[i]))
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            var rows = cell.ToArray();
            random.Shuffle(rows);
            int nTrain = (int)Math.Round(trainFraction * rows.Length, MidpointRounding.AwayFromZero);
            train.AddRange(rows.Take(nTrain));
            test.AddRange(rows.Skip(nTrain));
        }
        return [new DataSplit(train.Order().ToArray(), test.Order().ToArray(), [])];
    }
}
