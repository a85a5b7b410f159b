namespace MlNetEmotion.Samples.VideoEeg;

/// <summary>The run's size and protocol; the defaults are a small stand-in that runs in minutes on two cores.</summary>
/// <param name="Subjects">Subjects (split 5:1:1 into train, validation, test).</param>
/// <param name="TrialsPerSubject">Trials per subject.</param>
/// <param name="Seconds">Stimulus seconds per trial.</param>
/// <param name="FrameRate">Frames per second of both the face video and the EEG topomaps (the papers: 8).</param>
/// <param name="Bursts">Emotion bursts per trial (0: the emotion shows throughout).</param>
/// <param name="BurstSeconds">Seconds per burst.</param>
/// <param name="Target">Rating turned into three levels.</param>
/// <param name="Epochs">Training epochs.</param>
/// <param name="Seed">Seed of the corpus, the split and the models.</param>
/// <param name="Models">Models to run, comma-separated: mlp, vis, hierarchical.</param>
internal sealed record SampleSettings(int Subjects = 7, int TrialsPerSubject = 20, double Seconds = 6, double FrameRate = 4, int Bursts = 2,
    double BurstSeconds = 1.5, string Target = "Arousal", int Epochs = 15, int Seed = 42, string Models = "mlp,vis,hierarchical")
{
    /// <summary>Reads <c>--name value</c> pairs over the defaults.</summary>
    public static SampleSettings Parse(string[] args)
    {
        var s = new SampleSettings();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string v = args[i + 1];
            s = args[i] switch
            {
                "--subjects" => s with { Subjects = int.Parse(v) },
                "--trials" => s with { TrialsPerSubject = int.Parse(v) },
                "--seconds" => s with { Seconds = double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) },
                "--fps" => s with { FrameRate = double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) },
                "--bursts" => s with { Bursts = int.Parse(v) },
                "--target" => s with { Target = v },
                "--epochs" => s with { Epochs = int.Parse(v) },
                "--seed" => s with { Seed = int.Parse(v) },
                "--models" => s with { Models = v },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --subjects --trials --seconds --fps --bursts --target --epochs --seed --models."),
            };
        }
        return s;
    }
}
