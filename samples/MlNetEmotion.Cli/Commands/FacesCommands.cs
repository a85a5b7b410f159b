using System.CommandLine;
using MlNetEmotion.Cli.Hosting;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Faces;

namespace MlNetEmotion.Cli.Commands;

/// <summary>The <c>mlnet-emotion faces ...</c> command group.</summary>
internal static class FacesCommands
{
    /// <summary>Builds the <c>faces</c> command and its sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("faces", "Face detection (Viola–Jones, OpenCV cascades) and face crops from images and video.");
        command.Subcommands.Add(CreateDetect());
        command.Subcommands.Add(CreateCrop());
        command.Subcommands.Add(FacesExpressionCommand.Create(CascadeOption(), LoadCascade));
        return command;
    }

    private static Option<string?> CascadeOption() =>
        new("--cascade") { Description = "OpenCV cascade XML (default: embedded haarcascade_frontalface_default.xml)." };

    private static Command CreateDetect()
    {
        var images = new Argument<string[]>("images") { Description = "Image files (PNG, PGM/PPM, or anything ffmpeg decodes).", Arity = ArgumentArity.OneOrMore };
        var cascade = CascadeOption();
        var scale = new Option<double>("--scale") { Description = "Scale factor between levels (> 1).", DefaultValueFactory = _ => 1.1 }.Within(1, 10, maxIncluded: true);
        var neighbours = new Option<int>("--min-neighbors") { Description = "Overlapping raw hits a face needs (more than this).", DefaultValueFactory = _ => 3 }.Within(0, 1000);
        var minSize = new Option<int>("--min-size") { Description = "Smallest face side in pixels.", DefaultValueFactory = _ => 30 }.Within(0, 100_000);
        var command = new Command("detect", "Detect faces; prints JSON [{\"file\":..,\"faces\":[{\"x\":..,\"y\":..,\"width\":..,\"height\":..}]}].");
        command.Arguments.Add(images);
        foreach (var option in new Option[] { cascade, scale, neighbours, minSize }) command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var options = new CascadeDetectionOptions
            {
                ScaleFactor = parse.GetValue(scale), MinNeighbors = parse.GetValue(neighbours), MinSize = parse.GetValue(minSize),
            };
            var report = FaceDetectionReport.Detect(parse.GetValue(images)!, LoadCascade(parse.GetValue(cascade)), options);
            parse.InvocationConfiguration.Output.WriteLine(FaceDetectionReport.ToJson(report));
        }));
        return command;
    }

    private static Command CreateCrop()
    {
        var input = new Argument<string>("input") { Description = "Video (anything ffmpeg reads) or still image." };
        var cascade = CascadeOption();
        var fps = new Option<double>("--fps") { Description = "Frames per second taken from a video.", DefaultValueFactory = _ => 8 }.Within(0, 1000);
        var size = new Option<int>("--size") { Description = "Side of the square crops in pixels.", DefaultValueFactory = _ => 227 }.Within(1, 4096);
        var margin = new Option<double>("--margin") { Description = "Extra fraction of the face box on each side.", DefaultValueFactory = _ => 0 }.Within(0, 10, minIncluded: true);
        var drop = new Option<bool>("--drop-missed") { Description = "Drop frames without a face instead of reusing the last box." };
        var output = new Option<string>("--out") { Description = "Output folder for frame_NNNNNN.png crops and index.json.", Required = true };
        var command = new Command("crop", "Largest face per frame, cropped square and resized; writes PNGs and index.json.");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { cascade, fps, size, margin, drop, output }) command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(parse, () =>
        {
            var options = new FaceCropExportOptions
            {
                FramesPerSecond = parse.GetValue(fps),
                Size = parse.GetValue(size),
                Margin = parse.GetValue(margin),
                Tracking = new FaceTrackingOptions { OnMiss = parse.GetValue(drop) ? MissedFacePolicy.DropFrame : MissedFacePolicy.ReuseLastBox },
            };
            var index = FaceCropExporter.Export(parse.GetValue(input)!, parse.GetValue(output)!, LoadCascade(parse.GetValue(cascade)), options);
            parse.InvocationConfiguration.Output.WriteLine($"{index.Crops.Count} crops written to {parse.GetValue(output)}");
        }));
        return command;
    }

    private static CascadeClassifier LoadCascade(string? path) =>
        path is null ? CascadeClassifier.FrontalFaceDefault() : CascadeClassifier.Load(path);
}
