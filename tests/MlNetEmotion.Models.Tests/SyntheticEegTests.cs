using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Models.Mlp;
using MlNetEmotion.Splitting;

namespace MlNetEmotion.Models.Tests;

public class SyntheticEegTests
{
    private static int Feature(string channel, string band) =>
        SyntheticEegGenerator.Channels.ToList().IndexOf(channel) * SyntheticEegGenerator.BandCount
        + SyntheticEegGenerator.Bands.Select(b => b.Name).ToList().IndexOf(band);

    private static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double ma = a.Average(), mb = b.Average();
        double sab = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb));
        return sab / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(x => (x - mb) * (x - mb)));
    }

    [Fact]
    public void Same_seed_same_corpus_and_default_size_is_deap()
    {
        var a = SyntheticEegGenerator.Generate(new SyntheticEegOptions { Subjects = 3, Seed = 9 });
        var b = SyntheticEegGenerator.Generate(new SyntheticEegOptions { Subjects = 3, Seed = 9 });
        Assert.Equal(a.SelectMany(t => t.BandPower), b.SelectMany(t => t.BandPower));
        Assert.Equal(3 * 40, a.Count);
        Assert.All(a, t => Assert.InRange(t.Valence, 1f, 9f));
        Assert.Equal(32 * 40, SyntheticEegGenerator.Generate().Count);
    }

    [Fact]
    public void Planted_effects_are_present()
    {
        var trials = SyntheticEegGenerator.Generate(new SyntheticEegOptions { Subjects = 8 });
        var arousal = trials.Select(t => (double)t.Arousal).ToArray();
        var valence = trials.Select(t => (double)t.Valence).ToArray();
        Assert.True(Correlation(arousal, trials.Select(t => (double)t.BandPower[Feature("Fz", "beta")]).ToArray()) > 0.3);
        Assert.True(Correlation(arousal, trials.Select(t => (double)t.BandPower[Feature("Oz", "alpha")]).ToArray()) < -0.2);
        var asymmetry = trials.Select(t => (double)(t.BandPower[Feature("F4", "alpha")] - t.BandPower[Feature("F3", "alpha")])).ToArray();
        Assert.True(Correlation(valence, asymmetry) > 0.4);
        Assert.InRange(Correlation(valence, trials.Select(t => (double)t.BandPower[Feature("Fz", "beta")]).ToArray()), -0.15, 0.15);
    }

    [Fact]
    public void Bad_option_is_named()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEegGenerator.Generate(new SyntheticEegOptions { Subjects = 0 }));
        Assert.Equal("Subjects", e.ParamName);
    }

    [Fact]
    public void Cross_subject_three_level_arousal_beats_chance()
    {
        var ml = new MLContext(seed: 42);
        var data = ml.Data.LoadSyntheticEeg(new SyntheticEegOptions { Subjects = 10, TrialsPerSubject = 30 });
        var pipeline = ml.Transforms.Labels.ThreeLevel("Arousal")
            .Append(ml.Transforms.NormalizeMeanVariance("Features", "BandPower", fixZero: false))
            .Append(ml.MulticlassClassification.Trainers.Mlp(new MlpOptions { HiddenSizes = [32], Epochs = 40, LearningRate = 3e-3 }));
        var cv = ml.MulticlassClassification.CrossValidate(data, pipeline, new GroupKFoldSplitter(5, 42), samplingKeyColumnName: "Subject");
        var labels = cv.Folds.SelectMany(f => f.ScoredHoldOutSet.GetColumn<uint>("Label")).ToArray();
        double majority = labels.GroupBy(l => l).Max(g => g.Count()) / (double)labels.Length;
        Assert.True(cv.Statistics["MicroAccuracy"].Mean > majority + 0.1,
            $"accuracy {cv.Statistics["MicroAccuracy"].Mean:F3} vs majority-class rate {majority:F3}");
    }
}
