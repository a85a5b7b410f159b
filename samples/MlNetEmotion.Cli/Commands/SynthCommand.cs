using System.CommandLine;
using MlNetEmotion.Cli.Hosting;
using MlNetEmotion.Cli.Terminal;
using MlNetEmotion.Datasets.Synthetic.AffWild;
using MlNetEmotion.Datasets.Synthetic.Corpus;
using Spectre.Console;

namespace MlNetEmotion.Cli.Commands;

/// <summary><c>mlnet-emotion synth deap|eav|affwild --out DIR</c>: writes a synthetic corpus in the real corpus's layout,
/// ready for the <c>deap</c> / <c>eav</c> / <c>aff-wild</c> manifests.</summary>
internal static class SynthCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("synth", "Write a synthetic multimodal corpus in a real corpus's layout (DEAP: EEG + face video; EAV: EEG + video + voice).");
        command.Subcommands.Add(Shape("deap", "DEAP layout: data_preprocessed_matlab/sXX.mat, metadata_csv/participant_ratings.csv, face_video/.",
            32, 40, 60, (ml, root, s, t, seconds, seed, video) => ml.Data.WriteSyntheticDeap(root, new SyntheticDeapOptions
            {
                Subjects = s, TrialsPerSubject = t, StimulusSeconds = seconds, Seed = seed, IncludeVideo = video, VideoSubjects = s,
            })));
        command.Subcommands.Add(Shape("eav", "EAV layout: subjectNN/{Video,Audio,EEG}/ with NUM_Trial_RR_{Task}_{Emotion} names.",
            42, 200, 20, (ml, root, s, t, seconds, seed, video) => ml.Data.WriteSyntheticEav(root, new SyntheticEavOptions
            {
                Subjects = s, TrialsPerSubject = t, ClipSeconds = seconds, Seed = seed, IncludeVideo = video,
            })));
        command.Subcommands.Add(Shape("affwild", "Aff-Wild layout: videos/train/N.mp4, annotations/train/{valence,arousal}/N.txt (one value per frame); one subject per video.",
            40, 0, 20, (ml, root, s, _, seconds, seed, _) => ml.Data.WriteSyntheticAffWild(root, new SyntheticAffWildOptions
            {
                Videos = s, VideoSeconds = seconds, Seed = seed,
            }), manifest: "aff-wild"));
        return command;
    }

    private static Command Shape(string name, string description, int subjects, int trials, double seconds,
        Action<MLContext, string, int, int, double, int, bool> write, string? manifest = null)
    {
        bool perVideo = trials == 0;
        var output = new Option<string>("--out") { Description = "Corpus folder to create.", Required = true };
        var subjectCount = new Option<int>("--subjects") { Description = perVideo ? "Subjects (one video each)." : "Subjects.", DefaultValueFactory = _ => subjects }.Within(1, 10_000);
        var trialCount = new Option<int>("--trials") { Description = "Trials (clips) per subject.", DefaultValueFactory = _ => trials }.Within(1, 10_000);
        var length = new Option<double>("--seconds") { Description = "Seconds per trial (stimulus, without DEAP's 3 s baseline).", DefaultValueFactory = _ => seconds }.Within(0, 3600);
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed writes the same corpus.", DefaultValueFactory = _ => 42 };
        var noVideo = new Option<bool>("--no-video") { Description = "Skip the face videos (no ffmpeg needed)." };
        var command = new Command(name, description) { output, subjectCount, length, seed };
        if (!perVideo)
        {
            command.Options.Add(trialCount);
            command.Options.Add(noVideo);
        }
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var ml = new MLContext(parse.GetValue(seed));
            string root = parse.GetValue(output)!;
            var console = ProgressConsole.Create(parse.InvocationConfiguration.Output);
            ProgressConsole.Run(console, ml, () => write(ml, root, parse.GetValue(subjectCount), parse.GetValue(trialCount),
                parse.GetValue(length), parse.GetValue(seed), !parse.GetValue(noVideo)));
            console.WriteLine($"Wrote a synthetic {name.ToUpperInvariant()} corpus to {Path.GetFullPath(root)}; load it with the '{manifest ?? name}' manifest.");
        }));
        return command;
    }
}
