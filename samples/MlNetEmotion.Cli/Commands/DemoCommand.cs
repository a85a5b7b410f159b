using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MlNetEmotion.Cli.Demo;
using MlNetEmotion.Cli.Hosting;
using MlNetEmotion.Cli.Terminal;
using Spectre.Console;

namespace MlNetEmotion.Cli.Commands;

/// <summary><c>mlnet-emotion demo</c>: the built-in experiment, with progress bars and results tables.</summary>
internal static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var defaults = new DemoSettings();
        var subjects = new Option<int>("--subjects") { Description = "Synthetic subjects.", DefaultValueFactory = _ => defaults.Subjects }.Within(1, 10_000);
        var trials = new Option<int>("--trials") { Description = "Trials per subject.", DefaultValueFactory = _ => defaults.TrialsPerSubject }.Within(1, 10_000);
        var seconds = new Option<double>("--seconds") { Description = "Stimulus seconds per trial (after the 3 s baseline).", DefaultValueFactory = _ => defaults.Seconds }.Within(0, 3600);
        var fps = new Option<double>("--fps") { Description = "Face frames per second fed to detection and the expression network.", DefaultValueFactory = _ => defaults.FrameRate }.Within(0, 60);
        var noVideo = new Option<bool>("--no-video") { Description = "EEG only: skip the face video." };
        var target = new Option<string>("--target") { Description = "Rating to classify: Arousal or Valence.", DefaultValueFactory = _ => defaults.Target };
        target.AcceptOnlyFromAmong("Arousal", "Valence");
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => defaults.Folds }.Within(2, 10_000);
        var epochs = new Option<int>("--epochs") { Description = "Maximum MLP epochs.", DefaultValueFactory = _ => defaults.Epochs }.Within(1, 100_000);
        var seed = new Option<int>("--seed") { Description = "Seed of data, folds and training.", DefaultValueFactory = _ => defaults.Seed };
        var output = new Option<string>("--out") { Description = "Folder for metrics.json.", DefaultValueFactory = _ => defaults.OutputDirectory };
        var command = new Command("demo",
            "Run the built-in experiment: synthetic DEAP-shaped EEG + face video through the real EEG and face chains, 3-level arousal, MLP (and LightGbm on EEG + face), CV by subject.")
        {
            subjects, trials, seconds, fps, noVideo, target, folds, epochs, seed, output,
        };
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            // Folds are grouped by subject: each fold needs a subject of its own.
            if (parse.GetValue(folds) > parse.GetValue(subjects))
                throw new UsageException($"--folds ({parse.GetValue(folds)}) must not exceed --subjects ({parse.GetValue(subjects)}): folds are grouped by subject.");
            var settings = new DemoSettings(parse.GetValue(subjects), parse.GetValue(trials), parse.GetValue(seconds), parse.GetValue(fps),
                parse.GetValue(target)!, parse.GetValue(folds), parse.GetValue(epochs), parse.GetValue(seed), parse.GetValue(output)!,
                !parse.GetValue(noVideo));
            Run(settings, parse.InvocationConfiguration.Output);
        }));
        return command;
    }

    private static void Run(DemoSettings settings, TextWriter output)
    {
        var console = ProgressConsole.Create(output);
        var ml = new MLContext(settings.Seed);
        var started = DateTime.UtcNow;
        IReadOnlyList<DemoRun> runs = [];
        ProgressConsole.Run(console, ml, () => runs = DemoExperiment.Run(ml, settings));
        var main = runs.Last(r => r.Protocol == "by subject" && r.Model == DemoExperiment.Mlp);
        var summary = new Table().Title($"3-level {settings.Target}, {settings.Subjects} subjects x {settings.TrialsPerSubject} trials, {settings.Folds}-fold CV");
        foreach (var h in new[] { "Features", "Model", "Split", "Accuracy", "Macro F1", "Kappa", "Macro AUC" }) summary.AddColumn(h);
        foreach (var r in runs)
            summary.AddRow(r.Name, r.Model, r.Protocol, S(r, "MicroAccuracy"), S(r, "MacroF1"), S(r, "CohenKappa"), S(r, "MacroAuc"));
        console.Write(summary);
        var table = new Table().Title($"{main.Name}, folds grouped by subject");
        foreach (var h in new[] { "Fold", "Train", "Test", "Accuracy", "Macro acc.", "Macro F1", "Kappa", "Log-loss", "Macro AUC" }) table.AddColumn(h);
        foreach (var f in main.Result.Folds)
        {
            var m = f.Metrics.Scores;
            table.AddRow(new[] { (f.Fold + 1).ToString(CultureInfo.InvariantCulture), f.Split.TrainRows.Length.ToString(CultureInfo.InvariantCulture),
                f.Split.TestRows.Length.ToString(CultureInfo.InvariantCulture), F(m.MicroAccuracy), F(m.MacroAccuracy), F(m.MacroF1),
                F(m.CohenKappa), F(m.LogLoss), F(m.MacroAuc) });
        }
        console.Write(table);
        console.WriteLine();
        console.WriteLine($"Pooled confusion matrix of {main.Name} (rows: true class, columns: predicted):");
        console.WriteLine(main.Result.Pooled.Standard.ConfusionMatrix.GetFormattedConfusionTable());
        string path = Path.Combine(settings.OutputDirectory, "metrics.json");
        string json = DemoExperiment.ToJson(settings, runs).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Core.IO.AtomicFile.Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(json)));
        console.WriteLine($"{main.Name} accuracy {S(main, "MicroAccuracy")} in {(DateTime.UtcNow - started).TotalSeconds:F1} s; metrics written to {path}");
    }

    private static string S(DemoRun run, string name) =>
        $"{F(run.Result.Statistics[name].Mean)} ± {F(run.Result.Statistics[name].StandardDeviation)}";

    private static string F(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
}
