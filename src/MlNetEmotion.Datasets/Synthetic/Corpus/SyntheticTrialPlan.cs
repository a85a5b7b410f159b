namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>
/// Which trials a synthetic corpus has and what each one's participant felt and reported.
/// <para><b>DEAP shape.</b> As in DEAP every subject sees the same stimuli: each stimulus has a target state drawn
/// uniformly over the valence–arousal square (1..9). A subject's felt state is the target plus a per-subject bias
/// (sd <see cref="SyntheticCorpusOptions.SubjectBiasStd"/>, centred units) and a per-trial deviation
/// (sd 0.15); reports add <see cref="SyntheticCorpusOptions.LabelNoiseStd"/> on the 1..9 scale and are clipped. Each
/// subject sees the stimuli in their own random order (<see cref="SyntheticTrial.Presentation"/>).</para>
/// <para><b>EAV shape.</b> Per subject, the clips run NUM = 1..N over repetitions; within a repetition the five classes
/// come in a per-subject random order, each as a listening then a speaking clip. The felt state is the class prototype
/// (<see cref="AffectState.ForEavClass"/>) plus the subject bias and a per-trial deviation (sd 0.15).</para>
/// </summary>
public static class SyntheticTrialPlan
{
    /// <summary>EAV's two tasks in the order of its manifest.</summary>
    public static IReadOnlyList<string> EavTasks { get; } = ["Listening", "Speaking"];

    /// <summary>The DEAP-shaped plan, subject-major, trials in Experiment_id order.</summary>
    /// <param name="options">Corpus options.</param>
    public static IReadOnlyList<SyntheticTrial> Deap(SyntheticDeapOptions options)
    {
        options.Validate();
        var stimuli = new AffectState[options.TrialsPerSubject];
        var corpus = new Random(SyntheticSeed.For(options.Seed, 0, 0, SyntheticSeed.Stream.Plan));
        for (int t = 0; t < stimuli.Length; t++) stimuli[t] = new AffectState(2 * corpus.NextDouble() - 1, 2 * corpus.NextDouble() - 1);
        var trials = new List<SyntheticTrial>(options.Subjects * options.TrialsPerSubject);
        for (int s = 1; s <= options.Subjects; s++)
        {
            var random = new Random(SyntheticSeed.For(options.Seed, s, 0, SyntheticSeed.Stream.Plan));
            var bias = new AffectState(Normal(random) * options.SubjectBiasStd, Normal(random) * options.SubjectBiasStd);
            var order = Enumerable.Range(1, options.TrialsPerSubject).ToArray();
            random.Shuffle(order);
            var presentation = new int[order.Length];
            for (int position = 0; position < order.Length; position++) presentation[order[position] - 1] = position + 1;
            for (int t = 1; t <= options.TrialsPerSubject; t++)
            {
                var felt = Felt(stimuli[t - 1], bias, random);
                trials.Add(new SyntheticTrial(s, t, felt)
                {
                    Presentation = presentation[t - 1],
                    Ratings = (Report(felt.Valence, random, options.LabelNoiseStd), Report(felt.Arousal, random, options.LabelNoiseStd),
                        Report(0.6 * felt.Valence, random, options.LabelNoiseStd), Report(0.8 * felt.Valence + 0.2 * felt.Arousal, random, options.LabelNoiseStd)),
                });
            }
        }
        return trials;
    }

    /// <summary>The EAV-shaped plan, subject-major, clips in NUM order.</summary>
    /// <param name="options">Corpus options.</param>
    public static IReadOnlyList<SyntheticTrial> Eav(SyntheticEavOptions options)
    {
        options.Validate();
        var trials = new List<SyntheticTrial>(options.Subjects * options.TrialsPerSubject);
        var classes = AffectState.EavClasses;
        for (int s = 1; s <= options.Subjects; s++)
        {
            var random = new Random(SyntheticSeed.For(options.Seed, s, 0, SyntheticSeed.Stream.Plan));
            var bias = new AffectState(Normal(random) * options.SubjectBiasStd, Normal(random) * options.SubjectBiasStd);
            int num = 1;
            for (int repeat = 1; num <= options.TrialsPerSubject; repeat++)
            {
                var order = classes.ToArray();
                random.Shuffle(order);
                foreach (string emotion in order)
                    foreach (string task in EavTasks)
                        trials.Add(new SyntheticTrial(s, num++, Felt(AffectState.ForEavClass(emotion), bias, random))
                        {
                            Emotion = emotion, Task = task, Repeat = repeat,
                        });
            }
        }
        return trials;
    }

    private static AffectState Felt(AffectState target, AffectState bias, Random random) => new(
        Math.Clamp(target.Valence + bias.Valence + 0.15 * Normal(random), -1, 1),
        Math.Clamp(target.Arousal + bias.Arousal + 0.15 * Normal(random), -1, 1));

    private static float Report(double centred, Random random, double noise) =>
        (float)Math.Round(Math.Clamp(5 + 4 * centred + Normal(random) * noise, 1, 9), 2);

    internal static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
