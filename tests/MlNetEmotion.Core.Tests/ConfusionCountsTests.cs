using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Evaluation;

namespace MlNetEmotion.Core.Tests;

/// <summary>The sparse confusion matrix: equal to dense counting on random pairs, and cheap with many classes.</summary>
public class ConfusionCountsTests
{
    private static Gen<(int Classes, int[] Truth, int[] Predicted)> Pairs =>
        from classes in Gen.Choose(1, 12)
        from rows in Gen.Choose(1, 60)
        from truth in Gen.ArrayOf(Gen.Choose(0, classes - 1), rows)
        from predicted in Gen.ArrayOf(Gen.Choose(0, classes - 1), rows)
        select (classes, truth, predicted);

    private static string[] Names(int k) => Enumerable.Range(0, k).Select(i => $"c{i}").ToArray();

    private static long[,] Dense(int k, int[] truth, int[] predicted)
    {
        var counts = new long[k, k];
        for (int i = 0; i < truth.Length; i++) counts[truth[i], predicted[i]]++;
        return counts;
    }

    [Fact]
    public void Sparse_counts_equal_dense_counting_with_the_same_sums() =>
        Prop.ForAll(Pairs.ToArbitrary(), p =>
        {
            var dense = Dense(p.Classes, p.Truth, p.Predicted);
            var m = MulticlassMetricsCalculator.Compute(p.Truth, p.Predicted, null, Names(p.Classes)).Counts;
            var fromDense = new ConfusionCounts(Names(p.Classes), dense);
            bool cells = Enumerable.Range(0, p.Classes).All(i => Enumerable.Range(0, p.Classes).All(j => m[i, j] == dense[i, j] && fromDense[i, j] == dense[i, j]));
            bool sums = Enumerable.Range(0, p.Classes).All(i =>
                m.RowSum(i) == Enumerable.Range(0, p.Classes).Sum(j => dense[i, j]) && m.ColumnSum(i) == Enumerable.Range(0, p.Classes).Sum(j => dense[j, i]));
            bool listed = m.Cells.All(c => c.Count > 0 && dense[c.Actual, c.Predicted] == c.Count) && m.Cells.Sum(c => c.Count) == p.Truth.Length;
            return cells && sums && listed && m.Total == p.Truth.Length && m.Correct == p.Truth.Where((t, i) => t == p.Predicted[i]).Count();
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Pooling_adds_cell_by_cell() =>
        Prop.ForAll(Pairs.ToArbitrary(), p =>
        {
            var a = new ConfusionCounts(Names(p.Classes), Dense(p.Classes, p.Truth, p.Predicted));
            var b = new ConfusionCounts(Names(p.Classes), Dense(p.Classes, p.Predicted, p.Truth));
            var sum = ConfusionCounts.Sum([a, b]);
            return Enumerable.Range(0, p.Classes).All(i => Enumerable.Range(0, p.Classes).All(j => sum[i, j] == a[i, j] + b[i, j]));
        }).QuickCheckThrowOnFailure();

    /// <summary>50,000 classes, one row each: even rows right, odd rows predicted as the next class. Exact values:
    /// accuracy and balanced accuracy 1/2; an even class has precision 1/2 and recall 1 (F1 2/3), an odd class is never
    /// predicted (F1 0), so macro F1 is 1/3. A dense matrix would need 20 GB; the sparse one must stay under 100 MB.</summary>
    [Fact]
    public void Fifty_thousand_classes_are_counted_in_memory_proportional_to_the_rows()
    {
        const int k = 50_000;
        var truth = Enumerable.Range(0, k).ToArray();
        var predicted = truth.Select(i => i % 2 == 0 ? i : (i + 1) % k).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var m = MulticlassMetricsCalculator.Compute(truth, predicted, null, Names(k));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 100_000_000, $"{allocated} bytes allocated");
        Assert.Equal(0.5, m.MicroAccuracy, 12);
        Assert.Equal(0.5, m.MacroAccuracy, 12);
        Assert.Equal(1.0 / 3, m.MacroF1, 12);
        Assert.Equal(2.0 / 3, m.PerClassF1[0], 12);
        Assert.Equal(0, m.PerClassF1[1]);
        Assert.Equal(k, m.Counts.Cells.Count);
        Assert.Throws<InvalidOperationException>(m.Counts.GetFormattedConfusionTable);
    }

    [Fact]
    public void Cell_outside_the_classes_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => new ConfusionCounts(["a", "b"], [new ConfusionCell(0, 2, 1)]));
        Assert.Contains("Cell (0, 2)", e.Message);
    }
}
