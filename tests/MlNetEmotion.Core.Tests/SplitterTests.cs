using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Splitting;

namespace MlNetEmotion.Core.Tests;

/// <summary>Invariants of the splitters, checked on random inputs: disjoint, covering, balanced, groups kept whole.</summary>
public class SplitterTests
{
    private static Gen<(int Rows, int Folds, int Groups, int Classes, int Seed)> Inputs =>
        from rows in Gen.Choose(10, 120)
        from folds in Gen.Choose(2, 6)
        from groups in Gen.Choose(folds, Math.Min(12, rows))   // every group gets at least one row
        from classes in Gen.Choose(2, 4)
        from seed in Gen.Choose(0, 1000)
        select (rows, folds, groups, classes, seed);

    private static SplitInput MakeInput((int Rows, int Folds, int Groups, int Classes, int Seed) p)
    {
        var random = new Random(p.Seed);
        var groups = Enumerable.Range(0, p.Rows).Select(i => $"g{(i < p.Groups ? i : random.Next(p.Groups))}").ToArray();
        var labels = Enumerable.Range(0, p.Rows).Select(_ => $"c{random.Next(p.Classes)}").ToArray();
        return new SplitInput(p.Rows, labels, groups);
    }

    private static bool Partitions(IReadOnlyList<DataSplit> splits, int rows) =>
        splits.All(s => s.TrainRows.Length + s.TestRows.Length == rows && !s.TrainRows.Intersect(s.TestRows).Any())
        && splits.SelectMany(s => s.TestRows).Order().SequenceEqual(Enumerable.Range(0, rows));

    [Fact]
    public void KFold_partitions_with_sizes_within_one() =>
        Prop.ForAll(Inputs.ToArbitrary(), p =>
        {
            var splits = new KFoldSplitter(p.Folds, p.Seed).Split(MakeInput(p));
            var sizes = splits.Select(s => s.TestRows.Length).ToArray();
            return Partitions(splits, p.Rows) && splits.Count == p.Folds && sizes.Max() - sizes.Min() <= 1;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void StratifiedKFold_balances_every_class_within_one() =>
        Prop.ForAll(Inputs.ToArbitrary(), p =>
        {
            var input = MakeInput(p);
            var splits = new StratifiedKFoldSplitter(p.Folds, p.Seed).Split(input);
            var perClass = input.Labels!.Distinct().All(label =>
            {
                var counts = splits.Select(s => s.TestRows.Count(r => input.Labels![r] == label)).ToArray();
                return counts.Max() - counts.Min() <= 1;
            });
            var sizes = splits.Select(s => s.TestRows.Length).ToArray();
            return Partitions(splits, p.Rows) && perClass && sizes.Max() - sizes.Min() <= 1;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void GroupKFold_never_puts_a_group_in_two_folds() =>
        Prop.ForAll(Inputs.ToArbitrary(), p =>
        {
            var input = MakeInput(p);
            var splits = new GroupKFoldSplitter(p.Folds, p.Seed).Split(input);
            var groupsPerFold = splits.Select(s => s.TestRows.Select(r => input.Groups![r]).ToHashSet()).ToArray();
            bool disjointGroups = groupsPerFold.SelectMany(g => g).Count() == input.Groups!.Distinct().Count();
            return Partitions(splits, p.Rows) && disjointGroups && splits.All(s => s.TestRows.Length > 0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void LeaveOneGroupOut_tests_each_group_alone() =>
        Prop.ForAll(Inputs.ToArbitrary(), p =>
        {
            var input = MakeInput(p);
            var splits = new LeaveOneGroupOutSplitter().Split(input);
            return Partitions(splits, p.Rows) && splits.Count == p.Groups
                && splits.All(s => s.TestRows.Select(r => input.Groups![r]).Distinct().Count() == 1);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void GroupRatio_5_1_1_keeps_subjects_whole_and_apportions_groups() =>
        Prop.ForAll(Inputs.ToArbitrary(), p =>
        {
            var input = MakeInput(p with { Groups = Math.Max(p.Groups, 3) });
            var split = new GroupRatioSplitter(5, 1, 1, p.Seed).Split(input).Single();
            var parts = new[] { split.TrainRows, split.ValidationRows, split.TestRows }.Select(rows => rows.Select(r => input.Groups![r]).ToHashSet()).ToArray();
            bool disjoint = !parts[0].Overlaps(parts[1]) && !parts[0].Overlaps(parts[2]) && !parts[1].Overlaps(parts[2]);
            bool covering = split.TrainRows.Concat(split.ValidationRows).Concat(split.TestRows).Order().SequenceEqual(Enumerable.Range(0, p.Rows));
            int g = parts.Sum(x => x.Count);
            // Largest remainder keeps each part within one group of its exact share once every part can have one.
            return disjoint && covering && parts.All(x => x.Count >= 1) && (g < 7 || Math.Abs(parts[0].Count - g * 5.0 / 7) <= 1.0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void GroupRatio_on_32_subjects_gives_23_5_4()
    {
        var groups = Enumerable.Range(0, 32 * 40).Select(i => $"s{i / 40:D2}").ToArray();
        var split = new GroupRatioSplitter(seed: 7).Split(new SplitInput(groups.Length, null, groups)).Single();
        Assert.Equal(23, split.TrainRows.Select(r => groups[r]).Distinct().Count());
        Assert.Equal(5, split.ValidationRows.Select(r => groups[r]).Distinct().Count());
        Assert.Equal(4, split.TestRows.Select(r => groups[r]).Distinct().Count());
    }

    [Fact]
    public void PerGroupStratified_takes_56_of_80_per_class_and_subject()
    {
        // EAV: per subject 5 classes x 80 clips (listening and speaking) -> 56 train, 24 test per class.
        var groups = new List<string>();
        var labels = new List<string>();
        for (int s = 0; s < 3; s++)
            for (int c = 0; c < 5; c++)
                for (int i = 0; i < 80; i++) { groups.Add($"s{s}"); labels.Add($"c{c}"); }
        var split = new PerGroupStratifiedSplitter(0.7, seed: 1).Split(new SplitInput(groups.Count, labels, groups)).Single();
        foreach (var cell in split.TrainRows.GroupBy(r => (groups[r], labels[r]))) Assert.Equal(56, cell.Count());
        Assert.Equal(3 * 5 * 24, split.TestRows.Length);
        Assert.Empty(split.TrainRows.Intersect(split.TestRows));
    }

    [Fact]
    public void Fewer_groups_than_folds_says_how_many()
    {
        var e = Assert.Throws<ArgumentException>(() => new GroupKFoldSplitter(5).Split(new SplitInput(6, null, ["a", "a", "b", "b", "c", "c"])));
        Assert.Contains("numberOfFolds is 5", e.Message);
        Assert.Contains("only 3 distinct groups", e.Message);
    }

    [Fact]
    public void Same_seed_same_folds()
    {
        var input = MakeInput((50, 5, 8, 3, 11));
        var a = new StratifiedKFoldSplitter(5, 3).Split(input);
        var b = new StratifiedKFoldSplitter(5, 3).Split(input);
        Assert.Equal(a.Select(s => s.TestRows), b.Select(s => s.TestRows));
    }
}
