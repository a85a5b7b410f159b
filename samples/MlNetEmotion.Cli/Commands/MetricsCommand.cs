using System.CommandLine;
using System.Text.Json;
using MlNetEmotion.Cli.Metrics;

namespace MlNetEmotion.Cli.Commands;

/// <summary><c>mlnet-emotion metrics</c>: score any model's predictions from a CSV with the toolkit's evaluators.</summary>
internal static class MetricsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = "multiclass or regression.", Required = true };
        task.AcceptOnlyFromAmong("multiclass", "regression");
        var input = new Option<string>("--input") { Description = "Predictions CSV with a header line.", Required = true };
        var label = new Option<string>("--label") { Description = "Label column (regression: comma-separated, one per target).", DefaultValueFactory = _ => "Label" };
        var predicted = new Option<string>("--predicted-label") { Description = "Predicted class column (multiclass).", DefaultValueFactory = _ => "PredictedLabel" };
        var score = new Option<string>("--score") { Description = "Multiclass: prefix of the class-probability columns; regression: score columns, comma-separated.", DefaultValueFactory = _ => "Score" };
        var command = new Command("metrics", "Compute classification or regression metrics from a predictions CSV and print them as JSON.")
        {
            task, input, label, predicted, score,
        };
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            string path = parse.GetValue(input)!;
            var json = parse.GetValue(task) == "multiclass"
                ? PredictionMetrics.Multiclass(path, parse.GetValue(label)!, parse.GetValue(predicted)!, parse.GetValue(score)!)
                : PredictionMetrics.Regression(path, Split(parse.GetValue(label)!), Split(parse.GetValue(score)!));
            parse.InvocationConfiguration.Output.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }));
        return command;
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
