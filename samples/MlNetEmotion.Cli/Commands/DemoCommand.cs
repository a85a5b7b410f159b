using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MlNetEmotion.Cli.Demo;
using MlNetEmotion.Cli.Terminal;
using Spectre.Console;

namespace MlNetEmotion.Cli.Commands;

/// <summary><c>mlnet-emotion demo</c>: the built-in experiment, with a progress bar and a results table.</summary>
internal static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var subjects = new Option<int>("--subjects") { Description = "Synthetic subjects.", DefaultValueFactory = _ => 32 };
        var trials = new Option<int>("--trials") { Description = "Trials per subject.", DefaultValueFactory = _ => 40 };
        var target = new Option<string>("--target") { Description = "Rating to classify: Arousal or Valence.", DefaultValueFactory = _ => "Arousal" };
        target.AcceptOnlyFromAmong("Arousal", "Valence");
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (grouped by subject).", DefaultValueFactory = _ => 5 };
        var epochs = new Option<int>("--epochs") { Description = "Maximum MLP epochs.", DefaultValueFactory = _ => 60 };
        var seed = new Option<int>("--seed") { Description = "Seed of data, folds and training.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Folder for metrics.json.", DefaultValueFactory = _ => "out/demo" };
        var command = new Command("demo", "Run the built-in experiment: 3-level arousal from synthetic EEG band powers, MLP, 5-fold CV by subject.")
        {
            subjects, trials, target, folds, epochs, seed, output,
        };
        command.SetAction(parse =>
        {
            var settings = new DemoSettings(parse.GetValue(subjects), parse.GetValue(trials), parse.GetValue(target)!,
                parse.GetValue(folds), parse.GetValue(epochs), parse.GetValue(seed), parse.GetValue(output)!);
            return Run(settings, parse.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(DemoSettings settings, TextWriter output)
    {
        var console = ProgressConsole.Create(output);
        var ctx = new EmotionContext(settings.Seed);
        var started = DateTime.UtcNow;
        Training.CrossValidationSummary<Evaluation.MulticlassClassificationMetrics>? cv = null;
        ProgressConsole.Run(console, ctx, () => cv = DemoExperiment.Run(ctx, settings));
        var table = new Table().Title($"3-level {settings.Target}, {settings.Subjects} subjects x {settings.TrialsPerSubject} trials, {settings.Folds}-fold CV by subject");
        foreach (var h in new[] { "Fold", "Train", "Test", "Accuracy", "Macro acc.", "Macro F1", "Kappa", "Log-loss", "Macro AUC" }) table.AddColumn(h);
        foreach (var f in cv!.Folds)
        {
            var m = f.Metrics;
            table.AddRow(new[] { (f.Fold + 1).ToString(CultureInfo.InvariantCulture), f.Split.TrainRows.Length.ToString(CultureInfo.InvariantCulture),
                f.Split.TestRows.Length.ToString(CultureInfo.InvariantCulture), F(m.MicroAccuracy), F(m.MacroAccuracy), F(m.MacroF1),
                F(m.CohenKappa), F(m.LogLoss), F(m.MacroAuc) });
        }
        string S(string name) => $"{F(cv.Statistics[name].Mean)} ± {F(cv.Statistics[name].StandardDeviation)}";
        table.AddRow("mean ± sd", "", "", S("MicroAccuracy"), S("MacroAccuracy"), S("MacroF1"), S("CohenKappa"), S("LogLoss"), S("MacroAuc"));
        console.Write(table);
        console.WriteLine();
        console.WriteLine("Pooled confusion matrix (rows: true class, columns: predicted):");
        console.WriteLine(cv.PooledConfusionMatrix!.GetFormattedConfusionTable());
        string path = Path.Combine(settings.OutputDirectory, "metrics.json");
        string json = DemoExperiment.ToJson(settings, cv).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Core.IO.AtomicFile.Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(json)));
        console.WriteLine($"Accuracy {S("MicroAccuracy")} in {(DateTime.UtcNow - started).TotalSeconds:F1} s; metrics written to {path}");
        return 0;
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
}
