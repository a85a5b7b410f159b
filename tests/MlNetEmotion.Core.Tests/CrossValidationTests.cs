using MlNetEmotion.Splitting;

namespace MlNetEmotion.Core.Tests;

public class CrossValidationTests
{
    private static (MLContext Ml, IDataView Data) Setup()
    {
        var ml = new MLContext(seed: 5);
        return (ml, ml.Data.LoadFromEnumerable(TestRows.Make(subjects: 10, perSubject: 12)));
    }

    [Fact]
    public void Normaliser_inside_the_pipeline_never_sees_a_hold_out_row()
    {
        var (ml, data) = Setup();
        var seenByNormaliser = new List<int[]>();
        var spy = new SpyEstimator(ml.Transforms.NormalizeMeanVariance("Features"), seenByNormaliser);
        var pipeline = ml.Transforms.Labels.ThreeLevel("Rating").Append(spy).Append(new NearestCentroidEstimator());
        var cv = ml.MulticlassClassification.CrossValidate(data, pipeline, new GroupKFoldSplitter(5, 1), samplingKeyColumnName: "Subject");
        Assert.Equal(5, cv.Folds.Count);
        Assert.Equal(5, seenByNormaliser.Count);
        for (int f = 0; f < 5; f++)
        {
            var testIds = cv.Folds[f].Split.TestRows.ToHashSet();
            Assert.DoesNotContain(seenByNormaliser[f], testIds.Contains);
            Assert.Equal(cv.Folds[f].Split.TrainRows, seenByNormaliser[f]);
        }
    }

    [Fact]
    public void Grouped_folds_keep_subjects_apart_and_summaries_are_consistent()
    {
        var (ml, data) = Setup();
        var pipeline = ml.Transforms.Labels.ThreeLevel("Rating").Append(ml.Transforms.NormalizeMeanVariance("Features")).Append(new NearestCentroidEstimator());
        var cv = ml.MulticlassClassification.CrossValidate(data, pipeline, new GroupKFoldSplitter(5, 1), samplingKeyColumnName: "Subject");
        var subjects = data.GetColumn<string>("Subject").ToArray();
        var testSubjects = cv.Folds.Select(f => f.Split.TestRows.Select(r => subjects[r]).ToHashSet()).ToArray();
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) Assert.False(testSubjects[i].Overlaps(testSubjects[j]));
        var acc = cv.Folds.Select(f => f.Metrics.MicroAccuracy).ToArray();
        Assert.Equal(acc.Average(), cv.Statistics["MicroAccuracy"].Mean, 12);
        double sd = Math.Sqrt(acc.Sum(a => (a - acc.Average()) * (a - acc.Average())) / 4);
        Assert.Equal(sd, cv.Statistics["MicroAccuracy"].StandardDeviation, 12);
        Assert.Equal(120, cv.Pooled.Scores.Counts.Total);
        Assert.Equal(120, cv.Pooled.Standard.ConfusionMatrix.Counts.Sum(row => row.Sum()));
        Assert.Contains("Low", cv.Pooled.Scores.Counts.GetFormattedConfusionTable());
        Assert.True(cv.Statistics["MicroAccuracy"].Mean > 0.6, "the rating is the first feature, so classes are separable");
        Assert.Equal(cv.Folds[2].Split.TestRows.Length, cv.Folds[2].ScoredHoldOutSet.GetColumn<uint>("PredictedLabel").Count());
        foreach (var fold in cv.Folds)
            Assert.Equal(fold.Metrics.Standard.MicroAccuracy, fold.Metrics.Scores.MicroAccuracy, 12);
    }

    [Fact]
    public void Same_seed_gives_identical_metrics()
    {
        double Run()
        {
            var (ml, data) = Setup();
            var pipeline = ml.Transforms.Labels.ThreeLevel("Rating").Append(new NearestCentroidEstimator());
            return ml.MulticlassClassification.CrossValidate(data, pipeline, new KFoldSplitter(4, 9)).Statistics["MacroF1"].Mean;
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Fewer_groups_than_folds_is_a_clear_error()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(TestRows.Make(subjects: 3, perSubject: 5));
        var e = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.CrossValidate(
            data, ml.Transforms.Labels.ThreeLevel("Rating").Append(new NearestCentroidEstimator()), new GroupKFoldSplitter(5, 1), samplingKeyColumnName: "Subject"));
        Assert.Contains("3 distinct groups", e.Message);
    }

    [Fact]
    public void Missing_sampling_key_column_is_named()
    {
        var (ml, data) = Setup();
        var e = Assert.Throws<SchemaMismatchException>(() => ml.MulticlassClassification.CrossValidate(
            data, ml.Transforms.Labels.ThreeLevel("Rating").Append(new NearestCentroidEstimator()), new GroupKFoldSplitter(5, 1), samplingKeyColumnName: "Participant"));
        Assert.Equal("Participant", e.ColumnName);
    }

    [Fact]
    public void Any_splitter_can_drive_cross_validation()
    {
        var (ml, data) = Setup();
        var cv = ml.MulticlassClassification.CrossValidate(data, ml.Transforms.Labels.ThreeLevel("Rating").Append(new NearestCentroidEstimator()),
            new LeaveOneGroupOutSplitter(), samplingKeyColumnName: "Subject");
        Assert.Equal(10, cv.Folds.Count);
    }

    [Fact]
    public void Regression_cross_validation_reports_ccc()
    {
        var (ml, data) = Setup();
        var pipeline = ml.Transforms.CustomMapping<FeatureRow, Target>((s, t) => { t.Label = s.Rating; t.Score = s.Features[0] - 0.5f; }, contractName: null);
        var cv = ml.Regression.CrossValidate(data, pipeline, new KFoldSplitter(3, 2));
        Assert.Equal(3, cv.Folds.Count);
        Assert.True(cv.Statistics["ConcordanceCorrelation"].Mean > 0.9);
        Assert.True(cv.Pooled.ConcordanceCorrelation > 0.9);
        Assert.NotNull(cv.Pooled.Standard);
        Assert.Equal(cv.Pooled.Standard.MeanSquaredError, cv.Pooled.Scores.MeanSquaredError, 6);
    }

    public sealed class Target
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }

    private sealed class SpyEstimator(IEstimator<ITransformer> inner, List<int[]> seen) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            seen.Add(input.GetColumn<int>("Id").ToArray());
            return inner.Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
    }
}
