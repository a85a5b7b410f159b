using System.CommandLine;
using System.Globalization;
using System.Text;
using MlNetEmotion.Cli.Hosting;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Expression;

namespace MlNetEmotion.Cli.Commands;

/// <summary><c>mlnet-emotion faces expression</c>: facial expression probabilities (face-api's pretrained network) of
/// the detected faces, or of whole face images.</summary>
internal static class FacesExpressionCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="cascade">The shared <c>--cascade</c> option.</param>
    /// <param name="loadCascade">Loads the cascade named by the option (null: the embedded default).</param>
    public static Command Create(Option<string?> cascade, Func<string?, CascadeClassifier> loadCascade)
    {
        var images = new Argument<string[]>("images") { Description = "Image files (PNG, PGM/PPM, or anything ffmpeg decodes).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var wholeImage = new Option<bool>("--whole-image") { Description = "Skip detection: each image is one face (resized to 112x112 unless it already is)." };
        var minSize = new Option<int>("--min-size") { Description = "Smallest face side in pixels.", DefaultValueFactory = _ => 30 }.Within(0, 100_000);
        var command = new Command("expression",
            "Expression probabilities (neutral, happy, sad, angry, fearful, disgusted, surprised) per detected face, largest first.");
        command.Arguments.Add(images);
        foreach (var option in new Option[] { json, wholeImage, cascade, minSize }) command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var detector = parse.GetValue(wholeImage) ? null : loadCascade(parse.GetValue(cascade));
            var options = new CascadeDetectionOptions { MinSize = parse.GetValue(minSize) };
            var report = FaceExpressionReport.Analyze(parse.GetValue(images)!, FaceExpressionNet.LoadPretrained(), detector, options);
            parse.InvocationConfiguration.Output.Write(parse.GetValue(json) ? FaceExpressionReport.ToJson(report) + Environment.NewLine : Table(report));
        }));
        return command;
    }

    /// <summary>One line per face: file, box, the seven probabilities and the top label.</summary>
    private static string Table(IReadOnlyList<FileExpressions> report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"file",-32} {"face (x,y,w,h)",-20}");
        foreach (var label in FaceExpressionNet.Labels) text.Append(CultureInfo.InvariantCulture, $" {label,9}");
        text.AppendLine("  top");
        foreach (var file in report)
        {
            if (file.Faces.Count == 0) text.AppendLine(CultureInfo.InvariantCulture, $"{file.File,-32} (no face)");
            foreach (var face in file.Faces)
            {
                text.Append(CultureInfo.InvariantCulture, $"{file.File,-32} {$"{face.X},{face.Y},{face.Width},{face.Height}",-20}");
                foreach (var label in FaceExpressionNet.Labels) text.Append(CultureInfo.InvariantCulture, $" {face.Expressions[label],9:F4}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {face.Top}");
            }
        }
        return text.ToString();
    }
}
