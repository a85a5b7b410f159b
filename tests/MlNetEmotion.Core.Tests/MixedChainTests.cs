using MlNetEmotion.Splitting;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Core.Tests;

/// <summary>This toolkit's step and ML.NET's own transforms and LightGBM trainer in one chain: fit, cross-validation by
/// subject, ML.NET's evaluator, SavePipeline/LoadPipeline (bit-identical scores via Transform and via ML.NET's
/// PredictionEngine), and ML.NET's own Model.Save pointing to SavePipeline.</summary>
public class MixedChainTests
{
    public const int FeatureCount = 8;

    public sealed class MixedRow
    {
        public string Subject { get; set; } = "";

        public float Rating { get; set; }

        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];
    }

    public sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];

        public uint PredictedLabel { get; set; }
    }

    /// <summary>12 subjects × 20 trials; every feature is the rating times a weight plus a subject offset and noise.</summary>
    public static List<MixedRow> MakeRows(int subjects = 12, int perSubject = 20, int seed = 7)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, FeatureCount).Select(j => 0.5f + 0.25f * (j % 3)).ToArray();
        var rows = new List<MixedRow>();
        for (int s = 0; s < subjects; s++)
        {
            var offsets = Enumerable.Range(0, FeatureCount).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            for (int t = 0; t < perSubject; t++)
            {
                float rating = 1 + (float)Math.Round(random.NextDouble() * 8, 1);
                rows.Add(new MixedRow
                {
                    Subject = $"subject{s:D2}",
                    Rating = rating,
                    Features = Enumerable.Range(0, FeatureCount).Select(j => rating * weights[j] + offsets[j] + (float)(random.NextDouble() - 0.5)).ToArray(),
                });
            }
        }
        return rows;
    }

    private static IEstimator<ITransformer> Chain(MLContext ml) =>
        ml.Transforms.Labels.ThreeLevel("Rating")
            .Append(ml.Transforms.Concatenate("FeatureVector", "Features"))
            .Append(ml.Transforms.NormalizeMeanVariance("FeatureVector"))
            .Append(ml.MulticlassClassification.Trainers.LightGbm(labelColumnName: "Label", featureColumnName: "FeatureVector"));

    [Fact]
    public void Chain_fits_cross_validates_by_subject_and_beats_the_majority_rate()
    {
        var ml = new MLContext(seed: 11);
        var rows = MakeRows();
        var data = ml.Data.LoadFromEnumerable(rows);
        var cv = ml.MulticlassClassification.CrossValidate(data, Chain(ml), new GroupKFoldSplitter(4, 3), samplingKeyColumnName: "Subject");

        Assert.Equal(4, cv.Folds.Count);
        var foldsOfSubject = new Dictionary<string, HashSet<int>>();
        foreach (var fold in cv.Folds)
            foreach (int r in fold.Split.TestRows)
            {
                if (!foldsOfSubject.TryGetValue(rows[r].Subject, out var set)) foldsOfSubject[rows[r].Subject] = set = [];
                set.Add(fold.Fold);
            }
        Assert.Equal(12, foldsOfSubject.Count);
        Assert.All(foldsOfSubject.Values, folds => Assert.Single(folds));
        foreach (var fold in cv.Folds)
            Assert.Empty(fold.Split.TrainRows.Select(r => rows[r].Subject).Intersect(fold.Split.TestRows.Select(r => rows[r].Subject)));

        var binning = new RatingBinningTransformer("L", "R", RatingBinningTransformer.ThreeLevels);
        double majority = rows.GroupBy(r => binning.KeyOf(r.Rating)).Max(g => g.Count()) / (double)rows.Count;
        Assert.True(cv.Statistics["MicroAccuracy"].Mean > majority, $"accuracy {cv.Statistics["MicroAccuracy"].Mean} vs majority {majority}");
        Assert.True(cv.Pooled.MicroAccuracy > majority);

        foreach (var fold in cv.Folds)
        {
            // ML.NET's own evaluator on ML.NET's scored output of the fold.
            var standard = ml.MulticlassClassification.Evaluate(fold.ScoredHoldOutSet);
            Assert.Equal(fold.Metrics.Standard.MicroAccuracy, standard.MicroAccuracy, 12);
            Assert.Equal(fold.Metrics.Scores.MicroAccuracy, standard.MicroAccuracy, 12);
            Assert.Equal(fold.Split.TestRows.Length, standard.ConfusionMatrix.Counts.Sum(r => r.Sum()));
        }
    }

    [Fact]
    public void Saved_and_loaded_chain_scores_bit_identically_via_transform_and_prediction_engine()
    {
        var ml = new MLContext(seed: 11);
        var rows = MakeRows(subjects: 8, perSubject: 20);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = Chain(ml).Fit(data);
        var scored = model.Transform(data);
        var standard = ml.MulticlassClassification.Evaluate(scored);
        var extended = ml.MulticlassClassification.EvaluateExtended(scored);
        Assert.Equal(standard.MicroAccuracy, extended.Standard.MicroAccuracy, 12);
        Assert.Equal(extended.Standard.MicroAccuracy, extended.Scores.MicroAccuracy, 12);

        var e = Assert.Throws<NotSupportedException>(() => ml.Model.Save(model, data.Schema, new MemoryStream()));
        Assert.Contains("SavePipeline", e.Message);

        string path = Path.Combine(Path.GetTempPath(), $"mlnemo-mixed-{Guid.NewGuid():N}.bin");
        try
        {
            ml.Model.SavePipeline(model, data.Schema, path);
            var loaded = new MLContext(seed: 99).Model.LoadPipeline(path, out var schema);
            Assert.Equal(data.Schema.Select(c => (c.Name, c.Type)), schema.Select(c => (c.Name, c.Type)));

            var before = Bits(scored.GetColumn<float[]>("Score"));
            var after = Bits(loaded.Transform(data).GetColumn<float[]>("Score"));
            Assert.Equal(rows.Count, before.Length);
            Assert.Equal(before, after);
            Assert.Equal(scored.GetColumn<uint>("PredictedLabel"), loaded.Transform(data).GetColumn<uint>("PredictedLabel"));

            var original = ml.Model.CreatePredictionEngine<MixedRow, ScoreRow>(model, data.Schema);
            var reloaded = ml.Model.CreatePredictionEngine<MixedRow, ScoreRow>(loaded, schema);
            for (int i = 0; i < rows.Count; i++)
            {
                var a = original.Predict(rows[i]);
                var b = reloaded.Predict(rows[i]);
                Assert.Equal(before[i], Bits([a.Score])[0]);
                Assert.Equal(before[i], Bits([b.Score])[0]);
                Assert.Equal(a.PredictedLabel, b.PredictedLabel);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] Bits(IEnumerable<float[]> scores) =>
        scores.Select(s => string.Join(",", s.Select(v => BitConverter.SingleToInt32Bits(v).ToString("X8", System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
}
