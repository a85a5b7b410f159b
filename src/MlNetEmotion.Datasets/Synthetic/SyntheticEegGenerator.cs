namespace MlNetEmotion.Datasets.Synthetic;

/// <summary>
/// The built-in synthetic EEG corpus: per-trial log band powers of 32 channels (DEAP's Biosemi-32 order) in the theta,
/// alpha, beta and gamma bands, with planted, documented effects so that emotion labels are learnable but not trivially:
/// <list type="bullet">
/// <item>Arousal raises frontal beta and gamma power and lowers posterior alpha (alpha suppression).</item>
/// <item>Valence shifts frontal alpha asymmetry: right-frontal alpha up and left-frontal alpha down with higher valence.</item>
/// <item>Each subject has a global offset and per-channel offsets; each trial has independent noise.</item>
/// <item>Reported ratings are the driving ratings plus label noise, clipped to 1..9.</item>
/// </list>
/// Effects scale with (rating − 5) / 4 times <see cref="SyntheticEegOptions.EffectSize"/>.
/// </summary>
public static class SyntheticEegGenerator
{
    /// <summary>Channels per trial.</summary>
    public const int ChannelCount = 32;

    /// <summary>Bands per channel.</summary>
    public const int BandCount = 4;

    /// <summary>The DEAP / Biosemi-32 channel order.</summary>
    public static IReadOnlyList<string> Channels { get; } =
    [
        "Fp1", "AF3", "F3", "F7", "FC5", "FC1", "C3", "T7", "CP5", "CP1", "P3", "P7", "PO3", "O1", "Oz", "Pz",
        "Fp2", "AF4", "Fz", "F4", "F8", "FC6", "FC2", "Cz", "C4", "T8", "CP6", "CP2", "P4", "P8", "PO4", "O2",
    ];

    /// <summary>Band names in feature order with their edges in Hz.</summary>
    public static IReadOnlyList<(string Name, double Low, double High)> Bands { get; } =
        [("theta", 4, 8), ("alpha", 8, 13), ("beta", 13, 30), ("gamma", 30, 45)];

    private static readonly string[] LeftFrontal = ["Fp1", "AF3", "F3", "F7"];
    private static readonly string[] RightFrontal = ["Fp2", "AF4", "F4", "F8"];
    private static readonly string[] Frontal = [.. LeftFrontal, .. RightFrontal, "Fz", "FC1", "FC2", "FC5", "FC6"];
    private static readonly string[] Posterior = ["P3", "P7", "PO3", "O1", "Oz", "Pz", "P4", "P8", "PO4", "O2"];

    /// <summary>Generates the corpus, subject by subject, deterministically from <see cref="SyntheticEegOptions.Seed"/>.</summary>
    public static IReadOnlyList<SyntheticEegTrial> Generate(SyntheticEegOptions? options = null)
    {
        options ??= new SyntheticEegOptions();
        options.Validate();
        var random = new Random(options.Seed);
        var trials = new List<SyntheticEegTrial>(options.Subjects * options.TrialsPerSubject);
        for (int s = 0; s < options.Subjects; s++)
        {
            double subjectOffset = Normal(random) * options.SubjectOffsetStd;
            var channelOffsets = Enumerable.Range(0, ChannelCount).Select(_ => Normal(random) * options.SubjectChannelStd).ToArray();
            for (int t = 0; t < options.TrialsPerSubject; t++)
            {
                double valence = 1 + 8 * random.NextDouble();
                double arousal = 1 + 8 * random.NextDouble();
                var power = new float[ChannelCount * BandCount];
                for (int c = 0; c < ChannelCount; c++)
                    for (int b = 0; b < BandCount; b++)
                    {
                        double value = BaseLogPower(c, b) + subjectOffset + channelOffsets[c]
                            + options.EffectSize * Effect(c, b, (valence - 5) / 4, (arousal - 5) / 4)
                            + Normal(random) * options.TrialNoiseStd;
                        power[c * BandCount + b] = (float)value;
                    }
                trials.Add(new SyntheticEegTrial
                {
                    Subject = $"s{s + 1:D2}",
                    Trial = t + 1,
                    Valence = Report(valence, random, options.LabelNoiseStd),
                    Arousal = Report(arousal, random, options.LabelNoiseStd),
                    BandPower = power,
                });
            }
        }
        return trials;
    }

    /// <summary>Typical resting log power: a 1/f fall-off across bands, alpha stronger over the back of the head.</summary>
    private static double BaseLogPower(int channel, int band)
    {
        double[] byBand = [1.5, 1.8, 0.8, 0.0];
        return byBand[band] + (band == 1 && Posterior.Contains(Channels[channel]) ? 0.5 : 0);
    }

    /// <summary>The planted effect in units of the effect size.</summary>
    private static double Effect(int channel, int band, double valence, double arousal)
    {
        string name = Channels[channel];
        double effect = 0;
        if (band == 2 && Frontal.Contains(name)) effect += arousal;           // frontal beta rises with arousal
        if (band == 3 && Frontal.Contains(name)) effect += 0.6 * arousal;     // and frontal gamma, less
        if (band == 1 && Posterior.Contains(name)) effect -= 0.7 * arousal;   // posterior alpha suppression
        if (band == 1 && RightFrontal.Contains(name)) effect += valence;      // frontal alpha asymmetry
        if (band == 1 && LeftFrontal.Contains(name)) effect -= valence;
        return effect;
    }

    private static float Report(double rating, Random random, double noise) =>
        (float)Math.Round(Math.Clamp(rating + Normal(random) * noise, 1, 9), 2);

    private static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
