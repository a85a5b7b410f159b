using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Corpus;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Corpus;

/// <summary>The trial plans: DEAP's shared stimuli and per-subject orders, EAV's balanced clips, determinism.</summary>
public class SyntheticPlanTests
{
    [Fact]
    public void DeapPlanHasEachStimulusOncePerSubjectInAnOwnOrder()
    {
        var plan = SyntheticTrialPlan.Deap(new SyntheticDeapOptions { Subjects = 4, TrialsPerSubject = 12 });
        Assert.Equal(48, plan.Count);
        foreach (var subject in plan.GroupBy(t => t.Subject))
        {
            Assert.Equal(Enumerable.Range(1, 12), subject.Select(t => t.Trial));
            Assert.Equal(Enumerable.Range(1, 12), subject.Select(t => t.Presentation).Order());
        }
        Assert.NotEqual(plan.Where(t => t.Subject == 1).Select(t => t.Presentation), plan.Where(t => t.Subject == 2).Select(t => t.Presentation));
        Assert.All(plan, t => Assert.InRange(t.Ratings.Valence, 1f, 9f));
        Assert.All(plan, t => Assert.InRange(t.Affect.Arousal, -1, 1));
    }

    [Fact]
    public void DeapSubjectsFeelTheSharedStimuliAlike()
    {
        // The same stimulus drives every subject (bias sd 0.15, trial sd 0.15 around a target uniform on [-1, 1]), so
        // two subjects' felt valence over the stimuli correlates strongly (expected r ≈ 0.9), and reports follow feelings.
        var plan = SyntheticTrialPlan.Deap(new SyntheticDeapOptions { Subjects = 2, TrialsPerSubject = 40 });
        double[] a = plan.Where(t => t.Subject == 1).Select(t => t.Affect.Valence).ToArray();
        double[] b = plan.Where(t => t.Subject == 2).Select(t => t.Affect.Valence).ToArray();
        Assert.InRange(Correlation(a, b), 0.8, 1.0);
        Assert.InRange(Correlation(plan.Select(t => t.Affect.Arousal).ToArray(), plan.Select(t => (double)t.Ratings.Arousal).ToArray()), 0.85, 1.0);
    }

    [Fact]
    public void EavPlanBalancesEmotionsAndTasksPerSubject()
    {
        var plan = SyntheticTrialPlan.Eav(new SyntheticEavOptions { Subjects = 2, TrialsPerSubject = 40 });
        Assert.Equal(80, plan.Count);
        foreach (var subject in plan.GroupBy(t => t.Subject))
        {
            Assert.Equal(Enumerable.Range(1, 40), subject.Select(t => t.Trial));
            Assert.All(subject.GroupBy(t => (t.Emotion, t.Task)), g => Assert.Equal(4, g.Count()));
            Assert.All(subject.GroupBy(t => (t.Emotion, t.Task)), g => Assert.Equal([1, 2, 3, 4], g.Select(t => t.Repeat)));
        }
        var happy = plan.Where(t => t.Emotion == "Happiness").Average(t => t.Affect.Valence);
        var sad = plan.Where(t => t.Emotion == "Sadness").Average(t => t.Affect.Valence);
        Assert.True(happy - sad > 1.2, $"happiness {happy:F2} vs sadness {sad:F2}");
    }

    [Fact]
    public void PlansAreDeterministicAndSeedDependent()
    {
        var one = SyntheticTrialPlan.Deap(new SyntheticDeapOptions { Subjects = 3, TrialsPerSubject = 5, Seed = 7 });
        var two = SyntheticTrialPlan.Deap(new SyntheticDeapOptions { Subjects = 3, TrialsPerSubject = 5, Seed = 7 });
        var other = SyntheticTrialPlan.Deap(new SyntheticDeapOptions { Subjects = 3, TrialsPerSubject = 5, Seed = 8 });
        Assert.Equal(one, two);
        Assert.NotEqual(one.Select(t => t.Affect), other.Select(t => t.Affect));
    }

    [Fact]
    public void BadOptionsNameTheOption()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticTrialPlan.Eav(new SyntheticEavOptions { TrialsPerSubject = 15 }));
        Assert.Equal("TrialsPerSubject", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticTrialPlan.Deap(new SyntheticDeapOptions { Subjects = 0 }));
        Assert.Equal("Subjects", e.ParamName);
    }

    [Fact]
    public void SeedsAreStableAcrossStreamsAndInputs()
    {
        int a = SyntheticSeed.For(42, 1, 1, SyntheticSeed.Stream.Eeg);
        Assert.Equal(a, SyntheticSeed.For(42, 1, 1, SyntheticSeed.Stream.Eeg));
        var all = new HashSet<int>();
        for (int s = 0; s < 20; s++)
            for (int t = 0; t < 20; t++)
                foreach (var stream in Enum.GetValues<SyntheticSeed.Stream>()) all.Add(SyntheticSeed.For(42, s, t, stream));
        Assert.Equal(20 * 20 * Enum.GetValues<SyntheticSeed.Stream>().Length, all.Count);    // no collisions among nearby inputs
        Assert.All(all, v => Assert.True(v >= 0));
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (p, q) => (p - mx) * (q - my)).Sum();
        return sxy / Math.Sqrt(x.Sum(p => (p - mx) * (p - mx)) * y.Sum(q => (q - my) * (q - my)));
    }
}
