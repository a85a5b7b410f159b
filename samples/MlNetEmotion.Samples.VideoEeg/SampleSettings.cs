using System.Globalization;

namespace MlNetEmotion.Samples.VideoEeg;

/// <summary>The run's size and protocol; the defaults are a small stand-in that runs in minutes on two cores.</summary>
/// <param name="Subjects">Subjects; every subject is the test subject of one rotation (leave-one-subject-out), and the
/// trainer holds back one of the others to pick the epoch, so each rotation is a 5:1:1 split with 7 subjects.</param>
/// <param name="TrialsPerSubject">Trials per subject.</param>
/// <param name="Seconds">Stimulus seconds per trial.</param>
/// <param name="FrameRate">Frames per second of both the face video and the EEG topomaps (the papers: 8).</param>
/// <param name="Bursts">Emotion bursts per trial (0: the emotion shows throughout).</param>
/// <param name="BurstSeconds">Seconds per burst.</param>
/// <param name="EegEffect">The stand-in's EEG effect size (log power per unit of centred rating; the generator's default 0.35).</param>
/// <param name="FaceEffect">The stand-in's face effect size (the renderer's default 1, at most 3).</param>
/// <param name="ImageSize">Topomap side in pixels (the papers: 32).</param>
/// <param name="Standardize">Standardise topomaps and faces per subject before every model.</param>
/// <param name="Glimpses">N_max of both glimpse models.</param>
/// <param name="Sequences">M, the glimpse sequences sampled per training trial (the trainers' default 4).</param>
/// <param name="Target">Rating turned into three levels.</param>
/// <param name="Epochs">Training epochs.</param>
/// <param name="LearningRate">Adam's learning rate for every model.</param>
/// <param name="Folds">Rotations run (the first this many test subjects; at most <paramref name="Subjects"/>).</param>
/// <param name="Seed">Seed of the corpus, the split and the models.</param>
/// <param name="Models">Models to run, comma-separated (see <see cref="SampleModels"/>).</param>
/// <param name="Cache">ML.NET binary file for the computed features (before standardisation): read when it exists,
/// written otherwise; null to compute them every run.</param>
internal sealed record SampleSettings(int Subjects = 7, int TrialsPerSubject = 20, double Seconds = 8, double FrameRate = 4, int Bursts = 1,
    double BurstSeconds = 1.5, double EegEffect = 1.0, double FaceEffect = 2.0, int ImageSize = 16, bool Standardize = true, int Glimpses = 8, int Sequences = 2,
    string Target = "Arousal", int Epochs = 15, double LearningRate = 3e-3, int Folds = 7, int Seed = 42, string Models = "mlp,vis,hier", string? Cache = null)
{
    /// <summary>Frames per trial.</summary>
    public int Frames => (int)Math.Floor(Seconds * FrameRate + 1e-9);

    /// <summary>Reads <c>--name value</c> pairs over the defaults.</summary>
    public static SampleSettings Parse(string[] args)
    {
        var s = new SampleSettings();
        static double D(string v) => double.Parse(v, CultureInfo.InvariantCulture);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string v = args[i + 1];
            s = args[i] switch
            {
                "--subjects" => s with { Subjects = int.Parse(v) },
                "--trials" => s with { TrialsPerSubject = int.Parse(v) },
                "--seconds" => s with { Seconds = D(v) },
                "--fps" => s with { FrameRate = D(v) },
                "--bursts" => s with { Bursts = int.Parse(v) },
                "--burst-seconds" => s with { BurstSeconds = D(v) },
                "--eeg-effect" => s with { EegEffect = D(v) },
                "--face-effect" => s with { FaceEffect = D(v) },
                "--size" => s with { ImageSize = int.Parse(v) },
                "--standardize" => s with { Standardize = bool.Parse(v) },
                "--glimpses" => s with { Glimpses = int.Parse(v) },
                "--sequences" => s with { Sequences = int.Parse(v) },
                "--target" => s with { Target = v },
                "--epochs" => s with { Epochs = int.Parse(v) },
                "--lr" => s with { LearningRate = D(v) },
                "--folds" => s with { Folds = int.Parse(v) },
                "--seed" => s with { Seed = int.Parse(v) },
                "--models" => s with { Models = v },
                "--cache" => s with { Cache = v },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --subjects --trials --seconds --fps --bursts --burst-seconds " +
                    "--eeg-effect --face-effect --size --standardize --glimpses --sequences --target --epochs --lr --folds --seed --models --cache."),
            };
        }
        return s;
    }
}
