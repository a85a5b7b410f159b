using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Eeg;
using Xunit.Abstractions;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Eeg;

/// <summary>Subjects differ enough that a nearest-centroid classifier of high vs low arousal on log band powers does
/// clearly worse across subjects (leave one subject out) than within a subject (leave one trial out).</summary>
public class SubjectVariationTests(ITestOutputHelper output)
{
    private const int Subjects = 6, TrialsPerClass = 6;

    [Fact]
    public void Cross_subject_accuracy_is_clearly_below_within_subject_accuracy()
    {
        var options = new SyntheticEegSignalOptions { Seconds = 6, BaselineSeconds = 0 };
        var features = new double[Subjects, 2 * TrialsPerClass][];
        for (int s = 0; s < Subjects; s++)
            for (int t = 0; t < 2 * TrialsPerClass; t++)
            {
                var affect = new AffectState(0, t % 2 == 0 ? 0.8 : -0.8);
                var recording = SyntheticEegSignals.Generate(17, s + 1, t + 1, affect, options);
                var power = SignalBandPowers.Of(recording, 0, recording.Channels[0].Samples.Length);
                features[s, t] = power.Cast<double>().ToArray();
            }

        int withinRight = 0, crossRight = 0, total = Subjects * 2 * TrialsPerClass;
        for (int s = 0; s < Subjects; s++)
            for (int t = 0; t < 2 * TrialsPerClass; t++)
            {
                int label = t % 2, subject = s, trial = t;
                if (Classify(features, features[s, t], (os, ot) => os == subject && ot != trial) == label) withinRight++;
                if (Classify(features, features[s, t], (os, _) => os != subject) == label) crossRight++;
            }
        double within = (double)withinRight / total, cross = (double)crossRight / total;
        output.WriteLine($"within-subject {within:P1}, cross-subject {cross:P1}");

        Assert.True(within >= 0.9, $"within-subject accuracy {within:P1}");
        Assert.True(cross <= within - 0.15, $"cross-subject {cross:P1} vs within-subject {within:P1}");
        Assert.True(cross >= 0.5, $"cross-subject {cross:P1}: the effects should still transfer somewhat");
    }

    [Fact]
    public void Without_subject_variability_cross_subject_accuracy_matches_within_subject()
    {
        var options = new SyntheticEegSignalOptions { Seconds = 8, BaselineSeconds = 0, SubjectVariability = 0 };
        var a = SignalBandPowers.Of(SyntheticEegSignals.Generate(17, 1, 1, default, options), 0, 1024);
        var b = SignalBandPowers.Of(SyntheticEegSignals.Generate(17, 2, 1, default, options), 0, 1024);
        var c = SignalBandPowers.Of(SyntheticEegSignals.Generate(17, 1, 2, default, options), 0, 1024);
        // With variability off, another subject is no further away than another trial of the same subject.
        double Distance(double[,] x, double[,] y) => Math.Sqrt(x.Cast<double>().Zip(y.Cast<double>(), (p, q) => (p - q) * (p - q)).Sum());
        Assert.InRange(Distance(a, b) / Distance(a, c), 0.7, 1.4);
    }

    /// <summary>Label (0 = high, 1 = low arousal) of the nearer class centroid over the training rows.</summary>
    private static int Classify(double[,][] features, double[] x, Func<int, int, bool> isTraining)
    {
        var sums = new double[2][];
        var counts = new int[2];
        for (int s = 0; s < features.GetLength(0); s++)
            for (int t = 0; t < features.GetLength(1); t++)
            {
                if (!isTraining(s, t)) continue;
                int label = t % 2;
                sums[label] ??= new double[x.Length];
                for (int i = 0; i < x.Length; i++) sums[label][i] += features[s, t][i];
                counts[label]++;
            }
        double Distance(int label) => x.Select((v, i) => Math.Pow(v - sums[label][i] / counts[label], 2)).Sum();
        return Distance(0) <= Distance(1) ? 0 : 1;
    }
}
